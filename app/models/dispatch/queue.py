"""The queue a console works: one filter, pages fetched from the store on demand, a cheap change poll,
and the actions each task's status allows — what the queue panel shows, without Qt."""

from __future__ import annotations

import dataclasses
import getpass
import os

from app.domain.tasks import OPEN_STATUSES, TaskRow, TaskStatus
from app.models.context import Choropleth
from app.models.dispatch.lifecycle import TRANSITIONS
from app.models.dispatch.service import TaskService
from app.store.queries.tasks import TaskFilter, change_token, open_tasks_by_unit, task_count, task_page

S = TaskStatus
# (label, target status) of each action button; claim is the acknowledging action.
ACTIONS: tuple[tuple[str, TaskStatus], ...] = (
    ("dispatch", S.DISPATCHED), ("claim", S.ACKNOWLEDGED), ("start", S.IN_PROGRESS),
    ("done", S.DONE), ("fail", S.FAILED), ("cancel", S.CANCELLED),
)
OPEN = tuple(int(s) for s in OPEN_STATUSES)


def console_user() -> str:
    """Who this console acts as in the audit trail: ``$JINGKONG_USER`` or the login name."""
    return os.environ.get("JINGKONG_USER") or getpass.getuser()


class TaskQueue:
    """A filtered, sorted view of the tasks; never holds more than the pages asked for."""

    def __init__(self, service: TaskService, user: str | None = None) -> None:
        self.service = service
        self.user = user or console_user()
        self.filter = TaskFilter(statuses=OPEN)
        self.overdue_only = False
        self._token = change_token(service.store)

    def set_filter(self, **changes: object) -> None:
        self.filter = dataclasses.replace(self.filter, **changes)

    def page(self, offset: int, limit: int) -> list[TaskRow]:
        return task_page(self.service.store, self._effective(), offset, limit)

    def count(self) -> int:
        return task_count(self.service.store, self._effective())

    def changed(self) -> bool:
        """True once after any console (this one or another) changed any task since the last call."""
        token = change_token(self.service.store)
        changed, self._token = token != self._token, token
        return changed

    def now(self) -> int:
        return self.service.clock()

    @staticmethod
    def allowed(row: TaskRow) -> set[str]:
        """The action labels the task's status allows."""
        return {label for label, target in ACTIONS if target in TRANSITIONS[S(row.status)]}

    def act(self, row: TaskRow, label: str) -> TaskRow:
        """Do one action on a task as this console's user, at the version the user saw."""
        target = dict(ACTIONS)[label]
        if label == "claim":
            return self.service.claim(row.id, by=self.user, expected_version=row.version)
        return self.service.transition(row.id, target, by=self.user, expected_version=row.version)

    def open_tasks_map(self) -> Choropleth:
        """Open tasks per grid (grid tasks only), for the map."""
        counts = open_tasks_by_unit(self.service.store)
        values = {u.code: float(n) for uid, n in counts.items() if (u := self.service.router.unit(uid)).level == 3}
        return Choropleth("未办结任务", "grid", values, "tasks", title_en="Open tasks", integer=True)

    def _effective(self) -> TaskFilter:
        return dataclasses.replace(self.filter, overdue_at=self.now()) if self.overdue_only else self.filter
