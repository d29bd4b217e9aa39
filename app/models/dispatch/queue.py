"""The queue a console works: one filter, pages fetched from the store on demand, a cheap change poll,
and the actions each task's status allows — what the queue panel shows, without Qt.

The poll (:meth:`TaskQueue.poll`) is meant to run off the GUI thread: it reads the view it pages with once,
so a filter edited meanwhile on the GUI thread cannot mix into one page, and the page says which view it is of.
"""

from __future__ import annotations

import dataclasses
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.tasks import OPEN_STATUSES, TaskRow, TaskStatus
from app.models.context import Choropleth
from app.models.dispatch.incident_clocks import Clock, IncidentClocks
from app.models.dispatch.lifecycle import TRANSITIONS
from app.models.dispatch.service import TaskService
from app.store.queries.incidents import incident_clocks
from app.store.queries.tasks import TaskFilter, change_token, open_tasks_by_unit, task_count, task_page
from app.timebase import date_of_day, day_of

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


@dataclass(frozen=True)
class QueueView:
    """What a queue shows: its filter and whether only overdue tasks."""

    filter: TaskFilter
    overdue_only: bool = False

    def effective(self, now: int) -> TaskFilter:
        return dataclasses.replace(self.filter, overdue_at=now) if self.overdue_only else self.filter


@dataclass(frozen=True)
class QueuePage:
    """The first rows of a queue and how many tasks it holds, read together for one view."""

    view: QueueView
    rows: list[TaskRow]
    total: int


class TaskQueue:
    """A filtered, sorted view of the tasks; never holds more than the pages asked for.

    Time left is counted on the clock of the incident a task belongs to (see ``incident_clocks``);
    ``running(incident_id)`` gives the drill clock running in this console for that incident, if any."""

    def __init__(self, service: TaskService, user: str | None = None,
                 running: Callable[[int], Clock | None] | None = None) -> None:
        self.service = service
        self.user = user or console_user()
        self.view = QueueView(TaskFilter(statuses=OPEN))
        self.running: Callable[[int], Clock | None] = running or (lambda _incident_id: None)
        self.clocks = IncidentClocks()
        self._token: int | None = None  # the change token at the last poll; None: the first poll reads a page

    @property
    def filter(self) -> TaskFilter:
        return self.view.filter

    def set_filter(self, overdue_only: bool | None = None, **changes: object) -> None:
        """Change the view in one assignment (a poll on another thread sees the old view or the new, never a mix)."""
        only = self.view.overdue_only if overdue_only is None else overdue_only
        self.view = QueueView(dataclasses.replace(self.view.filter, **changes), only)

    def page(self, offset: int, limit: int, view: QueueView | None = None) -> list[TaskRow]:
        view = view or self.view
        rows = task_page(self.service.store, view.effective(self.view_now(view)), offset, limit)
        self.clocks = self.clocks.merged(*incident_clocks(self.service.store, [r.id for r in rows]))
        return rows

    def count(self, view: QueueView | None = None) -> int:
        view = view or self.view
        return task_count(self.service.store, view.effective(self.view_now(view)))

    def poll(self, wanted: int) -> QueuePage | None:
        """The first ``wanted`` rows and the count if any console (this one or another) changed any task since
        the last poll, else None. One thread polls a queue; the GUI applies a page only if its view is current."""
        token = change_token(self.service.store)
        if token == self._token:
            return None
        view = self.view
        page = QueuePage(view, self.page(0, wanted, view), self.count(view))
        self._token = token
        return page

    def now(self) -> int:
        """The wall clock (the task service's): tasks of no incident and of real incidents count on it; the moment
        the queue is read at when it shows the past (``filter.at``)."""
        return self.service.clock() if self.view.filter.at is None else self.view.filter.at

    @property
    def read_only(self) -> bool:
        """The queue shows the past: nothing in it can be acted on."""
        return self.view.filter.at is not None

    def task_now(self, row: TaskRow) -> int:
        """Now on the clock of the incident ``row`` belongs to (of the pages read so far)."""
        return self.clocks.task_now(row.id, self.now, self.running)

    def time_left(self, row: TaskRow) -> int:
        """Seconds until ``row`` is due on its incident's clock (negative: overdue)."""
        return row.due_at - self.task_now(row)

    def overdue(self, row: TaskRow) -> bool:
        return self.time_left(row) < 0 and TaskStatus(row.status) in OPEN_STATUSES

    def view_now(self, view: QueueView) -> int:
        """The moment "overdue" is judged at: an incident's queue on that incident's clock, else the wall clock."""
        incident_id = view.filter.incident_id
        return self.now() if incident_id is None else self.clocks.incident_now(incident_id, self.now, self.running)

    def allowed(self, row: TaskRow) -> set[str]:
        """The action labels the task's status allows (nothing while the queue shows the past)."""
        if self.read_only:
            return set()
        return {label for label, target in ACTIONS if target in TRANSITIONS[S(row.status)]}

    def act(self, row: TaskRow, label: str) -> TaskRow:
        """Do one action on a task as this console's user, at the version the user saw."""
        target = dict(ACTIONS)[label]
        if label == "claim":
            return self.service.claim(row.id, by=self.user, expected_version=row.version)
        return self.service.transition(row.id, target, by=self.user, expected_version=row.version)

    def open_tasks_map(self) -> Choropleth:
        """Open tasks per grid (grid tasks only), for the map: as they stood at ``filter.at`` when the queue shows
        the past (its title says so)."""
        at = self.filter.at
        counts = open_tasks_by_unit(self.service.store, at)
        values = {u.code: float(n) for uid, n in counts.items() if (u := self.service.router.unit(uid)).level == 3}
        if at is None:
            return Choropleth("未办结任务", "grid", values, "tasks", title_en="Open tasks", integer=True)
        day = date_of_day(day_of(at)).isoformat()
        return Choropleth(f"未办结任务（{day} 日终，历史，只读）", "grid", values, "tasks",
                          title_en=f"Open tasks at the end of {day} (past, read-only)", integer=True)
