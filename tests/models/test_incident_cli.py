"""``jingkong incident`` and ``jingkong drill``: JSON a script can rely on, and one clear line for bad input."""

from __future__ import annotations

import json
import shutil

import pytest

from app.cli import main
from tests.factories import World
from tests.models.incident_world import build_incident_world


@pytest.fixture
def db(world: World) -> str:
    build_incident_world(world)
    return world.store.url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_dispatch_status_close(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "incident", "new", "--person", "1", "--at", "2022-03-10T12:00", "--json", "--db", db)
    assert code == 0
    data = json.loads(out)
    assert data["plan"]["zones"]["lockdown"] == ["330382001001001"] and data["plan"]["numbers"]["close"] == 1
    code, out, _ = run(capsys, "incident", "dispatch", "--json", "--db", db)
    assert code == 0 and json.loads(out)["tasks"] == data["plan"]["numbers"]["tasks"]
    code, out, _ = run(capsys, "incident", "status", "--json", "--db", db)
    status = json.loads(out)
    assert [m["key"] for m in status["milestones"]][:2] == ["command_post", "muster"]
    assert status["tasks"] == {"dispatched": data["plan"]["numbers"]["tasks"]}
    code, out, _ = run(capsys, "incident", "close", "--json", "--db", db)
    assert code == 0 and json.loads(out)["incident"]["closed_at"] is not None


@pytest.mark.parametrize(("args", "message"), [
    (("incident", "new", "--person", "99", "--at", "2022-03-10"), "no person with id 99"),
    (("incident", "new", "--person", "1", "--at", "2023-03-10"), "outside the data period"),
    (("incident", "new", "--at", "2022-03-10"), "a person, or a place"),
    (("incident", "status",), "holds no incident"),
    (("drill", "run", "--scenario", "nope"), "unknown scenario"),
    (("drill", "run", "--scenario", "yueqing-2021-12", "--speed", "0"), "out of range: give 1 .. 60"),
    (("drill", "report", "--out", "x.pdf"), "holds no drill"),
])
def test_bad_input_is_one_clear_line(db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                                     message: str) -> None:
    code, out, err = run(capsys, *args, "--db", db)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_empty_lockdown_zone_is_refused(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "incident", "new", "--person", "1", "--at", "2022-03-10T12:00", "--db", db)
    code, _, err = run(capsys, "incident", "plan", "--zone", "none", "--grids", "330382001001001", "--db", db)
    assert code == 2 and "lockdown zone would be empty" in err


def test_drill_run_plays_the_reference_scenario_and_reports(tiny_store_path: str, tmp_path,  # noqa: ANN001
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "drill.gpkg"
    shutil.copy(tiny_store_path, store)
    code, out, _ = run(capsys, "drill", "run", "--scenario", "yueqing-2021-12", "--speed", "60", "--autoplay",
                       "--instant", "--json", "--db", str(store))
    assert code == 0
    data = json.loads(out)
    assert data["performed"] == data["steps"] > 0 and data["incident"]["closed_at"] is not None
    contacts = next(m for m in data["milestones"] if m["key"] == "contacts_controlled")
    done, required = contacts["quantities"]["contacts"]
    assert done == required == 16 + 48  # the tiny county's planted 16 close, 48 secondary contacts, all in 4 h
    code, out, _ = run(capsys, "drill", "report", "--out", str(tmp_path / "aar.pdf"), "--json", "--db", str(store))
    assert code == 0 and (tmp_path / "aar.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "drill", "replay", "--step", "60", "--json", "--db", str(store))
    frames = json.loads(out)["frames"]
    assert frames[0]["tasks"] == {} and frames[-1]["tasks"] == data["tasks"]
