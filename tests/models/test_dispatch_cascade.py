"""Cascade and closed loop: a town's instruction fans out to its units, the parent rolls up its children
and closes when they close; cancelling the parent cancels them; overdue tasks escalate on the test's clock."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.domain.tasks import TaskStatus as S
from app.models.dispatch.cascade import cascade, progress
from app.models.dispatch.errors import IllegalTransition, TaskError
from app.models.dispatch.escalation import escalate_overdue
from app.models.dispatch.service import TaskService
from app.models.dispatch.transport import TransportService
from tests.factories import Clock, World


@pytest.fixture
def service(world: World, clock: Clock) -> TaskService:
    return TaskService(world.store, clock=clock)


def _town_task(service: TaskService, code: str = "330382001") -> int:
    return service.create(kind="lockdown", source="manual", title="封控", target_unit_code=code, priority=2)


def test_town_fans_out_to_its_grids_and_villages(service: TaskService) -> None:
    parent = _town_task(service)
    grids = cascade(service, parent, Level.GRID, by="cmd")
    assert [service.get(i).assignee_code for i in grids] == ["330382001001001", "330382001001002",
                                                             "330382001002001", "330382001002002"]
    assert {service.get(i).status for i in grids} == {S.DISPATCHED}
    assert {service.get(i).due_at for i in grids} == {service.get(parent).due_at}
    assert service.get(parent).status == S.DISPATCHED
    assert progress(service, parent).counts == {"dispatched": 4}
    other = _town_task(service, "330382002")
    assert [service.get(i).assignee_role for i in cascade(service, other, Level.VILLAGE, by="cmd")] == ["village_office"] * 2


def test_cascade_is_refused_twice_or_upwards(service: TaskService) -> None:
    parent = _town_task(service)
    cascade(service, parent, Level.VILLAGE, by="cmd")
    with pytest.raises(TaskError, match="already has child tasks"):
        cascade(service, parent, Level.GRID, by="cmd")
    with pytest.raises(TaskError, match="smaller units"):
        cascade(service, _town_task(service), Level.TOWN, by="cmd")


def test_parent_rolls_up_and_closes_when_children_close(service: TaskService) -> None:
    parent = _town_task(service)
    kids = cascade(service, parent, Level.GRID, by="cmd")
    service.claim(kids[0], by="leader0")
    assert service.get(parent).status == S.IN_PROGRESS
    with pytest.raises(IllegalTransition, match="open child tasks"):
        service.transition(parent, "done", by="cmd")
    for kid in kids:
        if service.get(kid).status == S.DISPATCHED:
            service.claim(kid, by=f"leader{kid}")
        service.transition(kid, "in_progress", by="leader")
        service.transition(kid, "done", by="leader")
        assert (service.get(parent).status == S.DONE) == (kid == kids[-1])
    assert progress(service, parent).text == "4/4 closed"
    assert service.events(parent)[-1].note == "roll-up: 4/4 child tasks closed"


def test_a_failed_child_fails_the_parent_and_cancelling_cascades_down(service: TaskService) -> None:
    parent = _town_task(service)
    kids = cascade(service, parent, Level.VILLAGE, by="cmd")
    service.claim(kids[0], by="v1")
    service.transition(kids[0], "failed", by="v1", note="road closed")
    service.transition(kids[1], "cancelled", by="cmd")
    assert service.get(parent).status == S.FAILED
    second = _town_task(service, "330382002")
    villages = cascade(service, second, Level.VILLAGE, by="cmd")
    grandchildren = cascade(service, villages[0], Level.GRID, by="cmd")
    service.transition(second, "cancelled", by="cmd", note="lifted")
    assert {service.get(i).status for i in villages + grandchildren} == {S.CANCELLED}


def test_overdue_escalates_one_level_per_interval_on_the_tests_clock(service: TaskService, clock: Clock) -> None:
    task = service.create(kind="control", source="manual", title="x", target_unit_code="330382002001002", priority=1)
    due = service.get(task).due_at
    clock.now = due
    assert escalate_overdue(service) == []
    clock.now = due + 1
    assert escalate_overdue(service) == [task]
    assert service.router.unit(service.get(task).escalated_unit_id).code == "330382002001"
    clock.now += 59 * 60
    assert escalate_overdue(service) == []
    clock.now += 60
    assert escalate_overdue(service) == [task]
    assert service.router.unit(service.get(task).escalated_unit_id).code == "330382002"
    service.transition(task, "cancelled", by="cmd")
    clock.now += 86_400
    assert escalate_overdue(service) == []
    assert [e.action for e in service.events(task)].count("escalate") == 2


def test_escalation_takes_the_longest_overdue_first_in_batches(service: TaskService, clock: Clock) -> None:
    late = service.create(kind="lockdown", source="manual", title="late", target_unit_code="330382001001001", priority=1)
    clock.now += 600
    later = service.create(kind="lockdown", source="manual", title="later", target_unit_code="330382001001001", priority=1)
    clock.now += 86_400
    assert escalate_overdue(service, limit=1) == [late]
    assert escalate_overdue(service, limit=1) == [later]


def test_every_operation_only_appends_to_the_audit_log(world: World, service: TaskService, clock: Clock) -> None:
    def log() -> list[tuple]:
        with world.store.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT * FROM task_events ORDER BY id"))]

    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=3)
    person = world.add_person()
    transport = TransportService(service)
    parent = _town_task(service)
    clock.now += 3 * 3600  # past the lockdown's 2 h service level: escalation has work to log
    state: dict[str, int] = {}
    operations = [
        lambda: state.update(kids=cascade(service, parent, Level.VILLAGE, by="cmd")[0]),
        lambda: service.claim(state["kids"], by="v"),
        lambda: service.note(state["kids"], "on the way", by="v"),
        lambda: service.transition(state["kids"], "in_progress", by="v"),
        lambda: escalate_overdue(service),
        lambda: state.update(trip=transport.plan_transfer([person], hotel, vehicle="浙C1", origin="家", by="cmd")),
        lambda: transport.pick_up(state["trip"], by="d"),
        lambda: transport.arrive(state["trip"], by="d"),
        lambda: service.transition(parent, "cancelled", by="cmd"),
    ]
    before = log()
    for operation in operations:
        operation()
        after = log()
        assert after[: len(before)] == before and len(after) > len(before)
        before = after
