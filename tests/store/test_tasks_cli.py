"""``jingkong tasks`` and ``jingkong transfers``: JSON over the same rules, one clear error line and exit 2."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.domain.facilities import FacilityKind
from tests.factories import World


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith(("{", "[")) else out, err


@pytest.fixture
def db(world: World) -> str:
    return str(world.store.url.removeprefix("sqlite:///"))


def test_create_claim_update_show_list(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, task, _ = _run(capsys, "tasks", "create", "--kind", "screening", "--title", "筛查", "--unit", "330382002001001",
                         "--priority", "1", "--dispatch", "--db", db, "--json")
    assert code == 0 and (task["status"], task["assignee_role"], task["assignee_name"]) == ("dispatched", "grid_leader", "网格长1001")
    assert _run(capsys, "tasks", "claim", str(task["id"]), "--by", "amy", "--db", db, "--json")[1]["claimed_by"] == "amy"
    code, _, err = _run(capsys, "tasks", "claim", str(task["id"]), "--by", "ben", "--db", db)
    assert (code, err) == (2, f"jingkong tasks: error: task {task['id']} is already claimed by amy\n")
    code, _, err = _run(capsys, "tasks", "update", str(task["id"]), "--status", "done", "--by", "amy", "--db", db)
    assert code == 2 and err.count("\n") == 1 and "cannot go from acknowledged to done" in err
    assert _run(capsys, "tasks", "update", str(task["id"]), "--status", "in-progress", "--by", "amy", "--db", db)[0] == 0
    assert _run(capsys, "tasks", "update", str(task["id"]), "--note", "  门已封 ", "--by", "amy", "--db", db)[0] == 0
    shown = _run(capsys, "tasks", "show", str(task["id"]), "--db", db, "--json")[1]
    assert [e["action"] for e in shown["events"]] == ["create", "transition", "claim", "transition", "note"]
    assert (shown["events"][-1]["note"], shown["status"], shown["version"]) == ("门已封", "in_progress", 4)
    listed = _run(capsys, "tasks", "list", "--unit", "330382002", "--db", db, "--json")[1]
    assert (listed["total"], listed["tasks"][0]["status"]) == (1, "in_progress")
    assert _run(capsys, "tasks", "list", "--unit", "330382001", "--db", db, "--json")[1]["total"] == 0


@pytest.mark.parametrize("argv, message", [
    (("tasks", "show", "99"), "no task with id 99"),
    (("tasks", "create", "--kind", "custom", "--title", "x", "--unit", "1"), "no admin unit with code '1'"),
    (("tasks", "create", "--kind", "custom", "--title", "x", "--person", "1,a"), "--person: 'a' is not a whole number"),
    (("tasks", "list", "--status", "sleeping"), "unknown task status 'sleeping'"),
    (("tasks", "cascade", "1", "--to", "grid"), "no task with id 1"),
    (("tasks", "update", "1", "--by", "x"), "a note needs some text"),
    (("tasks", "update", "1", "--note", "hi", "--by", "x"), "no task with id 1"),
    (("transfers", "people", "--person", "1", "--hotel", "5", "--vehicle", "v"), "facility 5 is not a quarantine hotel"),
])
def test_bad_input_is_one_clear_line(capsys: pytest.CaptureFixture[str], db: str, argv: tuple[str, ...], message: str) -> None:
    code, _, err = _run(capsys, *argv, "--db", db)
    assert code == 2 and err.count("\n") == 1 and message in err


def test_transfers_from_the_shell(capsys: pytest.CaptureFixture[str], world: World, db: str) -> None:
    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=1, name="酒店")
    people = [world.add_person(), world.add_person()]
    code, _, err = _run(capsys, "transfers", "people", "--person", f"{people[0]},{people[1]}", "--hotel", str(hotel),
                        "--vehicle", "浙C1", "--db", db)
    assert code == 2 and "酒店 has 1 free beds: cannot take 2 people" in err
    task = _run(capsys, "transfers", "people", "--person", str(people[0]), "--hotel", str(hotel), "--vehicle", "浙C1",
                "--db", db, "--json")[1]
    assert _run(capsys, "transfers", "beds", "--db", db, "--json")[1] == [
        {"id": hotel, "name": "酒店", "capacity": 1, "used": 1, "free": 0}]
    assert _run(capsys, "transfers", "pickup", str(task["id"]), "--by", "drv", "--db", db, "--json")[1]["status"] == "in_progress"
    assert _run(capsys, "transfers", "arrive", str(task["id"]), "--by", "drv", "--db", db, "--json")[1]["status"] == "done"
