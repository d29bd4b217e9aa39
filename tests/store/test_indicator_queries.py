"""The indicator engine's reads: packed integer columns, CST days, pending results, new records, on both backends."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from app.domain.facilities import FacilityKind
from app.domain.places import Direction, PlaceKind
from app.models.indicators import IndicatorEngine
from app.store.queries.indicators import READERS, Scope, id_limits, new_record_persons, persons
from app.store.queries.packed import fetch_packed
from app.timebase import day_number
from tests.factories import World


def day(text: str) -> int:
    return day_number(dt.date.fromisoformat(text))


def test_packed_fields_split_into_several_columns_and_come_back(world: World) -> None:
    p = world.add_person(born="1901-02-03", occupation=7)
    with world.store.engine.connect() as conn:
        out = fetch_packed(conn, [("id", "id", 40), ("occ", "occupation", 30), ("one", "1", 1)], "persons")
        assert (out["id"].tolist(), out["occ"].tolist(), out["one"].tolist()) == ([p], [7], [1])
        with pytest.raises(ValueError, match="needs 64 bits"):
            fetch_packed(conn, [("x", "id", 64)], "persons")
        empty = fetch_packed(conn, [("id", "id", 8)], "persons WHERE 1 = 0")
    assert empty["id"].dtype == np.int64 and len(empty["id"]) == 0


def test_readers_give_cst_days_and_codes(any_world: World) -> None:
    w = any_world
    site = w.add_facility(FacilityKind.TEST_SITE)
    p = w.add_person("330382002002002", born="1950-12-31", occupation=5, sex=2)
    w.add_sample(p, site, "2022-03-10 23:30", result=1, reported="2022-03-11 08:00")
    w.add_sample(p, site, "2022-03-11 07:59", result=None)
    gate = w.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    w.add_scan(p, gate, "2022-03-12 00:10", direction=int(Direction.INBOUND), from_city=w.home_city_id)
    scope = Scope(limits=id_limits(w.store))
    people = persons(w.store, scope)
    assert people["grid"].tolist() == [w.unit_ids["330382002002002"]]
    assert (people["birth"].tolist(), people["occupation"].tolist(), people["sex"].tolist()) == ([day("1950-12-31")], [5], [2])
    samples = READERS["test_samples"](w.store, scope)
    assert samples["day"].tolist() == [day("2022-03-10"), day("2022-03-11")]
    assert samples["result"].tolist() == [1, -1]
    assert samples["report_day"].tolist()[0] == day("2022-03-11") and samples["seconds"].tolist()[0] == 510 * 60
    scans = READERS["scans"](w.store, scope)
    assert (scans["day"].tolist(), scans["direction"].tolist(), scans["city"].tolist()) == (
        [day("2022-03-12")], [int(Direction.INBOUND)], [w.home_city_id])
    just_p = READERS["test_samples"](w.store, Scope(persons=np.array([p]), with_ids=True, limits=scope.limits))
    assert sorted(just_p["id"].tolist()) == [1, 2]


def test_new_records_name_the_people_they_touch(any_world: World) -> None:
    w = any_world
    site = w.add_facility(FacilityKind.TEST_SITE)
    a, b = w.add_person(), w.add_person()
    w.add_sample(a, site, "2022-03-10 09:00")
    before = id_limits(w.store)
    w.add_sample(b, site, "2022-03-11 09:00")
    c = w.add_person()
    touched = new_record_persons(w.store, before, id_limits(w.store))
    assert touched["test_samples"].tolist() == [b] and touched["persons"].tolist() == [c]
    assert touched["scans"].tolist() == []
    assert not any(len(v) for v in new_record_persons(w.store, id_limits(w.store), id_limits(w.store)).values())


def test_engine_and_refresh_on_both_backends(any_world: World) -> None:
    w = any_world
    site = w.add_facility(FacilityKind.TEST_SITE)
    vsite = w.add_facility(FacilityKind.VACCINATION_SITE)
    p = w.add_person(born="1958-05-05")
    w.add_sample(p, site, "2022-03-10 09:00", result=1)
    engine = IndicatorEngine(w.store, (dt.date(2022, 3, 1), dt.date(2022, 3, 31))).ensure()
    assert engine.unit_values("330382", dt.date(2022, 3, 10))["positive_persons"] == 1
    w.add_vaccination(p, 1, "2022-03-12 09:00", vsite)
    assert engine.refresh() == 1
    assert engine.unit_values("330382", dt.date(2022, 3, 12))["vax_d1_cov_a60_69"] == 100
