"""The scenario library's completion delays: the reference drill reads as the real one went (every milestone met
in time for its default seed), and the delays are the scenario file's, not the code's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.console import Console
from app.domain.incidents import LinkedTask
from app.models.incident.autoplay import DONE, schedule
from app.models.incident.catalogue import milestone_catalogue
from app.models.incident.drill_run import run_drill
from app.models.incident.errors import IncidentError
from app.models.incident.scenarios import REFERENCE, SCENARIOS, load_scenario

DISPATCHED_AT = 1_639_728_000 + 3 * 60  # the reference drill's plan goes out 3 minutes after the clock's zero
ZERO = DISPATCHED_AT - 3 * 60
# the reference drill's plan (乐清 2021-12): 3 command-post tasks, muster and quarantine, 18 traffic checkpoints,
# 4 sampling sites, 66 close and 389 secondary contacts, disinfection and environment samples; 20 lockdown seals
REFERENCE_PLAN = {"command_post": 1, "trace_start": 1, "seal_case_place": 1, "muster": 3, "quarantine_ready": 1,
                  "seal_point": 20, "traffic_checkpoint": 18, "sampling_site": 4, "close_contact": 66,
                  "secondary_contact": 389, "disinfection": 5, "environment_samples": 5}


def _tasks(counts: dict[str, int]) -> list[LinkedTask]:
    catalogue = milestone_catalogue()
    actions = [action for action, n in counts.items() for _ in range(n)]
    return [LinkedTask(i + 1, action, catalogue.of_action(action), 1, "tasks", 2, "330382001001001", None, action,
                       None) for i, action in enumerate(actions)]


def _last_done(tasks: list[LinkedTask], delays_from: str, directory: Path = SCENARIOS) -> dict[str, int]:
    """Minutes from the clock's zero to each milestone's last synthetic completion."""
    scenario = load_scenario(delays_from, directory)
    milestone = {t.task_id: t.milestone for t in tasks}
    last: dict[str, int] = {}
    for step in schedule(tasks, scenario.delays, milestone_catalogue().acknowledge_fraction, DISPATCHED_AT,
                         scenario.seed):
        if step.what == DONE:
            key = milestone[step.task_id]
            last[key] = max(last.get(key, 0), step.at - ZERO)
    return {k: v // 60 for k, v in last.items()}


def test_reference_plan_is_done_inside_every_milestone_for_the_default_seed() -> None:
    targets = {m.key: m.minutes for m in milestone_catalogue().milestones}
    last = _last_done(_tasks(REFERENCE_PLAN), REFERENCE)
    assert set(last) == set(targets)
    assert {k: v for k, v in last.items() if v >= targets[k]} == {}


def test_reference_drill_on_the_tiny_county_rates_every_milestone_performed(tiny_store_path: str,
                                                                             tmp_path: Path) -> None:
    store = tmp_path / "drill.gpkg"
    shutil.copy(tiny_store_path, store)
    console = Console.open(str(store))
    try:
        service = console.incidents
        run = run_drill(service, load_scenario(REFERENCE), paced=False)
        board = service.snapshot(run.incident_id).board
    finally:
        console.close()
    assert run.performed == run.steps > 0
    assert [(m.key, m.state, m.rating.value) for m in board] == [(m.key, "met", "P") for m in board]


def test_delays_are_read_from_the_scenario_file(tmp_path: Path) -> None:
    raw = json.loads((SCENARIOS / f"{REFERENCE}.json").read_text(encoding="utf-8"))
    raw["delays_minutes"]["traffic_checkpoint"] = {"median": 90, "p95": 100}  # set up in 1.5 h, not within the hour
    (tmp_path / "slow-roads.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    tasks = _tasks(REFERENCE_PLAN)
    shipped, slow = _last_done(tasks, REFERENCE), _last_done(tasks, "slow-roads", tmp_path)
    assert shipped["traffic_checkpoints"] < 60 < slow["traffic_checkpoints"]
    assert {k: v for k, v in slow.items() if k != "traffic_checkpoints"} == {
        k: v for k, v in shipped.items() if k != "traffic_checkpoints"}


def test_a_scenario_without_the_delay_of_an_action_is_refused(tmp_path: Path) -> None:
    raw = json.loads((SCENARIOS / f"{REFERENCE}.json").read_text(encoding="utf-8"))
    del raw["delays_minutes"]["sampling_site"]
    (tmp_path / "no-sampling.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(IncidentError, match="no completion delay for sampling_site"):
        load_scenario("no-sampling", tmp_path)


@pytest.mark.parametrize("key", ["market-dense-town", "boundary-import"])
def test_the_other_scenarios_pace_differently(key: str) -> None:
    assert load_scenario(key).delays != load_scenario(REFERENCE).delays
