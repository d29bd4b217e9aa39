"""Cohort screening on a store where each person's class is known by construction."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.domain.errors import InputError
from app.domain.facilities import FacilityKind
from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.models.dispatch.service import TaskService
from app.models.engine_tasks import dispatch_screening
from app.models.screening import ScreeningError, city_area, polygon_area, screen
from tests.factories import World, at

UNTIL = at("2022-03-31 23:59")
NATIVE = PersonKind.NATIVE_ELSEWHERE


@pytest.fixture
def cohort(world: World) -> dict[str, int]:
    city = world.add_city("上海", "Shanghai")
    world.add_risk_area(city, "2022-03-01 00:00")
    other = world.add_city("杭州")
    mall = world.add_place(None, city_id=city, name="上海某商场")
    gate = world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    site = world.add_facility(FacilityKind.TEST_SITE, "330382002001001")
    p = {
        "back": world.add_person(kind=NATIVE, city_id=city),
        "plan": world.add_person(kind=NATIVE, city_id=city, declared_return="2022-04-15 09:00"),
        "still": world.add_person(kind=NATIVE, city_id=city, grid=None),
        "early": world.add_person(kind=NATIVE, city_id=city),
        "traveller": world.add_person("330382002001001"),
        "seen_lately": world.add_person("330382002001001"),
        "seen_long_ago": world.add_person(),
        "elsewhere": world.add_person(kind=NATIVE, city_id=other),
    }
    world.add_scan(p["back"], gate, "2022-03-10 10:00", direction=Direction.INBOUND, from_city=city)
    world.add_sample(p["early"], site, "2022-02-20 10:00")  # before the window: no evidence of return
    world.add_scan(p["traveller"], mall, "2022-03-12 10:00")
    world.add_sample(p["traveller"], site, "2022-03-14 10:00")
    world.add_scan(p["traveller"], world.add_place("330382002001001"), "2022-03-20 10:00")  # later: not the evidence
    world.add_scan(p["seen_lately"], mall, "2022-03-30 10:00")
    p["long_ago_scan"] = world.add_scan(p["seen_long_ago"], mall, "2022-03-05 10:00")
    world.add_scan(p["seen_long_ago"], mall, "2022-03-12 10:00")
    world.add_scan(p["elsewhere"], gate, "2022-03-10 10:00", direction=Direction.INBOUND, from_city=other)
    return p


def test_classes_and_evidence(world: World, cohort: dict[str, int]) -> None:
    result = screen(world.store, city_area(world.store, "上海"), until=UNTIL)
    expected = {"back": "returned", "plan": "planning", "still": "still_there", "early": "still_there",
                "traveller": "returned", "seen_lately": "still_there", "seen_long_ago": "unknown"}
    assert {name: result.class_of(cohort[name]) for name in expected} == expected
    assert cohort["elsewhere"] not in result.person_id
    assert result.totals() == {"returned": 2, "planning": 1, "still_there": 3, "unknown": 1}
    rows = {r["person_id"]: r for r in result.rows()}
    assert rows[cohort["back"]]["evidence"][-1] == {"table": "scans", "id": 1, "at": at("2022-03-10 10:00"), "why": "county_record"}
    assert rows[cohort["traveller"]]["evidence"][-1] == {"table": "test_samples", "id": 2, "at": at("2022-03-14 10:00"),
                                                         "why": "county_record"}
    assert rows[cohort["seen_long_ago"]]["evidence"] == [{"table": "scans", "id": cohort["long_ago_scan"], "at": at("2022-03-05 10:00"),
                                                        "why": "scanned_there"}]
    assert rows[cohort["back"]]["id_masked"].count("*") == 11


def test_counts_by_level_and_people_without_home(world: World, cohort: dict[str, int]) -> None:
    result = screen(world.store, city_area(world.store, "Shanghai"), until=UNTIL)
    towns = result.counts_by("town")
    assert towns["330382002"] == {"returned": 1, "planning": 0, "still_there": 1, "unknown": 0}
    assert towns[""]["still_there"] == 1
    assert sum(sum(v.values()) for v in result.counts_by("grid").values()) == len(result)


def test_window_start_filters_links(world: World, cohort: dict[str, int]) -> None:
    result = screen(world.store, city_area(world.store, "上海"), since=at("2022-03-11 00:00"), until=UNTIL)
    assert result.class_of(cohort["back"]) == "still_there"  # its return was before the window
    assert result.class_of(cohort["seen_long_ago"]) == "unknown"


def test_polygon_area(world: World, cohort: dict[str, int]) -> None:
    # The west half of town 001 holds the checkpoint (grid 330382001001001).
    west = "POLYGON((120.9 28.1, 120.91 28.1, 120.91 28.12, 120.9 28.12, 120.9 28.1))"
    result = screen(world.store, polygon_area(west), since=at("2022-03-01 00:00"), until=UNTIL)
    assert sorted(result.person_id.tolist()) == sorted([cohort["back"], cohort["elsewhere"]])


@pytest.mark.parametrize("wkt", ["POLYGON((1 2", "POINT(1 2)", "POLYGON EMPTY"])
def test_bad_polygons(wkt: str) -> None:
    with pytest.raises(InputError, match="^polygon: "):
        polygon_area(wkt)


def test_unknown_city_and_reversed_window(world: World, cohort: dict[str, int]) -> None:
    with pytest.raises(ScreeningError, match="no city"):
        city_area(world.store, "火星")
    with pytest.raises(ScreeningError, match="after its end"):
        screen(world.store, city_area(world.store, "上海"), since=UNTIL, until=UNTIL - 1)


def test_export_and_dispatch(world: World, cohort: dict[str, int], tmp_path: Path) -> None:
    result = screen(world.store, city_area(world.store, "上海"), until=UNTIL)
    path = tmp_path / "cohort.csv"
    assert result.export_csv(path) == len(result)
    with open(path, encoding="utf-8-sig") as f:
        lines = list(csv.DictReader(f))
    assert {int(r["person_id"]): r["class"] for r in lines}[cohort["plan"]] == "planning"
    assert all("*" in r["id_masked"] for r in lines)
    tasks = TaskService(world.store)
    ids = dispatch_screening(tasks, result, ("returned", "planning"), by="tester")
    people = sorted(p for t in ids for p in tasks.people(t))
    assert people == sorted([cohort["back"], cohort["plan"], cohort["traveller"]])
    assert {tasks.get(t).kind for t in ids} == {"screening"}
