"""The admin hierarchy in the display CRS: every level's geometry, figures, outlines and spatial index."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely

from app.domain.admin import Level
from app.models.projection import geoms_to_display
from app.models.rings import Rings, flatten
from app.store.queries.admin import AdminLevel, grid_leaders, load_level
from app.store.store import Store


@dataclass(eq=False)
class UnitLevel:
    """All units of one level, row-aligned; geometry in EPSG:4549 metres."""

    level: Level
    data: AdminLevel
    geoms: np.ndarray
    parent_index: np.ndarray  # row in the parent level, -1 for the county
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.index = {code: i for i, code in enumerate(self.data.codes)}

    def __len__(self) -> int:
        return len(self.geoms)

    @cached_property
    def rings(self) -> Rings:
        return flatten(self.geoms)

    @cached_property
    def bounds(self) -> np.ndarray:
        return shapely.bounds(self.geoms)

    @cached_property
    def label_points(self) -> np.ndarray:
        return shapely.get_coordinates(shapely.point_on_surface(self.geoms))

    @cached_property
    def tree(self) -> shapely.STRtree:
        return shapely.STRtree(self.geoms)

    @cached_property
    def density(self) -> np.ndarray:
        """Residents per km²."""
        area = self.data.area_km2
        return np.divide(self.data.population, area, out=np.full(len(area), np.nan), where=area > 0)

    def hit(self, x: float, y: float) -> int:
        """Row of the unit containing the point, or -1."""
        rows = self.tree.query(shapely.Point(x, y), predicate="intersects")
        return int(rows.min()) if len(rows) else -1


class AdminAtlas:
    """The four levels (county, towns, villages, grids) and lookups across them by code."""

    def __init__(self, store: Store) -> None:
        self.levels: dict[Level, UnitLevel] = {}
        for level in Level:
            data = load_level(store, level)
            parent = self.levels.get(Level(level - 1)) if level else None
            parent_index = (np.array([parent.index.get(code[:-3], -1) for code in data.codes], np.int64)
                            if parent is not None else np.full(len(data), -1, np.int64))
            self.levels[level] = UnitLevel(level, data, geoms_to_display(data.geoms), parent_index)
        self._store = store

    @cached_property
    def grid_leaders(self) -> dict[int, tuple[str, str]]:
        return grid_leaders(self._store)

    def find(self, code: str) -> tuple[UnitLevel, int] | None:
        level = Level(min(max((len(code) - 6) // 3, 0), 3))
        units = self.levels[level]
        row = units.index.get(code)
        return None if row is None else (units, row)

    def ancestors(self, code: str) -> list[str]:
        """Codes from the county down to ``code`` itself (only those in the store)."""
        chain = [code[: 6 + 3 * n] for n in range((len(code) - 6) // 3 + 1)]
        return [c for c in chain if self.find(c) is not None]

    def bounds(self, code: str) -> tuple[float, float, float, float]:
        units, row = self.find(code)
        return tuple(units.bounds[row])

    def extent(self) -> tuple[float, float, float, float]:
        county = self.levels[Level.COUNTY]
        return tuple(county.bounds[0]) if len(county) else (0.0, 0.0, 1.0, 1.0)
