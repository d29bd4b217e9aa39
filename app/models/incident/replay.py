"""The command picture of an incident at any moment, rebuilt from what was recorded: the status of every task
(their audit trail), the milestone board, the zones (the plan and its zone changes) and the timeline so far.

The live board is the same question asked at ``now``: replay and live cannot disagree.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from app.domain.incidents import IncidentRow, LinkedTask, TimelineEvent
from app.domain.tasks import OPEN_STATUSES, TaskStatus
from app.models.incident.catalogue import MilestoneCatalogue
from app.models.incident.milestones import MilestoneState, board
from app.models.incident.zones import Zones
from app.store.queries import incidents as q
from app.store.store import Store


@dataclass(frozen=True)
class Snapshot:
    at: int
    statuses: dict[int, int]  # task id -> status (tasks created by then)
    board: list[MilestoneState]
    zones: Zones
    events: list[TimelineEvent]
    overdue_tasks: tuple[int, ...] = ()  # the plan's tasks still open past their due time at ``at``

    def overdue_milestones(self) -> list[MilestoneState]:
        """The alarms of the board: milestones past their target and not met."""
        return [m for m in self.board if m.state == "overdue"]

    def counts(self) -> dict[str, int]:
        """Tasks per status key, over the plan's own tasks (not the cascade's parents)."""
        return {TaskStatus(s).key: n for s, n in sorted(Counter(self.statuses.values()).items())}


def zones_at(events: list[TimelineEvent], fallback: Zones) -> Zones:
    """The zones after the last plan or zone event in ``events``."""
    for e in reversed(events):
        if e.kind in ("plan", "zone"):
            data = json.loads(e.data or "{}")
            if "zones" in data:
                return Zones.from_json(data["zones"])
    return fallback


def before_last_edit(events: list[TimelineEvent]) -> Zones | None:
    """The zones the last zone edit still in force replaced (what undoing it gives back), or None if there is
    none. An undo is itself recorded (``undo`` in its data), so undoing again goes one edit further back."""
    replaced: list[Zones] = []
    current: Zones | None = None
    for e in events:
        if e.kind not in ("plan", "zone"):
            continue
        data = json.loads(e.data or "{}")
        if "zones" not in data:
            continue
        if e.kind == "plan":
            replaced = []
        elif data.get("undo"):
            replaced.pop()
        elif current is not None:
            replaced.append(current)
        current = Zones.from_json(data["zones"])
    return replaced[-1] if replaced else None


@dataclass(frozen=True)
class Recording:
    """What an incident recorded up to the moment it was read: its row, tasks, status changes and timeline, both
    in time order. Any moment's picture is computed from it without the store, so a replay slider reads the
    store once, not at every step (on the full county a step re-read 20,000 events: 200 ms)."""

    incident: IncidentRow
    tasks: list[LinkedTask]
    changes: list[tuple[int, int, int]]  # (task id, at, new status), oldest first
    events: list[TimelineEvent]  # oldest first
    fallback: Zones  # the plan's zones, for a moment before any zone event
    token: tuple[int, int]  # the store's change token when read: a newer one means more was recorded since

    def snapshot(self, catalogue: MilestoneCatalogue, at: int, final: bool = False) -> Snapshot:
        leaves = {t.task_id for t in self.tasks if t.milestone}
        statuses: dict[int, int] = {}
        done_at: dict[int, int] = {}
        for task_id, _when, status in self.changes[: bisect_right(self.changes, at, key=lambda c: c[1])]:
            if task_id in leaves:
                statuses[task_id] = status
                if status == TaskStatus.DONE:
                    done_at.setdefault(task_id, _when)
        events = self.events[: bisect_right(self.events, at, key=lambda e: e.at)]
        due = {t.task_id: t.due_at for t in self.tasks}
        open_statuses = {int(s) for s in OPEN_STATUSES}
        overdue = tuple(sorted(i for i, s in statuses.items() if s in open_statuses and due[i] < at))
        return Snapshot(at, statuses, board(catalogue, self.incident.case_at, self.tasks, done_at, at, final),
                        zones_at(events, self.fallback), events, overdue)


def record(store: Store, incident: IncidentRow, tasks: list[LinkedTask], fallback: Zones,
           until: int | None = None) -> Recording:
    """Read what ``incident`` recorded (up to ``until``, default all of it)."""
    token = q.change_token(store)
    return Recording(incident, tasks, q.status_changes(store, incident.id, until=until),
                     q.timeline(store, incident.id, until=until), fallback, token)
