"""Applying one decided change to one task inside a transaction: compare-and-set plus its audit events,
and the closed loop that follows — a parent rolls up its children, a cancelled parent cancels them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from app.domain.tasks import CLOSED_STATUSES, OPEN_STATUSES, TaskRow, TaskStatus
from app.models.dispatch.errors import StaleTask
from app.models.dispatch.lifecycle import path_to
from app.store.queries import task_writes as w
from app.store.queries.tasks import child_status_counts

S = TaskStatus
ROLLUP = "rollup"


@dataclass(frozen=True)
class Change:
    """What an operation does to a task: status steps (each one audited), other values, and why."""

    action: str
    steps: tuple[TaskStatus, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def event_row(task_id: int, at: int, by: str, action: str, note: str = "",
              from_status: int | None = None, to_status: int | None = None) -> dict[str, Any]:
    return {"task_id": task_id, "at": at, "by": by, "action": action, "from_status": from_status,
            "to_status": to_status, "note": note}


def apply(conn: Connection, row: TaskRow, change: Change, by: str, now: int) -> bool:
    """Compare-and-set ``change`` on ``row`` (at the version it was read) and log it. False if it lost."""
    values = {**change.values, "updated_at": now}
    if change.steps:
        values["status"] = int(change.steps[-1])
        if change.steps[-1] in CLOSED_STATUSES:
            values["closed_at"] = now
    if not w.compare_and_set(conn, row.id, row.version, values):
        return False
    if change.steps:
        before = [row.status, *[int(s) for s in change.steps[:-1]]]
        w.insert_events(conn, [event_row(row.id, now, by, change.action, change.note, a, int(b))
                               for a, b in zip(before, change.steps)])
    else:
        w.insert_events(conn, [event_row(row.id, now, by, change.action, change.note)])
    return True


def cancel_children(conn: Connection, parent_id: int, by: str, now: int) -> None:
    """Cancel every open task below a cancelled one."""
    for child in w.children(conn, parent_id):
        if S(child.status) in OPEN_STATUSES:
            if not apply(conn, child, Change("transition", (S.CANCELLED,), note=f"parent task {parent_id} cancelled"), by, now):
                raise StaleTask(f"task {child.id} changed while its parent was being cancelled")
            cancel_children(conn, child.id, by, now)


def settle_parent(conn: Connection, parent_id: int | None, now: int) -> None:
    """Roll a parent up from its children: it starts when one starts and closes when all have closed."""
    while parent_id is not None:
        parent = w.lock_task(conn, parent_id)
        if parent is None or S(parent.status) in CLOSED_STATUSES:
            return
        counts = child_status_counts(conn, parent_id)
        total = sum(counts.values())
        still_open = sum(counts.get(int(s), 0) for s in OPEN_STATUSES)
        if total and not still_open:
            target = (S.CANCELLED if counts.get(int(S.CANCELLED), 0) == total
                      else S.FAILED if counts.get(int(S.FAILED)) else S.DONE)
        elif total - counts.get(int(S.NEW), 0) - counts.get(int(S.DISPATCHED), 0) - counts.get(int(S.CANCELLED), 0):
            target = S.IN_PROGRESS
        else:
            return
        steps = tuple(path_to(S(parent.status), target))
        if not steps:
            return
        closed = total - still_open
        note = f"roll-up: {closed}/{total} child tasks closed"
        if not apply(conn, parent, Change(ROLLUP, steps, note=note), ROLLUP, now):
            raise StaleTask(f"task {parent_id} changed while locked")
        parent_id = parent.parent_id
