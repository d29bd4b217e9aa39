"""Milestones met or late from completion events on a test clock; the drill clock; replay; seeded autoplay."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.incidents import Rating
from app.domain.tasks import TaskStatus
from app.models.incident.clock import DrillClock
from app.models.incident.report_data import report_data
from app.reports.after_action import write_report
from tests.factories import Clock, World
from tests.models.incident_world import CASE_AT, build_incident_world, incident_service

S = TaskStatus
MIN = 60


def _complete(service, task_ids, clock: Clock, when: int) -> None:  # noqa: ANN001
    clock.now = when
    for task_id in task_ids:
        for status in (S.ACKNOWLEDGED, S.IN_PROGRESS, S.DONE):
            service.tasks.transition(task_id, status, by="test")


def test_milestones_met_and_late_from_completion_events(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    clock.now = CASE_AT
    service = incident_service(world, clock)
    incident = service.open(at=CASE_AT, person_id=ids["case"])
    clock.now = CASE_AT + 2 * MIN
    service.dispatch(incident)
    by_action: dict[str, list[int]] = {}
    for t in service.linked(incident):
        by_action.setdefault(t.action, []).append(t.task_id)
    _complete(service, by_action["command_post"] + by_action["trace_start"] + by_action["seal_case_place"], clock,
              CASE_AT + 10 * MIN)
    _complete(service, by_action["muster"] + by_action["quarantine_ready"], clock, CASE_AT + 35 * MIN)  # 30 + 5
    _complete(service, by_action["seal_point"][:1], clock, CASE_AT + 39 * MIN)
    _complete(service, by_action["seal_point"][1:], clock, CASE_AT + 60 * MIN)  # 40 + 20: over a quarter late
    board = {m.key: m for m in service.snapshot(incident, CASE_AT + 90 * MIN).board}
    assert (board["command_post"].state, board["command_post"].rating) == ("met", Rating.PERFORMED)
    assert board["command_post"].actual_at == CASE_AT + 10 * MIN
    assert (board["muster"].state, board["muster"].rating) == ("late", Rating.SOME)
    assert board["muster"].quantities == {"staff": (20, 20), "beds": (2, 2)}
    assert (board["lockdown_sealed"].state, board["lockdown_sealed"].rating) == ("late", Rating.MAJOR)
    assert (board["traffic_checkpoints"].state, board["traffic_checkpoints"].rating) == ("overdue", None)
    assert (board["sampling"].state, board["sampling"].quantities) == ("pending", {"stations": (0, 5)})
    # the board as it was earlier: one of two seal points done
    earlier = {m.key: m for m in service.snapshot(incident, CASE_AT + 45 * MIN).board}
    assert earlier["lockdown_sealed"].quantities == {"checkpoints": (1, 2)} and earlier["lockdown_sealed"].state == "overdue"
    clock.now = CASE_AT + 300 * MIN
    service.close(incident)
    final = {m.key: m for m in service.snapshot(incident).board}
    assert final["traffic_checkpoints"].rating == Rating.UNABLE
    assert all(S(t.status) in (S.DONE, S.CANCELLED) for t in service.linked(incident))


def test_drill_clock_runs_at_its_speed_and_pauses() -> None:
    wall = [1000.0]
    clock = DrillClock(CASE_AT, 60, wall=lambda: wall[0])
    wall[0] += 10
    assert clock() == CASE_AT + 600
    clock.pause()
    wall[0] += 100
    assert clock() == CASE_AT + 600 and clock.wall_seconds_until(CASE_AT + 700) == float("inf")
    clock.resume()
    clock.speed = 1
    wall[0] += 5
    assert clock() == CASE_AT + 605
    with pytest.raises(ValueError, match="out of range: give 1 .. 60"):
        clock.speed = 61


def _run(world: World, clock: Clock, seed: int, stop_after: int | None = None) -> tuple:
    ids = build_incident_world(world)
    clock.now = CASE_AT
    service = incident_service(world, clock)
    with service.at(CASE_AT):
        incident = service.open(at=CASE_AT, person_id=ids["case"], mode="drill", seed=seed)
    with service.at(CASE_AT + 3 * MIN):
        service.dispatch(incident)
    steps = service.schedule(incident)
    seen: dict[int, dict[int, int]] = {}
    for step in steps[:stop_after]:
        service.perform(step)
        # what the queue holds after each step: the state replay has to reproduce
        seen[step.at] = {t.task_id: t.status for t in service.linked(incident) if t.milestone}
    return service, incident, steps, seen


def test_replay_reproduces_the_state_at_each_moment(world: World, clock: Clock) -> None:
    service, incident, steps, seen = _run(world, clock, seed=5)
    assert len(steps) == 2 * len([t for t in service.linked(incident) if t.milestone])
    for when, statuses in list(seen.items())[:: max(len(seen) // 12, 1)]:
        assert service.snapshot(incident, when).statuses == statuses


def test_autoplay_is_deterministic_for_a_seed(tmp_path, clock: Clock) -> None:  # noqa: ANN001
    def board(name: str, seed: int) -> list:
        world = World.create(tmp_path / f"{name}.gpkg")
        try:
            service, incident, steps, _seen = _run(world, clock, seed)
            return [(m.key, m.actual_at, m.state) for m in service.snapshot(incident, steps[-1].at).board]
        finally:
            world.store.close()

    first, again, other = board("a", 11), board("b", 11), board("c", 12)
    assert first == again
    assert first != other


def test_report_numbers_equal_the_store(world: World, clock: Clock, tmp_path) -> None:  # noqa: ANN001
    service, incident, steps, _seen = _run(world, clock, seed=3, stop_after=14)

    def per_action(done_only: bool) -> dict[str, int]:
        with world.store.engine.connect() as conn:
            return dict(conn.execute(text(
                "SELECT it.action, SUM(it.quantity) FROM incident_tasks it JOIN tasks t ON t.id = it.task_id "
                "WHERE it.incident_id = :i AND it.milestone IS NOT NULL AND (:all OR t.status = :done) "
                "GROUP BY it.action"), {"i": incident, "done": int(S.DONE), "all": not done_only}).all())

    planned, done = per_action(False), per_action(True)
    clock.now = steps[13].at  # half the steps done
    data = report_data(service, incident)
    figures = {"staff": "muster", "seal_points": "seal_point", "traffic_checkpoints": "traffic_checkpoint",
               "stations": "sampling_site", "close": "close_contact", "secondary": "secondary_contact",
               "m2": "disinfection", "environment_samples": "environment_samples"}
    assert {k: data.numbers[k] for k in figures} == {k: (planned.get(a, 0), done.get(a, 0)) for k, a in figures.items()}
    # and the store's figures are the world's, by construction: 20 staff, 2 seal points on the lockdown grid's
    # boundary, 2 traffic checkpoints, 5 stations, 1 close and no secondary contact, 120 m² at the case's places
    assert {k: data.numbers[k][0] for k in figures} == {"staff": 20, "seal_points": 2, "traffic_checkpoints": 2,
                                                         "stations": 5, "close": 1, "secondary": 0, "m2": 120,
                                                         "environment_samples": planned["environment_samples"]}
    assert data.numbers["sites"] == (1, done.get("sampling_site", 0) and 1)
    assert data.numbers["beds"] == (planned["quarantine_ready"], 40)  # beds needed; free: the hotel's 40, all empty
    assert sum(done.values()) > 0 and set(done) != set(planned)
    service.add_improvement(incident, issue="卡点封闭超时", action="预置物资", owner="交警大队", due="2022-04-01")
    for lang in ("zh", "en"):
        path = write_report(report_data(service, incident), tmp_path / f"aar-{lang}.pdf", lang)
        assert path.read_bytes().startswith(b"%PDF")
