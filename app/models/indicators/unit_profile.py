"""One unit's indicators beside its parent's, with its rank among its siblings: what the indicator panel shows."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from app.models.indicators.catalogue import Indicator
from app.models.indicators.engine import IndicatorEngine


@dataclass(frozen=True)
class ProfileRow:
    indicator: Indicator
    value: float
    parent_value: float  # NaN for the county
    rank: int  # 1 = best among siblings (the direction that is good; higher first if neutral); 0 = no value
    siblings: int  # units with a value among the unit and its siblings
    status: str  # "ok" | "warning" | "alarm" | "none"


def unit_profile(engine: IndicatorEngine, code: str, as_of: dt.date, indicators: list[Indicator]) -> list[ProfileRow]:
    """Rows for ``indicators`` of unit ``code`` as of ``as_of``."""
    engine.ensure()
    level, row = engine.tree.find(code)
    values = engine.unit_values(code, as_of, indicators)
    parent = code[:-3] if len(code) > 6 else None
    parent_values = engine.unit_values(parent, as_of, indicators) if parent else {}
    codes = engine.codes(level)
    siblings = np.flatnonzero(np.char.startswith(codes.astype(str), parent)) if parent else np.array([row])
    rows = []
    for ind in indicators:
        value = values[ind.id]
        peer = engine.level_values(ind.id, level, as_of)[siblings]
        peer = peer[~np.isnan(peer)]
        if math.isnan(value):
            rank = 0
        else:
            better = (peer < value) if ind.good == "down" else (peer > value)
            rank = int(better.sum()) + 1
        rows.append(ProfileRow(ind, value, parent_values.get(ind.id, math.nan), rank, len(peer), ind.status(value)))
    return rows


def choropleth_values(engine: IndicatorEngine, indicator: Indicator, code: str, as_of: dt.date) -> tuple[str, dict[str, float]]:
    """The level to colour when ``indicator`` is chosen for unit ``code`` (the one below it; grids stay grids),
    and the indicator for every unit of that level."""
    level, _ = engine.ensure().tree.find(code)
    below = type(level)(min(int(level) + 1, 3))
    values = engine.level_values(indicator.id, below, as_of)
    return below.key, {str(c): float(v) for c, v in zip(engine.codes(below), values)}
