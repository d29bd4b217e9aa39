"""Indicators × units of one level as a table: what ``jingkong indicators`` prints and ``jingkong report`` writes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from app.domain.admin import Level
from app.models.indicators.catalogue import Indicator
from app.models.indicators.engine import IndicatorEngine


@dataclass(frozen=True)
class IndicatorTable:
    """``values[i, j]``: indicator ``j`` of unit ``codes[i]`` as of ``as_of`` (NaN: no denominator)."""

    level: Level
    as_of: dt.date
    codes: list[str]
    indicators: list[Indicator]
    values: np.ndarray

    def as_dict(self) -> dict[str, dict[str, float | int | None]]:
        """``{unit_code: {indicator_id: value}}`` with values as :func:`plain_value` gives them."""
        ids = [i.id for i in self.indicators]
        return {code: dict(zip(ids, row)) for code, row in zip(self.codes, plain_rows(self.values))}


def plain_value(value: float, digits: int = 4) -> float | int | None:
    """A value for JSON and files: None for no value, an int for a whole number, else rounded to ``digits``."""
    if math.isnan(value):
        return None
    return int(value) if float(value).is_integer() else round(float(value), digits)


def plain_rows(values: np.ndarray, digits: int = 4) -> list[list[float | int | None]]:
    """:func:`plain_value` of every cell of a 2-D array, whole numbers and gaps found with numpy: a grid-level
    report is millions of cells, most of them counts."""
    v = np.asarray(values, np.float64)
    out = v.astype(object)
    with np.errstate(invalid="ignore"):
        whole = (np.abs(v) < 2.0**53) & (v == np.floor(v))  # exact in int64; NaN and inf compare False
    out[whole] = v[whole].astype(np.int64).tolist()
    gaps = np.isnan(v)
    out[gaps] = None
    rest = ~whole & ~gaps
    out[rest] = [plain_value(x, digits) for x in v[rest].tolist()]
    return out.tolist()


def level_table(engine: IndicatorEngine, level: Level, as_of: dt.date, indicator_ids: list[str] | None = None,
                units: list[str] | None = None) -> IndicatorTable:
    """Chosen indicators (default all) for chosen units (default all) of ``level``.

    Raises KeyError naming an unknown indicator, or a unit code that is not of ``level`` (or not the principal's).
    """
    indicators = [engine.catalogue[i] for i in indicator_ids] if indicator_ids else list(engine.catalogue)
    codes = [str(c) for c in engine.codes(level)]
    rows = np.flatnonzero(~engine.hidden(level))  # only the units the principal may see
    if units:
        position = {codes[r]: r for r in rows.tolist()}
        missing = [u for u in units if u not in position]
        if missing:
            raise KeyError(f"no {level.key} with code {', '.join(missing)}")
        rows = np.array([position[u] for u in units], np.int64)
    values = np.column_stack([engine.level_values(i.id, level, as_of)[rows] for i in indicators]) if indicators \
        else np.zeros((len(rows), 0))
    return IndicatorTable(level, as_of, [codes[r] for r in rows], indicators, values)
