"""The dispatch queue dock: filter and sort the tasks, act on one or many, follow another console's changes.

The panel follows the console's one change feed (``context.store_changed``, from the store follower): when tasks
(or transfers, which move tasks) changed — pushed by PostgreSQL within a second of another console's commit, or
found by the embedded store's one poller within two — a one-shot worker re-reads the first page off the GUI
thread, and another checks that every task's status matches its audited events (an integrity alarm for a status
set behind the application's back). Nothing of the panel polls. Countdowns repaint every second, and overdue tasks
are escalated every minute: both are moved by the clock, not by a change anyone announces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.admin import Level
from app.domain.tasks import TaskRow, TaskStatus
from app.models.audit_trail import AuditTrail
from app.models.context import Choropleth, ConsoleContext
from app.models.dispatch.cascade import cascade
from app.models.dispatch.catalogue import KINDS
from app.models.dispatch.errors import REFUSALS
from app.models.dispatch.escalation import escalate_overdue
from app.models.dispatch.queue import ACTIONS, OPEN, QueuePage, TaskQueue
from app.models.dispatch.service import TaskService
from app.models.incident.desk import IncidentDesk
from app.timebase import end_of_day_seconds
from app.views.flow_layout import FlowLayout
from app.views.refresher import Refresher
from app.views.task_detail_view import TaskDetailView
from app.views.task_table_model import PAGE, TaskTableModel
from app.views.vocabulary import TASK_ACTION, TASK_KIND, TASK_STATUS
from app.views.widgets import MessageLabel, compact_rows, fill_height

TICK_MS = 1000
ESCALATE_MS = 60_000
FOLLOWED = frozenset({"tasks", "transfers"})  # topics that move the queue (a trip moves its task)


class TaskQueuePanel(QWidget):
    """Queue table, filter bar, action buttons (enabled by the selected tasks' statuses) and detail view.

    Writes ``context.selected_unit``, ``highlighted_persons`` and ``choropleth``; follows ``context.selected_unit``.
    The table fills from the reader's first page, a moment after the panel opens."""

    def __init__(self, tasks: TaskService, context: ConsoleContext, audit: AuditTrail,
                 parent: QWidget | None = None, desk: IncidentDesk | None = None) -> None:
        super().__init__(parent)
        self.context, self.desk = context, desk
        self.queue = TaskQueue(tasks, running=desk.running_clock if desk is not None else None)
        self.model = TaskTableModel(self.queue, self)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("open"), OPEN)
        self.status.addItem(self.tr("all"), ())
        for s in TaskStatus:
            self.status.addItem(TASK_STATUS(s), (int(s),))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("all kinds"), ())
        for k in KINDS:
            self.kind.addItem(TASK_KIND(k), (k,))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("title contains…"))
        self.overdue = QCheckBox(self.tr("overdue"), self)
        self.in_unit = QCheckBox(self.tr("selected unit"), self)
        for signal in (self.status.currentIndexChanged, self.kind.currentIndexChanged, self.search.textChanged,
                       self.overdue.toggled, self.in_unit.toggled):
            signal.connect(self._on_filter_edit)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        compact_rows(self.table)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_change)
        self.detail = TaskDetailView(self.queue, self)
        self.buttons: dict[str, QPushButton] = {}
        actions = FlowLayout()
        for label, _target in ACTIONS:
            self.buttons[label] = self._button(actions, TASK_ACTION(label), lambda _=False, a=label: self.act(a))
        for level, text in ((Level.VILLAGE, self.tr("fan out to villages")), (Level.GRID, self.tr("fan out to grids"))):
            self.buttons[f"cascade_{level.key}"] = self._button(actions, text, lambda _=False, lv=level: self.fan_out(lv))
        self._button(actions, self.tr("show on map"), self.show_on_map)
        self._button(actions, self.tr("open tasks map"), self.show_open_tasks)
        self.message = MessageLabel(self)
        self.alarm = QLabel(self)
        self.alarm.setWordWrap(True)
        self.alarm.setStyleSheet("QLabel { color: white; background: #c0392b; padding: 4px; font-weight: bold; }")
        self.alarm.hide()
        self.summary = QLabel(self)
        self._open_tasks: Choropleth | None = None  # the open-tasks map this panel last put on the map
        self.past = QLabel(self)  # says the queue is history while the as-of date is before today
        self.past.setWordWrap(True)
        self.past.setStyleSheet("QLabel { background: #fefcbf; color: #744210; padding: 4px; }")
        self.past.hide()
        filters = FlowLayout()
        for w in (self.status, self.kind, self.search, self.overdue, self.in_unit, self.summary):
            filters.addWidget(w)
        split = QSplitter(Qt.Orientation.Horizontal, self)  # the trail beside the queue: the queue keeps its rows
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        fill_height(split)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.alarm)
        box.addWidget(self.past)
        box.addLayout(filters)
        box.addWidget(split, 1)
        box.addLayout(actions)
        box.addWidget(self.message)
        context.events.selected_unit.connect(self._on_selected_unit_change)
        context.events.as_of.connect(self._on_as_of_change)
        if context.in_past:
            self._on_as_of_change(context.as_of)
        if desk is not None:  # wartime: the queue of the incident in hand only
            desk.events.wartime.connect(self._on_incident_scope_change)
            desk.events.incident.connect(self._on_incident_scope_change)
        self._on_selection_change()
        self._show_summary()
        queue, self._wanted = self.queue, PAGE  # rows the table holds: a re-read reads that many
        self.reader = Refresher(lambda: queue.poll(self._wanted), self)
        self.reader.sigResult.connect(self._on_polled)
        self.integrity = Refresher(audit.mismatches, self)
        self.integrity.sigResult.connect(self._on_integrity)
        self.escalator = Refresher(lambda: escalate_overdue(tasks), self)
        self.escalator.sigResult.connect(self._on_escalated)
        for reader in (self.reader, self.integrity, self.escalator):
            reader.sigFailed.connect(self.message.setText)
        context.events.store_changed.connect(self._on_store_changed_change)
        self.reader.request()
        self.integrity.request()
        # a task falls overdue as time passes, which no write announces: escalation goes by the clock
        self.escalation_clock = QTimer(self, interval=ESCALATE_MS)
        self.escalation_clock.timeout.connect(self.escalator.request)
        self.escalation_clock.start()
        self.ticker = QTimer(self)  # countdowns move with the clock, whether or not the store changed
        self.ticker.timeout.connect(self.model.tick)
        self.ticker.start(TICK_MS)
        for signal in (self.model.modelReset, self.model.rowsInserted):
            signal.connect(self._on_rows_change)

    def _button(self, layout: FlowLayout, text: str, slot: Callable[..., None]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # --- reading -------------------------------------------------------------------------------------
    def selected(self) -> list[TaskRow]:
        return [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def _on_store_changed_change(self, topics: frozenset[str]) -> None:
        if topics & FOLLOWED:
            self.reader.request()
        if "tasks" in topics:
            self.integrity.request()

    def _on_polled(self, page: QueuePage | None) -> None:
        """Show a page read after any console changed any task, else just repaint the countdowns. A page read
        for a view since left is dropped: the panel reloaded when the view changed."""
        if page is not None and page.view == self.queue.view:
            self._keep_selection(lambda: self.model.set_rows(page.rows, page.total))

    def _on_integrity(self, mismatches: list) -> None:
        """Alarm: tasks whose status was changed without the event the application always writes."""
        if mismatches:
            ids = ", ".join(str(m.task_id) for m in mismatches[:10])
            text = self.tr("Integrity alarm: %n task(s) changed outside the console, status unlike events (tasks %1)",
                           "", len(mismatches))
            self.alarm.setText(text.replace("%1", ids))
        self.alarm.setVisible(bool(mismatches))

    def _on_rows_change(self) -> None:
        self._wanted = max(PAGE, len(self.model.rows))

    def _on_escalated(self, ids: list[int]) -> None:
        if ids:
            self.message.setText(self.tr("%n overdue task(s) escalated", "", len(ids)))

    def reload(self) -> None:
        """Read the rows again now (after this console's own edits and actions)."""
        self._keep_selection(self.model.reload)

    def _keep_selection(self, fill: Callable[[], None]) -> None:
        chosen = {row.id for row in self.selected()}
        fill()
        selection = self.table.selectionModel()
        for i, row in enumerate(self.model.rows):
            if row.id in chosen:
                selection.select(self.model.index(i, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._show_summary()
        self.detail.refresh()

    def _show_summary(self) -> None:
        self.summary.setText(self.tr("{0} of {1} tasks").format(len(self.model.rows), self.model.total))

    def _on_filter_edit(self) -> None:
        unit = self.context.selected_unit if self.in_unit.isChecked() else None
        self.queue.set_filter(overdue_only=self.overdue.isChecked(), statuses=tuple(self.status.currentData()),
                              kinds=tuple(self.kind.currentData()), text=self.search.text().strip(), unit_code=unit)
        self.reload()

    def _on_incident_scope_change(self, _what: object = None) -> None:
        incident_id = self.desk.queue_incident() if self.desk is not None else None
        if incident_id != self.queue.filter.incident_id:
            self.queue.set_filter(incident_id=incident_id)
            self.reload()

    def _on_as_of_change(self, date: dt.date) -> None:
        """The queue as it stood at the end of the as-of day (read-only), or today's queue to act on."""
        at = end_of_day_seconds(date) if self.context.in_past else None
        if at != self.queue.filter.at:
            self.queue.set_filter(at=at)
            self.reload()
            if self._open_tasks is not None and self.context.choropleth is self._open_tasks:
                self.show_open_tasks()
        self.past.setText(self.tr("The queue as it stood at the end of %1 — read only; move the date to today (%2) to act.")
                          .replace("%1", date.isoformat()).replace("%2", self.context.today.isoformat()))
        self.past.setVisible(at is not None)
        self._on_selection_change()

    def _on_selected_unit_change(self, _code: str | None) -> None:
        if self.in_unit.isChecked():
            self._on_filter_edit()

    def _on_selection_change(self) -> None:
        rows = self.selected()
        allowed = set().union(*(self.queue.allowed(r) for r in rows)) if rows else set()
        for label, button in self.buttons.items():
            fans_out = (label.startswith("cascade_") and len(rows) == 1 and rows[0].parent_id is None
                        and not self.queue.read_only)
            button.setEnabled(label in allowed or (fans_out and rows[0].status in OPEN))
        self.detail.show_task(rows[0] if len(rows) == 1 else None)

    # --- acting --------------------------------------------------------------------------------------
    def act(self, label: str) -> None:
        """Apply an action to every selected task that allows it; report what was refused."""
        rows = [r for r in self.selected() if label in self.queue.allowed(r)]
        refused = []
        for row in rows:
            try:
                self.queue.act(row, label)
            except REFUSALS as exc:
                refused.append(str(exc))
        done = len(rows) - len(refused)
        changed = self.tr("%1: %n task(s) changed", "", done).replace("%1", TASK_ACTION(label))
        self.message.setText(changed + "".join(f"\n{r}" for r in refused))
        self.reload()

    def fan_out(self, level: Level) -> None:
        rows = self.selected()
        try:
            ids = cascade(self.queue.service, rows[0].id, level, by=self.queue.user)
            self.message.setText(self.tr("task %1 fanned out into %n task(s)", "", len(ids)).replace("%1", str(rows[0].id)))
        except REFUSALS as exc:
            self.message.setText(str(exc))
        self.reload()

    def show_on_map(self) -> None:
        """Select the task's target unit on the map and highlight the people it is about."""
        rows = self.selected()
        if rows:
            self.context.selected_unit = rows[0].target_code or rows[0].assignee_code
            self.context.highlighted_persons = self.queue.service.people(rows[0].id)

    def show_open_tasks(self) -> None:
        """Colour the map by open tasks per grid, as the queue shows them (today's, or as they stood on the as-of
        date); the map follows the date while it shows them."""
        self._open_tasks = self.queue.open_tasks_map()
        self.context.choropleth = self._open_tasks
