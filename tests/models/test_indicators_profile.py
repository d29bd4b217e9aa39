"""The unit profile (value, parent's value, rank among siblings) and the vaccination table, on a built world."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.models.indicators import IndicatorEngine
from app.models.indicators.unit_profile import choropleth_values, unit_profile
from app.models.indicators.vaccination_table import vaccination_table
from tests.factories import World

AS_OF = dt.date(2022, 3, 31)


@pytest.fixture
def engine(world: World) -> IndicatorEngine:
    site = world.add_facility(FacilityKind.VACCINATION_SITE)
    # town 1: village 001 has 4 people aged 65 (3 vaccinated), village 002 has 2 (none); town 2: 1 person, vaccinated
    for grid, n, vaccinated in (("330382001001001", 4, 3), ("330382001002001", 2, 0), ("330382002001001", 1, 1)):
        for i in range(n):
            p = world.add_person(grid, born="1957-01-01")
            if i < vaccinated:
                world.add_vaccination(p, 1, "2022-03-02 09:00", site)
                world.add_vaccination(p, 2, "2022-03-25 09:00", site)
    return IndicatorEngine(world.store, (dt.date(2022, 3, 1), AS_OF)).ensure()


def test_profile_has_parent_value_and_rank_among_siblings(engine: IndicatorEngine) -> None:
    ind = engine.catalogue["vax_d1_cov_a60_69"]
    (v1,) = unit_profile(engine, "330382001001", AS_OF, [ind])
    (v2,) = unit_profile(engine, "330382001002", AS_OF, [ind])
    assert (v1.value, v1.parent_value, v1.rank, v1.siblings) == (75, 50, 1, 2)
    assert (v2.value, v2.rank, v2.status) == (0, 2, "alarm")
    (town,) = unit_profile(engine, "330382002", AS_OF, [ind])
    assert (town.value, town.rank, town.siblings) == (100, 1, 2)
    (county,) = unit_profile(engine, "330382", AS_OF, [ind])
    assert math.isnan(county.parent_value) and county.rank == 1


def test_choosing_an_indicator_colours_the_level_below(engine: IndicatorEngine) -> None:
    level, values = choropleth_values(engine, engine.catalogue["vax_d1_cov_a60_69"], "330382001", AS_OF)
    assert level == "village"
    assert values["330382001001"] == 75 and values["330382001002"] == 0 and math.isnan(values["330382002002"])


def test_vaccination_table_by_band_and_dose(engine: IndicatorEngine) -> None:
    table = vaccination_table(engine, Level.TOWN, dt.date(2022, 3, 10))
    assert table.codes == ["330382001", "330382002"]
    band = 3  # 60–69
    assert list(table.population[:, band]) == [6, 1]
    assert list(table.vaccinated[:, band, 0]) == [3, 1] and list(table.vaccinated[:, band, 1]) == [0, 0]
    assert table.coverage[0, band, 0] == 50 and math.isnan(table.coverage[0, 0, 0])
    later = vaccination_table(engine, Level.TOWN, AS_OF)
    assert list(later.vaccinated[:, band, 1]) == [3, 1]


def test_profile_of_many_indicators_agrees_with_each_alone(engine: IndicatorEngine) -> None:
    """The profile reads the cube once for all indicators: each row is what the indicator alone gives."""
    indicators = list(engine.catalogue)
    rows = unit_profile(engine, "330382001002", AS_OF, indicators)
    for ind, row in zip(indicators, rows):
        (alone,) = unit_profile(engine, "330382001002", AS_OF, [ind])
        assert (row.rank, row.siblings, row.status) == (alone.rank, alone.siblings, alone.status), ind.id
        assert row.value == alone.value or math.isnan(row.value) and math.isnan(alone.value), ind.id


def test_values_of_some_units_are_those_of_the_whole_level(engine: IndicatorEngine) -> None:
    rows = [1, 0]
    for ind in engine.catalogue:
        whole = engine.level_values(ind.id, Level.VILLAGE, AS_OF)[rows]
        some = engine.rows_values([ind], Level.VILLAGE, AS_OF, rows)[0]
        assert some.tolist() == pytest.approx(whole.tolist(), nan_ok=True), ind.id
