"""Task lifecycle: routing to the right unit, due times from the service levels, every illegal step refused,
and an audit trail that records every change and can never be rewritten."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from app.domain.errors import InputError
from app.domain.tasks import TaskStatus as S
from app.models.dispatch.errors import AlreadyClaimed, IllegalTransition, StaleTask, TaskError
from app.models.dispatch.lifecycle import TRANSITIONS, path_to
from app.models.dispatch.service import TaskService, TaskSpec
from tests.factories import World, at

T0 = at("2022-03-10 08:00")


@pytest.fixture
def service(world: World) -> TaskService:
    return TaskService(world.store, clock=lambda: T0)


def test_assignee_follows_the_target(world: World, service: TaskService) -> None:
    grid = service.get(service.create(kind="screening", source="manual", title="g", target_unit_code="330382001001002"))
    village = service.get(service.create(kind="screening", source="manual", title="v", target_unit_code="330382002001"))
    town = service.get(service.create(kind="lockdown", source="manual", title="t", target_unit_code="330382002"))
    assert (grid.assignee_code, grid.assignee_role, grid.assignee_name) == ("330382001001002", "grid_leader", "网格长1002")
    assert (village.assignee_code, village.assignee_role) == ("330382002001", "village_office")
    assert (town.assignee_code, town.assignee_role) == ("330382002", "town_office")


def test_people_go_to_their_home_grid_or_the_lowest_common_unit(world: World, service: TaskService) -> None:
    a, b = world.add_person("330382001002001"), world.add_person("330382001002001")
    c, nowhere = world.add_person("330382001001002"), world.add_person(None)
    same = service.get(service.create(kind="warning_verification", source="warning", title="x", person_ids=[a, b]))
    split = service.get(service.create(kind="warning_verification", source="warning", title="x", person_ids=[a, c]))
    lost = service.get(service.create(kind="warning_verification", source="warning", title="x", person_ids=[nowhere]))
    assert (same.assignee_code, same.assignee_role) == ("330382001002001", "grid_leader")
    assert (split.assignee_code, split.assignee_role) == ("330382001", "town_office")
    assert lost.assignee_role == "county_office"
    assert service.people(split.id) == sorted([a, c])


def test_a_point_target_is_kept_with_its_unit(service: TaskService) -> None:
    task = service.get(service.create(kind="test_site", source="manual", title="site", target_unit_code="330382001002",
                                      target_wkt="POINT (120.905 28.125)"))
    assert (task.target_wkt, task.assignee_code) == ("POINT (120.905 28.125)", "330382001002")


@pytest.mark.parametrize("wkt,assignee", [
    ("POINT (120.905 28.11)", "330382001001001"),  # inside one grid: its grid leader
    ("POLYGON ((120.903 28.105, 120.915 28.105, 120.915 28.115, 120.903 28.115, 120.903 28.105))", "330382001001"),
    ("POLYGON ((120.905 28.11, 120.935 28.11, 120.935 28.13, 120.905 28.13, 120.905 28.11))", "330382"),  # two towns
])
def test_a_point_or_area_without_a_unit_goes_to_the_lowest_unit_it_lies_in(service: TaskService, wkt: str, assignee: str) -> None:
    task = service.get(service.create(kind="control", source="manual", title="area", target_wkt=wkt))
    assert task.assignee_code == assignee and task.target_wkt == wkt


def test_due_time_comes_from_the_service_level_table(service: TaskService) -> None:
    urgent = service.get(service.create(kind="lockdown", source="drill", title="x", priority=1, target_unit_code="330382001"))
    routine = service.get(service.create(kind="custom", source="drill", title="x", priority=3, target_unit_code="330382001"))
    assert urgent.due_at - T0 == 30 * 60
    assert routine.due_at - T0 == 4320 * 60


@pytest.mark.parametrize("bad", [dict(kind="party"), dict(source="rumour"), dict(priority=4),
                                 dict(target_unit_code="999"), dict(person_ids=[12345]), dict(title="  "),
                                 dict(target_wkt="POINT (1"), dict(target_wkt="LINESTRING (0 0, 1 1)"),
                                 dict(target_wkt="POINT (121.5 31.2)")])  # outside the county: not the command centre's
def test_bad_input_is_refused_with_a_reason(service: TaskService, bad: dict) -> None:
    spec = dict(kind="screening", source="manual", title="ok", target_unit_code="330382001") | bad
    with pytest.raises((TaskError, InputError)):
        service.create(**spec)


def test_create_many_is_all_or_nothing(world: World, service: TaskService) -> None:
    good = TaskSpec("screening", "trace", "a", "330382001001001")
    with pytest.raises(TaskError):
        service.create_many([good, TaskSpec("screening", "trace", "b", "nope")])
    ids = service.create_many([good, good], by="engine")
    assert ids == [ids[0], ids[0] + 1]
    with world.store.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM tasks")) == 2


@pytest.mark.parametrize("start", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_transition_follows_the_lifecycle(service: TaskService, start: S, target: S) -> None:
    task = service.create(kind="control", source="manual", title="x", target_unit_code="330382001001001")
    for step in path_to(S.NEW, start):
        service.transition(task, step, by="setup")
    if target in TRANSITIONS[start]:
        assert service.transition(task, target, by="op").status == target
    else:
        with pytest.raises(IllegalTransition, match=f"cannot go from {start.key} to {target.key}"):
            service.transition(task, target, by="op")
        assert service.get(task).status == start


def test_claim_is_exclusive_and_pinned_versions_refuse_stale_writes(service: TaskService) -> None:
    task = service.create(kind="control", source="manual", title="x", target_unit_code="330382001001001")
    seen = service.transition(task, "dispatched", by="cmd").version
    assert service.claim(task, by="alice").claimed_by == "alice"
    with pytest.raises(AlreadyClaimed, match="already claimed by alice"):
        service.claim(task, by="bob")
    with pytest.raises(StaleTask, match="changed by someone else"):
        service.transition(task, "cancelled", by="bob", expected_version=seen)
    assert service.get(task).status == S.ACKNOWLEDGED


def test_audit_log_is_complete_and_cannot_be_rewritten(world: World, service: TaskService) -> None:
    task = service.create(kind="control", source="manual", title="x", target_unit_code="330382001001001", note="start")
    service.transition(task, "dispatched", by="cmd")
    service.claim(task, by="alice")
    service.transition(task, "in_progress", by="alice", note="on site")
    service.transition(task, "done", by="alice")
    trail = [(e.by, e.action, e.from_status, e.to_status, e.note) for e in service.events(task)]
    assert trail == [("system", "create", None, 0, "start"), ("cmd", "transition", 0, 1, ""),
                     ("alice", "claim", 1, 2, "claimed by alice"), ("alice", "transition", 2, 3, "on site"),
                     ("alice", "transition", 3, 4, "")]
    assert service.get(task).version == 5
    for statement in ("UPDATE task_events SET note = 'forged'", "DELETE FROM task_events"):
        with pytest.raises(DatabaseError, match="append-only"), world.store.begin() as conn:
            conn.execute(text(statement))
    assert [e.note for e in service.events(task)][0] == "start"


def test_cancelling_many_cancels_each_open_task_with_its_own_audit_event(world: World, service: TaskService) -> None:
    """What undoing a bulk dispatch does: every open task cancelled, one event each; a finished task kept; a parent's
    open children cancelled with it; the audit chain and the tasks' events agree afterwards."""
    from app.store.audit import verify

    plain = [service.create(kind="screening", source="manual", title=f"t{i}", target_unit_code="330382001001002")
             for i in range(5)]
    service.transition(plain[1], S.DISPATCHED, by="lead")
    finished = plain[4]
    for step in path_to(S.NEW, S.DONE):
        service.transition(finished, step, by="lead")
    parent = service.create(kind="control", source="manual", title="p", target_unit_code="330382001")
    child = service.create(kind="screening", source="manual", title="c", target_unit_code="330382001001002",
                           parent_id=parent)
    cancelled, left = service.cancel_many([*plain, parent], by="lead", note="undo bulk dispatch")
    assert cancelled == [*plain[:4], parent] and left == [finished]
    for task_id in [*plain[:4], parent, child]:
        assert service.get(task_id).status == S.CANCELLED
        last = service.events(task_id)[-1]
        assert (last.action, last.to_status, last.by) == ("transition", int(S.CANCELLED), "lead")
    assert service.events(plain[0])[-1].note == "undo bulk dispatch"
    assert service.events(plain[1])[-1].from_status == int(S.DISPATCHED)
    assert service.get(finished).status == S.DONE
    assert [e.to_status for e in service.events(plain[2])].count(int(S.CANCELLED)) == 1
    with world.store.engine.connect() as conn:
        assert verify(conn).intact
