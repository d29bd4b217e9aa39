"""Tasks and warnings: dispatch tasks by the unit they are assigned to — created, open, closed, done, on time,
overdue, escalated. A task assigned to a village office counts for the village and above, not for its grids.

Tasks change status in place, so this producer is static: a refresh re-counts every task (there are few).
"""

from __future__ import annotations

import numpy as np

from app.domain.tasks import TaskStatus
from app.models.indicators.contributions import Contributions
from app.models.indicators.sources import Sources
from app.timebase import day_of

MEASURES = ("tasks_created", "tasks_open", "tasks_closed", "tasks_done", "tasks_on_time", "tasks_overdue",
            "tasks_escalated", "tasks_urgent_open")


def produce(src: Sources, out: Contributions) -> None:
    t = src.static["tasks"]
    found = [src.tree.index.get(str(code), (0, -1)) for code in t["code"]]
    level = np.array([int(f[0]) for f in found], np.int64)
    row = np.array([f[1] for f in found], np.int64)
    created, due, closed_at = day_of(t["created"]), day_of(t["due"]), t["closed"]
    closed = closed_at >= 0
    closed_day = day_of(np.where(closed, closed_at, 0))

    def add(measure: str, sel: np.ndarray, days: np.ndarray, weight: float = 1.0) -> None:
        out.add_at_units(measure, level[sel], row[sel], days[sel], weight)

    everything = np.ones(len(row), bool)
    add("tasks_created", everything, created)
    for measure, member in (("tasks_open", everything), ("tasks_urgent_open", t["priority"] == 1)):
        add(measure, member, created)
        add(measure, member & closed, closed_day, -1.0)
    add("tasks_closed", closed, closed_day)
    add("tasks_done", closed & (t["status"] == TaskStatus.DONE), closed_day)
    add("tasks_on_time", closed & (closed_at <= t["due"]), closed_day)
    late = ~closed | (closed_at > t["due"])
    add("tasks_overdue", late, due)
    add("tasks_overdue", late & closed, closed_day, -1.0)
    add("tasks_escalated", t["escalated"] >= 0, day_of(np.maximum(t["escalated"], 0)))
