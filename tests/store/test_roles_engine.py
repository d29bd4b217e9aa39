"""The engines' results are limited to the logged-in user's units on both backends: a town operator's warnings,
indicator rankings, screening hits and traces hold its own town only — through the console and the CLI.

PostgreSQL's row-level security hides other towns' people and records; the embedded store keeps the same rule in
the data layer, so a town operator on an SQLite file sees what it would see on the command centre."""

from __future__ import annotations

import json
import math

import pytest
import shapely
from sqlalchemy.engine import make_url

from app.cli import main
from app.console import Console, Login
from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.domain.roles import Role
from app.models.indicators.table import level_table
from app.models.screening import polygon_area
from app.models.tracing import TraceError
from app.store.centre import init_centre
from app.store.tables.health import DIAGNOSES
from tests.factories import STEP, X0, Y0, World, at

TOWN_1, TOWN_2 = "330382001", "330382002"
HOME_1, HOME_2 = "330382001001001", "330382002001001"
PASSWORD = "s3cret-for-tests"
AS_OF = "2022-03-20T12:00"
ONSET = "2022-03-25T10:00"
COUNTY_BOX = shapely.box(X0 - STEP, Y0 - STEP, X0 + 5 * STEP, Y0 + 5 * STEP).wkt


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def towns(request, tmp_path):  # noqa: ANN001, ANN201
    """In each town: a person with two fever visits (a warning), a person scanned at a market of the town (a
    screening hit for a polygon over the county); a trace case in town 1 whose contacts live in both towns, and a
    town-1 person reached only through the town-2 contact. Users: a town-1 operator."""
    db = tmp_path / "t.gpkg" if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()
    w = World.create(db)
    fever = DIAGNOSES.index("fever")
    clinic = w.add_facility(FacilityKind.CLINIC)
    people: dict[str, int] = {}
    for town, home in ((TOWN_1, HOME_1), (TOWN_2, HOME_2)):
        sick = people[f"sick_{town}"] = w.add_person(home)
        for day in ("2022-03-10 10:00", "2022-03-18 10:00"):
            w.add_clinic_visit(sick, clinic, day, diagnosis=fever)
        shopper = people[f"shopper_{town}"] = w.add_person(home)
        w.add_scan(shopper, w.add_place(home, name=f"market {town}"), "2022-03-22 10:00")
    case, near, far = w.add_person(HOME_1), w.add_person(HOME_1), w.add_person(HOME_2)
    beyond = w.add_person(HOME_1)
    cafe, gym = w.add_place(HOME_1, name="cafe"), w.add_place(HOME_2, name="gym")
    for person, place, when in ((case, cafe, "2022-03-20 10:00"), (near, cafe, "2022-03-20 10:10"),
                                (far, cafe, "2022-03-20 10:20"), (far, gym, "2022-03-21 15:00"),
                                (beyond, gym, "2022-03-21 15:10")):
        w.add_scan(person, place, when)
    people.update(case=case, near=near, far=far, beyond=beyond)
    url = w.store.url
    w.store.close()
    suffix = "" if request.param == "sqlite" else make_url(url).database
    if request.param == "postgresql":
        init_centre(url, f"admin_{suffix}", PASSWORD)
    owner = Console.open(str(db) if request.param == "sqlite" else url)
    owner.store.add_user(f"town1_{suffix}", Role.TOWN_OPERATOR, TOWN_1, PASSWORD)
    owner.close()
    yield {"db": str(db) if request.param == "sqlite" else url, "user": f"town1_{suffix}", "people": people}


def _warned(console: Console) -> set[int]:
    (found,) = console.warnings.evaluate(at(AS_OF.replace("T", " ")), ["repeated_clinic_visits"])
    return set(found.person_id.tolist())


def test_the_owner_sees_both_towns(towns: dict) -> None:
    p = towns["people"]
    owner = Console.open(towns["db"])
    try:
        assert _warned(owner) == {p[f"sick_{TOWN_1}"], p[f"sick_{TOWN_2}"]}
        assert level_table(owner.indicators, Level.TOWN, owner.period_end).codes == [TOWN_1, TOWN_2]
        hits = owner.screening.compute(polygon_area(COUNTY_BOX))
        assert {p[f"shopper_{TOWN_1}"], p[f"shopper_{TOWN_2}"]} <= set(hits.person_id.tolist())
        trace = owner.tracing.compute(p["case"], at(ONSET.replace("T", " ")), 30, 2)
        assert {c.person_id for c in trace.contacts} == {p["near"], p["far"], p["beyond"]}
    finally:
        owner.close()


def test_a_town_operator_gets_only_its_town_from_the_engines_through_the_console(towns: dict) -> None:
    p = towns["people"]
    console = Console.open(towns["db"], Login(towns["user"], PASSWORD))
    try:
        assert _warned(console) == {p[f"sick_{TOWN_1}"]}
        engine = console.indicators
        assert level_table(engine, Level.TOWN, console.period_end).codes == [TOWN_1]
        population = engine.level_values("pop_present", Level.TOWN, console.period_end)
        assert population[0] > 0 and math.isnan(population[1])  # the other town: NaN, no figure
        assert all(math.isnan(v) for v in engine.unit_values(TOWN_2, console.period_end).values())
        hits = console.screening.compute(polygon_area(COUNTY_BOX))
        assert p[f"shopper_{TOWN_1}"] in hits.person_id.tolist()
        assert set(hits.units["town"].tolist()) == {TOWN_1}
        trace = console.tracing.compute(p["case"], at(ONSET.replace("T", " ")), 30, 2)
        assert [c.person_id for c in trace.contacts] == [p["near"]]  # not the other town's, nor whom it met
        with pytest.raises(TraceError):
            console.tracing.compute(p["far"], at(ONSET.replace("T", " ")), 30, 2)
    finally:
        console.close()


def test_a_town_operator_gets_only_its_town_from_the_engines_through_the_cli(towns: dict, capsys,  # noqa: ANN001
                                                                            monkeypatch) -> None:  # noqa: ANN001
    p = towns["people"]
    monkeypatch.setenv("JINGKONG_PASSWORD", PASSWORD)
    login = ["--db", towns["db"], "--user", towns["user"], "--json"]

    def run(*args: str) -> dict:
        assert main([*args, *login]) == 0
        return json.loads(capsys.readouterr().out)

    warned = run("warnings", "--as-of", AS_OF, "--rule", "repeated_clinic_visits")
    assert [w["person_id"] for w in warned["warnings"]] == [p[f"sick_{TOWN_1}"]]
    assert list(run("indicators", "--level", "town", "--ids", "pop_present")) == [TOWN_1]
    screened = run("screen", "--polygon", COUNTY_BOX)
    assert set(screened["by_town"]) == {TOWN_1}
    traced = run("trace", "--person", str(p["case"]), "--at", ONSET)
    assert [c["person_id"] for c in traced["contacts"]] == [p["near"]]
    assert main(["trace", "--person", str(p["far"]), "--at", ONSET, *login]) == 2
    assert "no person" in capsys.readouterr().err
