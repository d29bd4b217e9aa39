"""Home units of people at each admin level, from their home grid ids (codes nest: town 9, village 12, grid 15)."""

from __future__ import annotations

import numpy as np

from app.store.queries.people import unit_codes
from app.store.store import Store

LEVEL_CODE_LENGTH = {"town": 9, "village": 12, "grid": 15}


def unit_codes_by_level(store: Store, grid_ids: np.ndarray) -> dict[str, np.ndarray]:
    """level -> object array of unit codes aligned with ``grid_ids`` ('' where the grid id is -1)."""
    codes = unit_codes(store)
    grid = np.array([codes.get(int(g), "") for g in np.asarray(grid_ids).tolist()], dtype=object)
    return {level: np.array([c[:n] for c in grid.tolist()], dtype=object) for level, n in LEVEL_CODE_LENGTH.items()}
