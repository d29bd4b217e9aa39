"""The dispatch queue dock: filter and sort the tasks, act on one or many, follow another console's changes.

Polls the store's change token every second, so a change made by another console (or the CLI) shows within
two seconds; countdowns repaint every second and overdue tasks escalate every minute.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.console import Console
from app.domain.admin import Level
from app.domain.tasks import TaskRow, TaskStatus
from app.models.dispatch.cascade import cascade
from app.models.dispatch.catalogue import KINDS
from app.models.dispatch.errors import REFUSALS
from app.models.dispatch.escalation import escalate_overdue
from app.models.dispatch.queue import ACTIONS, OPEN, TaskQueue
from app.views.task_detail_view import TaskDetailView
from app.views.task_table_model import TaskTableModel
from app.views.vocabulary import TASK_ACTION, TASK_KIND, TASK_STATUS

POLL_MS = 1000
ESCALATE_MS = 60_000


class TaskQueuePanel(QWidget):
    """Queue table, filter bar, action buttons (enabled by the selected tasks' statuses) and detail view."""

    def __init__(self, console: Console, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.queue = TaskQueue(console.tasks)
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
        self.table.selectionModel().selectionChanged.connect(self._on_selection_change)
        self.detail = TaskDetailView(self.queue, self)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for label, _target in ACTIONS:
            self.buttons[label] = self._button(actions, TASK_ACTION(label), lambda _=False, a=label: self.act(a))
        for level, text in ((Level.VILLAGE, self.tr("fan out to villages")), (Level.GRID, self.tr("fan out to grids"))):
            self.buttons[f"cascade_{level.key}"] = self._button(actions, text, lambda _=False, lv=level: self.fan_out(lv))
        self._button(actions, self.tr("show on map"), self.show_on_map)
        self._button(actions, self.tr("open tasks map"), self.show_open_tasks)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.summary = QLabel(self)
        filters = QHBoxLayout()
        for w in (self.status, self.kind, self.search, self.overdue, self.in_unit, self.summary):
            filters.addWidget(w)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(filters)
        box.addWidget(split, 1)
        box.addLayout(actions)
        box.addWidget(self.message)
        console.context.events.selected_unit.connect(self._on_selected_unit_change)
        self.poll = QTimer(self, interval=POLL_MS, timeout=self.refresh_if_changed)
        self.escalation = QTimer(self, interval=ESCALATE_MS, timeout=self.escalate)
        self.poll.start()
        self.escalation.start()
        self._on_selection_change()
        self._show_summary()

    def _button(self, layout: QHBoxLayout, text: str, slot: Callable[..., None]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # --- reading -------------------------------------------------------------------------------------
    def selected(self) -> list[TaskRow]:
        return [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def refresh_if_changed(self) -> None:
        """The poll: reload when any console changed any task, else just repaint the countdowns."""
        if self.queue.changed():
            self.reload()
        else:
            self.model.tick()

    def reload(self) -> None:
        chosen = {row.id for row in self.selected()}
        self.model.reload()
        selection = self.table.selectionModel()
        for i, row in enumerate(self.model.rows):
            if row.id in chosen:
                selection.select(self.model.index(i, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._show_summary()
        self.detail.refresh()

    def _show_summary(self) -> None:
        self.summary.setText(self.tr("{0} of {1} tasks").format(len(self.model.rows), self.model.total))

    def _on_filter_edit(self) -> None:
        unit = self.console.context.selected_unit if self.in_unit.isChecked() else None
        self.queue.overdue_only = self.overdue.isChecked()
        self.queue.set_filter(statuses=tuple(self.status.currentData()), kinds=tuple(self.kind.currentData()),
                              text=self.search.text().strip(), unit_code=unit)
        self.reload()

    def _on_selected_unit_change(self, _code: str | None) -> None:
        if self.in_unit.isChecked():
            self._on_filter_edit()

    def _on_selection_change(self) -> None:
        rows = self.selected()
        allowed = set().union(*(self.queue.allowed(r) for r in rows)) if rows else set()
        for label, button in self.buttons.items():
            fans_out = label.startswith("cascade_") and len(rows) == 1 and rows[0].parent_id is None
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
        self.queue.changed()
        self.reload()

    def fan_out(self, level: Level) -> None:
        rows = self.selected()
        try:
            ids = cascade(self.queue.service, rows[0].id, level, by=self.queue.user)
            self.message.setText(self.tr("task %1 fanned out into %n task(s)", "", len(ids)).replace("%1", str(rows[0].id)))
        except REFUSALS as exc:
            self.message.setText(str(exc))
        self.queue.changed()
        self.reload()

    def escalate(self) -> None:
        ids = escalate_overdue(self.queue.service)
        if ids:
            self.message.setText(self.tr("%n overdue task(s) escalated", "", len(ids)))

    def show_on_map(self) -> None:
        """Select the task's target unit on the map and highlight the people it is about."""
        rows = self.selected()
        if rows:
            self.console.context.selected_unit = rows[0].target_code or rows[0].assignee_code
            self.console.context.highlighted_persons = self.queue.service.people(rows[0].id)

    def show_open_tasks(self) -> None:
        self.console.context.choropleth = self.queue.open_tasks_map()
