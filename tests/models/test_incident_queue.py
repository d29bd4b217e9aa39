"""The dispatch queue counts a task's time left on the clock of the incident that dispatched it, and narrows to one
incident's tasks (the wartime queue)."""

from __future__ import annotations

from app.models.dispatch.queue import TaskQueue
from app.models.dispatch.service import TaskService
from tests.factories import Clock, World, at
from tests.models.incident_world import CASE_AT, build_incident_world, incident_service

MIN = 60
WALL = at("2026-12-01 12:00")  # the wall clock, years after the drill's simulated time


def _queue(world: World, running: dict[int, int]) -> TaskQueue:
    queue = TaskQueue(TaskService(world.store, clock=lambda: WALL), user="test",
                      running=lambda i: (lambda: running[i]) if i in running else None)
    queue.set_filter(statuses=())
    return queue


def test_drill_tasks_count_time_left_on_the_drill_clock(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    clock.now = CASE_AT
    service = incident_service(world, clock)
    drill = service.open(at=CASE_AT, person_id=ids["case"], mode="drill")
    clock.now = CASE_AT + 2 * MIN
    service.dispatch(drill)
    real = service.open(at=CASE_AT, person_id=ids["case"], mode="real")
    service.dispatch(real)
    drill_ids = {t.task_id for t in service.linked(drill)}
    real_ids = {t.task_id for t in service.linked(real)}

    # not running in this console: the drill stands still at the last moment it recorded (its dispatch)
    queue = _queue(world, {})
    rows = queue.page(0, 10_000)
    assert {r.id for r in rows} == drill_ids | real_ids
    for row in rows:
        now = CASE_AT + 2 * MIN if row.id in drill_ids else WALL
        assert queue.time_left(row) == row.due_at - now
    post = next(r for r in rows if r.id in drill_ids and r.due_at == CASE_AT + 15 * MIN)
    assert queue.time_left(post) == 13 * MIN and not queue.overdue(post)

    # running here at T+20': the same task is five minutes overdue; the real incident's tasks still on the wall
    queue = _queue(world, {drill: CASE_AT + 20 * MIN})
    rows = {r.id: r for r in queue.page(0, 10_000)}
    assert queue.time_left(rows[post.id]) == -5 * MIN and queue.overdue(rows[post.id])
    assert all(queue.time_left(rows[i]) == rows[i].due_at - WALL for i in real_ids)

    # once closed, at its close
    clock.now = CASE_AT + 3 * MIN
    service.close(drill)
    queue = _queue(world, {})
    assert queue.time_left(next(r for r in queue.page(0, 10_000) if r.id == post.id)) == 12 * MIN


def test_the_queue_narrows_to_one_incident_and_judges_overdue_on_its_clock(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    clock.now = CASE_AT
    service = incident_service(world, clock)
    drill = service.open(at=CASE_AT, person_id=ids["case"], mode="drill")
    service.dispatch(drill)
    other = service.open(at=CASE_AT, person_id=ids["case"], mode="drill")
    service.dispatch(other)
    queue = _queue(world, {drill: CASE_AT + 20 * MIN})
    queue.set_filter(incident_id=drill)
    assert {r.id for r in queue.page(0, 10_000)} == {t.task_id for t in service.linked(drill)}
    queue.page(0, 1)  # the incident's clock is known from its first page
    queue.set_filter(overdue_only=True)
    overdue = {r.id for r in queue.page(0, 10_000)}
    assert overdue and all(r.due_at < CASE_AT + 20 * MIN for r in queue.page(0, 10_000))
    assert queue.count() == len(overdue) < len(service.linked(drill))
