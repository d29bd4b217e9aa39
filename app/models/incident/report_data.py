"""What an after-action report shows, read from the store: the incident, its outcome numbers (planned and done,
per plan action), the final milestone board with ratings, the timeline, the zones' outlines for the map, and
the improvement plan. The PDF writer (``app.reports``) only lays this out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from app.domain.admin import Level
from app.domain.incidents import ImprovementRow, IncidentRow, LinkedTask, TimelineEvent
from app.domain.tasks import TaskStatus
from app.models.incident.catalogue import ZONE_KINDS
from app.models.incident.milestones import MilestoneState
from app.models.incident.plan import Plan
from app.models.incident.service import IncidentService
from app.models.rings import Rings, flatten


@dataclass(frozen=True)
class Outcome:
    """Per plan action: (tasks planned, tasks done, quantity planned, quantity done)."""

    by_action: dict[str, tuple[int, int, int, int]]

    def planned(self, action: str) -> int:
        return self.by_action.get(action, (0, 0, 0, 0))[2]

    def done(self, action: str) -> int:
        return self.by_action.get(action, (0, 0, 0, 0))[3]


def outcome(tasks: list[LinkedTask], statuses: dict[int, int]) -> Outcome:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for t in tasks:
        if t.milestone is None:
            continue
        row = sums[t.action]
        row[0] += 1
        row[2] += t.quantity
        if statuses.get(t.task_id) == TaskStatus.DONE:
            row[1] += 1
            row[3] += t.quantity
    return Outcome({k: (a, b, c, d) for k, (a, b, c, d) in sums.items()})


@dataclass(frozen=True)
class ReportData:
    incident: IncidentRow
    plan: Plan
    board: list[MilestoneState]
    outcome: Outcome
    numbers: dict[str, tuple[int, int]]  # figure -> (planned or found, done)
    timeline: list[TimelineEvent]
    zones: dict[str, Rings]  # zone kind -> outlines of its grids (display CRS)
    county: Rings
    improvements: list[ImprovementRow]
    at: int


def report_numbers(plan: Plan, out: Outcome) -> dict[str, tuple[int, int]]:
    """The figures of the report: (planned / found, done)."""
    stations = out.planned("sampling_site")
    sampled = round(plan.numbers.get("people_to_sample", 0) * out.done("sampling_site") / stations) if stations else 0
    return {"staff": (out.planned("muster"), out.done("muster")),
            "seal_points": (out.planned("seal_point"), out.done("seal_point")),
            "traffic_checkpoints": (out.planned("traffic_checkpoint"), out.done("traffic_checkpoint")),
            "sites": (out.by_action.get("sampling_site", (0, 0, 0, 0))[0], out.by_action.get("sampling_site", (0, 0, 0, 0))[1]),
            "stations": (stations, out.done("sampling_site")),
            "people_sampled": (plan.numbers.get("people_to_sample", 0), sampled),
            "close": (out.planned("close_contact"), out.done("close_contact")),
            "secondary": (out.planned("secondary_contact"), out.done("secondary_contact")),
            "beds": (plan.numbers.get("beds_needed", 0), plan.numbers.get("beds_free", 0)),
            "m2": (out.planned("disinfection"), out.done("disinfection")),
            "environment_samples": (out.planned("environment_samples"), out.done("environment_samples"))}


def report_data(service: IncidentService, incident_id: int) -> ReportData:
    row = service.get(incident_id)
    snap = service.snapshot(incident_id)
    plan = service.plan(incident_id)
    tasks = service.linked(incident_id)
    out = outcome(tasks, snap.statuses)
    grids = service.atlas.levels[Level.GRID]
    zones = {k: flatten(grids.geoms[[grids.index[c] for c in snap.zones.grids.get(k, ()) if c in grids.index]])
             for k in ZONE_KINDS}
    county = flatten(service.atlas.levels[Level.COUNTY].geoms[np.arange(1)])
    return ReportData(row, plan, snap.board, out, report_numbers(plan, out), snap.events, zones, county,
                      service.improvements(incident_id), snap.at)
