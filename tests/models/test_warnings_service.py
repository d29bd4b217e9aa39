"""Recording warnings once, their lifecycle, the map counts, dispatch to tasks, and the rules file checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.facilities import FacilityKind
from app.domain.people import OCCUPATIONS
from app.domain.warnings import WarningStatus
from app.models.dispatch.service import TaskService
from app.models.engine_tasks import dispatch_warnings
from app.models.warnings import engine
from app.models.warnings.rules import RULES_FILE, RuleError
from app.models.warnings.service import WarningService
from app.store import warning_writes
from app.store.tables.warnings import WarningRecord
from tests.factories import World, at

AS_OF = at("2022-03-20 12:00")
GRID = "330382001001002"


@pytest.fixture
def warned(world: World) -> tuple[World, list[int]]:
    """Two key workers who were never tested, one at home in GRID, one with no home grid."""
    people = [world.add_person(GRID, occupation=OCCUPATIONS.index("medical")),
              world.add_person(None, occupation=OCCUPATIONS.index("cold_chain"))]
    world.add_facility(FacilityKind.TEST_SITE)
    return world, people


def test_reevaluation_creates_no_duplicates(warned: tuple[World, list[int]]) -> None:
    world, people = warned
    service = WarningService(world.store)
    _, added = service.refresh(AS_OF, ["should_test_not_tested"])
    assert added == 2
    _, again = service.refresh(AS_OF + 86_400, ["should_test_not_tested"])
    assert again == 0
    stored = service.stored()
    assert sorted(stored.person_ids.tolist()) == sorted(people)
    assert set(stored.status.tolist()) == {WarningStatus.NEW}


def test_unique_index_refuses_a_second_open_warning(warned: tuple[World, list[int]]) -> None:
    world, people = warned
    row = warning_writes.NewWarning("should_test_not_tested", people[0], None, "[]", AS_OF)
    assert warning_writes.insert_new(world.store, [row], AS_OF) == 1
    assert warning_writes.insert_new(world.store, [row, row], AS_OF) == 0


def test_lifecycle_and_new_warning_after_closing(warned: tuple[World, list[int]]) -> None:
    world, people = warned
    service = WarningService(world.store)
    service.refresh(AS_OF)
    ids = service.stored().ids.tolist()
    assert service.verify(ids) == []  # only dispatched warnings can be verified
    with pytest.raises(ValueError):
        service.dismiss(ids[:1], "  ")
    assert service.dismiss(ids[:1], "works from home") == ids[:1]
    assert service.dismiss(ids[:1], "again") == []  # closed stays closed
    dismissed = service.stored((WarningStatus.DISMISSED,))
    assert dismissed.reasons.tolist() == ["works from home"]
    _, added = service.refresh(AS_OF + 3600)
    assert added == 1  # the dismissed one fires anew, the open one does not


def test_times_follow_the_store_timeline_and_the_clock(warned: tuple[World, list[int]]) -> None:
    world, _ = warned
    service = WarningService(world.store, clock=lambda: AS_OF + 7200)
    service.refresh(AS_OF)
    first = int(service.stored().ids[-1])
    service.dismiss([first], "duplicate report")
    t = WarningRecord.__table__
    with world.store.engine.connect() as conn:
        times = {i: (c, u) for i, c, u in conn.execute(select(t.c.id, t.c.created_at, t.c.updated_at))}
    assert set(times.values()) == {(AS_OF, AS_OF), (AS_OF, AS_OF + 7200)}
    assert times[first] == (AS_OF, AS_OF + 7200)


def test_grid_counts_for_the_map(warned: tuple[World, list[int]]) -> None:
    world, _ = warned
    service = WarningService(world.store)
    assert service.grid_choropleth().values == {}
    service.refresh(AS_OF)
    choropleth = service.grid_choropleth()
    assert choropleth.level == "grid" and choropleth.values == {GRID: 1.0}


def test_dispatch_creates_tasks_for_the_grid_leader(warned: tuple[World, list[int]]) -> None:
    world, people = warned
    service = WarningService(world.store)
    service.refresh(AS_OF)
    stored = service.stored()
    task_ids = dispatch_warnings(service, stored.ids.tolist(), by="tester")
    assert len(task_ids) == 2
    tasks = TaskService(world.store)
    rows = {tasks.people(t)[0]: tasks.get(t) for t in task_ids}
    assert rows[people[0]].kind == "warning_verification" and rows[people[0]].source == "warning"
    assert rows[people[0]].assignee_code == GRID and rows[people[0]].assignee_role == "grid_leader"
    assert rows[people[1]].assignee_code == "330382"  # no home grid: the command centre
    after = service.stored()
    assert set(after.status.tolist()) == {WarningStatus.DISPATCHED}
    assert sorted(after.task_ids.tolist()) == sorted(task_ids)
    assert dispatch_warnings(service, stored.ids.tolist()) == []  # already dispatched
    assert service.verify(stored.ids.tolist()[:1]) == stored.ids.tolist()[:1]


def _write_rules(tmp_path: Path, mutate) -> Path:  # noqa: ANN001
    doc = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    mutate(doc["rules"])
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_shipped_rules_load() -> None:
    assert [r.id for r in engine.rules()] == list(engine.EVALUATORS)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda rules: rules[0]["parameters"]["key_occupation"].pop("interval_hours"), "missing parameter"),
    (lambda rules: rules[1]["parameters"].update(extra=1), "unknown ['extra']"),
    (lambda rules: rules[2]["parameters"].update(min_visits=-1), "non-negative"),
    (lambda rules: rules[3].update(severity="urgent"), "severity"),
    (lambda rules: rules.append(dict(rules[0])), "duplicate"),
    (lambda rules: rules[4].update(id="made_up"), "no evaluator"),
    (lambda rules: rules[1]["parameters"].update(drugs="fever"), "list of names"),
    (lambda rules: rules[1]["parameters"].update(drugs=["fever", "vitamins"]), "unknown drug categories ['vitamins']"),
    (lambda rules: rules[2]["parameters"].update(diagnoses=["sneeze"]), "unknown diagnoses ['sneeze']"),
])
def test_bad_rules_are_refused_clearly(tmp_path: Path, mutate, message: str) -> None:  # noqa: ANN001
    with pytest.raises(RuleError, match=message.replace("[", r"\[").replace("]", r"\]")):
        engine.rules(_write_rules(tmp_path, mutate))


def test_malformed_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleError, match="cannot read warning rules"):
        engine.rules(path)
