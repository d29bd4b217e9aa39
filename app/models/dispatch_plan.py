"""A bulk dispatch said before it is done, and taken back after: the plan of tasks a screening, a trace or a
list of warnings would create, and the run that creates them and can cancel them again.

A console that creates hundreds of tasks with one click must first say what it will do ("904 tasks to 212 grid
leaders") and must be able to take it back. Taking back never deletes: each created task is cancelled through
the dispatch service's lifecycle, so the audit trail of every task records who cancelled it and why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.models.dispatch.service import TaskService, TaskSpec
from app.models.engine_tasks import create_warning_tasks, warning_specs
from app.models.warnings.service import WarningService


@dataclass(frozen=True)
class DispatchPlan:
    """The tasks to create, and who receives them: ``assignees`` counts distinct receiving units by role
    (``{"grid_leader": 212}``); ``warning_ids`` are the warnings the tasks verify (one each), if any."""

    specs: tuple[TaskSpec, ...]
    assignees: dict[str, int]
    people: int
    warning_ids: tuple[int, ...] = ()

    @property
    def tasks(self) -> int:
        return len(self.specs)


def plan_dispatch(tasks: TaskService, specs: Sequence[TaskSpec], warning_ids: Sequence[int] = ()) -> DispatchPlan:
    """Route ``specs`` without writing (the service's own routing), and count tasks, receivers and people."""
    rows = tasks.prepare(specs) if specs else []
    units = {(row["assignee_role"], row["assignee_unit_id"]) for row in rows}
    by_role = Counter(role for role, _unit in units)
    people = len({p for spec in specs for p in spec.person_ids})
    return DispatchPlan(tuple(specs), dict(by_role), people, tuple(warning_ids))


def plan_warning_dispatch(warnings: WarningService, warning_ids: Sequence[int]) -> DispatchPlan:
    """One verification task per *new* warning among ``warning_ids`` (the others are already dispatched or closed)."""
    ids, specs = warning_specs(warnings, warning_ids)
    return plan_dispatch(TaskService(warnings.store), specs, ids)


@dataclass
class Revoked:
    """What taking back a dispatch did: the tasks cancelled and those left alone (already closed)."""

    cancelled: list[int] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)


class BulkDispatch:
    """One bulk dispatch of ``plan`` by ``by``: :meth:`run` creates its tasks, :meth:`revoke` cancels them.

    Running again after a revoke creates new tasks (the cancelled ones stay cancelled, in the audit log)."""

    def __init__(self, tasks: TaskService, plan: DispatchPlan, by: str = "console",
                 warnings: WarningService | None = None) -> None:
        self.tasks, self.plan, self.by, self.warnings = tasks, plan, by, warnings
        self.task_ids: list[int] = []

    def run(self) -> list[int]:
        specs = list(self.plan.specs)
        if self.warnings is not None:
            self.task_ids = create_warning_tasks(self.warnings, list(self.plan.warning_ids), specs, self.by)
        else:
            self.task_ids = self.tasks.create_many(specs, by=self.by) if specs else []
        return self.task_ids

    def revoke(self, note: str) -> Revoked:
        """Cancel every created task still open, with ``note`` in its audit trail; reopen their warnings."""
        # a task someone finished or cancelled meanwhile is kept: their outcome stands
        revoked = Revoked(*self.tasks.cancel_many(self.task_ids, by=self.by, note=note))
        if self.warnings is not None:
            cancelled = set(revoked.cancelled)
            self.warnings.reopen([w for w, t in zip(self.plan.warning_ids, self.task_ids) if t in cancelled])
        return revoked
