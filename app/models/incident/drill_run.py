"""Playing a scenario headless: open the drill from its case, dispatch the plan a few minutes into the drill
clock, then (autoplay) carry out the seeded synthetic completions, paced on the drill clock or at once, and
close the drill when its last milestone's time is over."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.incidents import IncidentMode
from app.models.incident.autoplay import play
from app.models.incident.clock import DrillClock
from app.models.incident.scenarios import Scenario, find_case
from app.models.incident.service import IncidentService
from app.models.inputs import drill_speed

Progress = Callable[[int, int], None]  # (steps done, steps in all)


@dataclass(frozen=True)
class DrillRun:
    incident_id: int
    steps: int
    performed: int


def run_drill(service: IncidentService, scenario: Scenario, *, speed: int | None = None, seed: int | None = None,
              autoplay: bool = True, paced: bool = True, progress: Progress | None = None,
              should_stop: Callable[[], bool] | None = None, by: str = "drill") -> DrillRun:
    """Run ``scenario`` on the service's store; ``paced`` waits for the drill clock (×``speed``) before each step,
    otherwise the steps are carried out at once with the same recorded times."""
    speed = drill_speed(speed if speed is not None else scenario.speed, "speed")
    seed = scenario.seed if seed is None else seed
    case = find_case(scenario, service.store, service.atlas)
    clock = DrillClock(case.at, speed)
    service.clock = clock
    with service.at(case.at):
        incident_id = service.open(at=case.at, person_id=case.person_id, place_id=case.place_id,
                                   mode=IncidentMode.DRILL, name=f"演练：{scenario.name_zh}", scenario=scenario.key,
                                   speed=speed, seed=seed, by=by)
    dispatch_at = case.at + service.catalogue.dispatch_minutes * 60
    with service.at(dispatch_at):
        service.dispatch(incident_id, by=by)
    clock.jump_to(dispatch_at)
    if not autoplay:
        return DrillRun(incident_id, 0, 0)
    # A drill is time-boxed by its last milestone (the reference drill's 4 hours): completions drawn past it are
    # not played, and what they would have finished stays open for the after-action rating.
    horizon = case.at + max(m.minutes for m in service.catalogue.milestones) * 60
    steps = [step for step in service.schedule(incident_id, scenario) if step.at <= horizon]
    done = 0

    def wait_until(at: int) -> bool:
        if not paced:
            clock.jump_to(at)
            return True
        while (left := clock.wall_seconds_until(at)) > 0:
            if should_stop is not None and should_stop():
                return False
            time.sleep(min(left, 0.25))
        return True

    def perform(step) -> None:  # noqa: ANN001
        nonlocal done
        service.perform(step, by)
        done += 1
        if progress is not None:
            progress(done, len(steps))

    performed = play(steps, perform, wait_until, should_stop)
    last = max([s.at for s in steps[:performed]] + [dispatch_at])
    end = max(last, horizon)
    with service.at(end):
        service.close(incident_id, by=by)
    return DrillRun(incident_id, len(steps), performed)
