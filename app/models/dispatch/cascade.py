"""Cascade (层层下达): an instruction to a town or village fans out into child tasks for the units below it;
the parent shows their progress and closes when they close (the roll-up lives in ``changes``)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.domain.admin import Level
from app.domain.task_titles import Title
from app.domain.tasks import CLOSED_STATUSES, TaskRow, TaskStatus
from app.models.dispatch.changes import Change
from app.models.dispatch.errors import TaskError
from app.models.dispatch.lifecycle import path_to
from app.models.dispatch.service import TaskService, TaskSpec
from app.store.queries.tasks import TaskFilter, child_status_counts, task_count

S = TaskStatus


@dataclass(frozen=True)
class Progress:
    """How far a parent's children have got: count per status key."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def closed(self) -> int:
        return sum(self.counts.get(s.key, 0) for s in CLOSED_STATUSES)

    @property
    def text(self) -> str:
        return f"{self.closed}/{self.total} closed" if self.total else "no child tasks"


def cascade(service: TaskService, task_id: int, level: Level, *, by: str) -> list[int]:
    """Fan a task out to every unit of ``level`` under its target; children are dispatched at once and due
    when the parent is due; the parent becomes dispatched. Returns the child ids in unit-code order."""
    row = service.get(task_id)
    unit_id = row.target_unit_id if row.target_unit_id is not None else row.assignee_unit_id
    unit = service.router.unit(unit_id)
    if level <= unit.level:
        raise TaskError(f"task {task_id} is for a {Level(unit.level).key}: it can fan out only to smaller units")
    units = service.router.descendants(unit_id, level)
    parent = Title(row.title_key, json.loads(row.title_args or "{}")).as_arg() if row.title_key else {"text": row.title}
    specs = [TaskSpec.titled(row.kind, row.source, Title("fan_out", {"parent": parent, "unit": u.names}), u.code,
                             priority=row.priority, source_ref=row.source_ref, note=f"cascaded from task {task_id}",
                             parent_id=task_id)
             for u in units]
    rows = service.prepare(specs)
    for r in rows:
        r.update(status=int(S.DISPATCHED), due_at=row.due_at)
    ids: list[int] = []

    def decide(current: TaskRow) -> Change:
        if S(current.status) in CLOSED_STATUSES:
            raise TaskError(f"task {task_id} is {S(current.status).key}: a closed task cannot fan out")
        if task_count(service.store, TaskFilter(parent_id=task_id)):
            raise TaskError(f"task {task_id} already has child tasks")
        steps = tuple(path_to(S(current.status), S.DISPATCHED)) if current.status == S.NEW else ()
        return Change("cascade", steps, note=f"fanned out to {len(units)} {Level(level).key}s")

    service.change(task_id, decide, by=by, after=lambda conn, _row, now: ids.extend(service.insert(conn, rows, specs, by, now)))
    return ids


def progress(service: TaskService, task_id: int, at: int | None = None) -> Progress:
    """The roll-up of a task's children (at ``at``: as they stood then)."""
    service.get(task_id, at)
    with service.store.engine.connect() as conn:
        counts = child_status_counts(conn, task_id, at)
    return Progress({S(s).key: n for s, n in sorted(counts.items())})
