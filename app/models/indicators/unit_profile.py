"""One unit's indicators beside its parent's, with its rank among its siblings: what the indicator panel shows."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from app.models.indicators.catalogue import Indicator
from app.models.indicators.engine import IndicatorEngine
from app.models.thresholds import STATUSES, each_threshold_class, threshold_number, threshold_sign


@dataclass(frozen=True)
class ProfileRow:
    indicator: Indicator
    value: float
    parent_value: float  # NaN for the county
    rank: int  # 1 = best among siblings (the direction that is good; higher first if neutral); 0 = no value
    siblings: int  # units with a value among the unit and its siblings
    status: str  # "ok" | "warning" | "alarm" | "none"


def unit_profile(engine: IndicatorEngine, code: str, as_of: dt.date, indicators: list[Indicator]) -> list[ProfileRow]:
    """Rows for ``indicators`` of unit ``code`` as of ``as_of``. Reads only the unit's and its siblings' cells of
    the cube (the panel follows the as-of slider: the whole level per indicator cost tens of milliseconds)."""
    engine.ensure()
    level, row = engine.tree.find(code)
    parent = code[:-3] if len(code) > 6 else None
    parent_values = engine.unit_values(parent, as_of, indicators) if parent else {}
    codes = engine.codes(level)
    siblings = np.flatnonzero(np.char.startswith(codes.astype(str), parent)) if parent else np.array([row])
    me = int(np.flatnonzero(siblings == row)[0])
    peers = engine.rows_values(indicators, level, as_of, siblings)  # indicators × siblings
    values = peers[:, me]
    down = np.array([i.good == "down" for i in indicators])[:, None]
    with np.errstate(invalid="ignore"):  # NaN peers are never better
        better = np.where(down, peers < values[:, None], peers > values[:, None]).sum(axis=1)
    ranks = np.where(np.isnan(values), 0, better + 1)
    counts = (~np.isnan(peers)).sum(axis=1)
    classes = each_threshold_class(values, np.array([threshold_sign(i.good, i.warning, i.alarm) for i in indicators]),
                                   np.array([threshold_number(i.warning) for i in indicators]),
                                   np.array([threshold_number(i.alarm) for i in indicators]))
    return [ProfileRow(ind, float(values[i]), parent_values.get(ind.id, math.nan), int(ranks[i]), int(counts[i]),
                       STATUSES[classes[i]] if classes[i] >= 0 else "none") for i, ind in enumerate(indicators)]


def choropleth_values(engine: IndicatorEngine, indicator: Indicator, code: str, as_of: dt.date) -> tuple[str, dict[str, float]]:
    """The level to colour when ``indicator`` is chosen for unit ``code`` (the one below it; grids stay grids),
    and the indicator for every unit of that level."""
    level, _ = engine.ensure().tree.find(code)
    below = type(level)(min(int(level) + 1, 3))
    values = engine.level_values(indicator.id, below, as_of)
    return below.key, {str(c): float(v) for c, v in zip(engine.codes(below), values)}
