"""Escalation (超时上报): an open task past due is raised to the parent unit of its assignee, then one level
further every ``escalate_every_minutes`` of the service-level table while it stays open."""

from __future__ import annotations

from app.models.dispatch.changes import Change, apply
from app.models.dispatch.service import TaskService
from app.store.queries.tasks import escalation_candidates
from app.timebase import format_seconds

SYSTEM = "system"
BATCH = 1000  # one call escalates at most this many (longest overdue first): a console's timer stays short


def escalate_overdue(service: TaskService, *, by: str = SYSTEM, limit: int = BATCH) -> list[int]:
    """Escalate the tasks due for it at the service's clock, longest overdue first; returns their ids.

    Several consoles may run this at once: each escalation is a compare-and-set, so a task is raised once.
    """
    now = service.clock()
    plans = []
    for row in escalation_candidates(service.store, now, now - service.levels.escalate_every, limit):
        current = row.escalated_unit_id if row.escalated_unit_id is not None else row.assignee_unit_id
        parent = service.router.parent(current)
        if parent is not None:
            note = f"overdue since {format_seconds(row.due_at)}: escalated to {parent.name_zh} ({parent.code})"
            plans.append((row, Change("escalate", values={"escalated_unit_id": parent.id, "escalated_at": now}, note=note)))
    done = []
    with service.store.begin() as conn:
        for row, change in plans:
            if apply(conn, row, change, by, now):
                done.append(row.id)
    return done
