"""Invariants of every indicator at every unit on several days of a generated county: no value outside the range
its catalogue entry gives (shares within 0..100 %, counts never negative), every measure of a unit the sum of its
children's, and every rate the ratio of its summed parts.

The engine is computed once per module, on the tiny demo county, or on the store ``$JINGKONG_PROPERTY_DB`` names
(e.g. a ``small`` one, to check the figures at a larger scale by hand).
"""

from __future__ import annotations

import datetime as dt
import math
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.admin import Level
from app.models.as_of import store_period
from app.models.indicators import IndicatorEngine
from app.store import Store

CHILD = {Level.COUNTY: Level.TOWN, Level.TOWN: Level.VILLAGE, Level.VILLAGE: Level.GRID}


@pytest.fixture(scope="module")
def engine(tiny_store_path: str) -> IndicatorEngine:
    store = Store.open(os.environ.get("JINGKONG_PROPERTY_DB") or tiny_store_path)
    yield IndicatorEngine(store, store_period(store.meta())).ensure()
    store.close()


def days(engine: IndicatorEngine) -> list[dt.date]:
    """The first days (whose 7- and 14-day windows reach back before the period), the middle and the last."""
    first, last = engine.period
    return [first, first + dt.timedelta(days=2), first + (last - first) / 2, last]


def children(engine: IndicatorEngine, level: Level) -> np.ndarray:
    """For each unit of the level below ``level``, the row of its parent."""
    row = {c: i for i, c in enumerate(engine.codes(level))}
    return np.array([row[c[:-3]] for c in engine.codes(CHILD[level])])


def test_every_indicator_at_every_unit_stays_in_its_range(engine: IndicatorEngine) -> None:
    bad = []
    for as_of in days(engine):
        for level in Level:
            for ind in engine.catalogue:
                values = engine.level_values(ind.id, level, as_of)
                known = values[~np.isnan(values)]
                low = known < ind.low - 1e-9 if ind.low is not None else np.zeros(len(known), bool)
                high = known > ind.high + 1e-9 if ind.high is not None else np.zeros(len(known), bool)
                if low.any() or high.any():
                    codes = engine.codes(level)[~np.isnan(values)][low | high]
                    bad.append((ind.id, as_of.isoformat(), str(codes[0]), float(known[low | high][0])))
    assert not bad, f"{len(bad)} indicator/level/day(s) out of range, e.g. {bad[:5]}"


def test_every_measure_of_a_unit_is_the_sum_of_its_childrens(engine: IndicatorEngine) -> None:
    for as_of in days(engine):
        slot = engine.slot(as_of)
        for level, below in CHILD.items():
            rows = children(engine, level)
            for measure in engine.cube.measures:
                upper = engine.cube.at(measure, level, slot)
                lower = engine.cube.at(measure, below, slot)
                assert (np.bincount(rows, lower, len(upper)) == upper).all(), (measure, level, as_of)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_units_value_is_the_ratio_of_its_childrens_summed_parts(engine: IndicatorEngine, data: st.DataObject) -> None:
    ind = data.draw(st.sampled_from(engine.catalogue.indicators), "indicator")
    level = data.draw(st.sampled_from([Level.COUNTY, Level.TOWN, Level.VILLAGE]), "level")
    row = data.draw(st.integers(0, len(engine.codes(level)) - 1), "unit")
    first, last = engine.period
    as_of = first + dt.timedelta(days=data.draw(st.integers(0, (last - first).days), "day"))
    code = str(engine.codes(level)[row])
    value = engine.unit_values(code, as_of, [ind])[ind.id]
    num, den = engine.parts(ind, CHILD[level], as_of)
    mine = children(engine, level) == row
    want = num[mine].sum() if den is None else (num[mine].sum() / den[mine].sum() if den[mine].sum() else math.nan)
    assert value == pytest.approx(want, rel=1e-9, abs=1e-9, nan_ok=True), (ind.id, code, as_of)
    assert value == pytest.approx(engine.level_values(ind.id, level, as_of)[row], rel=1e-12, nan_ok=True)
    assert math.isnan(value) or ((ind.low is None or value >= ind.low - 1e-9) and (ind.high is None or value <= ind.high + 1e-9))
