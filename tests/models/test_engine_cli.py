"""``jingkong warnings | screen | trace``: JSON a script can rely on, and one clear line for bad input."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.domain.people import OCCUPATIONS, PersonKind
from app.domain.places import Direction, PlaceKind
from tests.factories import World, at


@pytest.fixture
def db(world: World) -> str:
    city = world.add_city("上海")
    world.add_risk_area(city, "2022-03-01 00:00")
    gate = world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    market = world.add_place()
    case, contact = world.add_person(), world.add_person(occupation=OCCUPATIONS.index("medical"))
    native = world.add_person(kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
    world.add_scan(native, gate, "2022-03-25 10:00", direction=Direction.INBOUND, from_city=city)
    world.add_scan(case, market, "2022-03-20 10:00")
    world.add_scan(contact, market, "2022-03-20 10:10")
    return world.store.url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_warnings_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "warnings", "--db", db, "--as-of", "2022-03-27", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["totals"]["risk_area_arrival"] == 1 and data["totals"]["should_test_not_tested"] == 2
    arrival = next(w for w in data["warnings"] if w["rule"] == "risk_area_arrival")
    assert arrival["person_id"] == 3 and arrival["grid"] == "330382001001001"
    assert arrival["grid_leader"] == "网格长1001" and "*" in arrival["id_masked"]


def test_warnings_limit_keeps_the_totals(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "warnings", "--db", db, "--as-of", "2022-03-27", "--limit", "1", "--json")[1])
    assert data["total"] == 3 and len(data["warnings"]) == 1


def test_warnings_record_once(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = json.loads(run(capsys, "warnings", "--db", db, "--rule", "risk_area_arrival", "--record", "--json")[1])
    again = json.loads(run(capsys, "warnings", "--db", db, "--rule", "risk_area_arrival", "--record", "--json")[1])
    assert (first["recorded"], again["recorded"]) == (1, 0)


def test_screen_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "screen", "--db", db, "--area", "上海", "--until", "2022-03-31", "--json")
    data = json.loads(out)
    assert code == 0 and data["totals"]["returned"] == 1
    assert data["people"][0]["class"] == "returned" and data["people"][0]["evidence"][-1]["table"] == "scans"


def test_trace_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "trace", "--db", db, "--person", "1", "--at", str(at("2022-03-25 00:00")), "--json")
    data = json.loads(out)
    assert code == 0 and data["counts"] == {"1": 1, "2": 0}
    assert data["contacts"][0]["person_id"] == 2 and data["contacts"][0]["evidence"][0]["via"] == 1


@pytest.mark.parametrize(("args", "message"), [
    (("warnings", "--rule", "nope"), "unknown rule"),
    (("warnings", "--as-of", "yesterday"), "not a date"),
    (("warnings", "--limit", "-1"), "--limit"),
    (("screen", "--area", "火星"), "no city"),
    (("screen", "--polygon", "POLYGON((1 2"), "is not WKT"),
    (("trace", "--person", "99", "--at", "2022-03-25"), "no person"),
    (("trace", "--person", "1", "--at", "2022-03-25", "--window", "-5"), "argument --window: '-5' is out of range"),
    (("trace", "--person", "1", "--at", "2022-03-25", "--depth", "4"), "depth"),
])
def test_bad_input_is_one_clear_line(db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str) -> None:
    code, out, err = run(capsys, *args, "--db", db)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
