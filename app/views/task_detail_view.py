"""One task in full: where it goes, who holds it, its children's progress, its people and its audit trail."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.tasks import TaskRow
from app.map.language import interface_language
from app.models.dispatch.cascade import progress
from app.models.dispatch.errors import REFUSALS, TaskNotFound
from app.models.dispatch.queue import TaskQueue
from app.timebase import date_of_day, day_of, format_seconds
from app.views.vocabulary import TASK_EVENT, TASK_KIND, TASK_PRIORITY, TASK_ROLE, TASK_SOURCE, TASK_STATUS
from app.views.widgets import compact_rows


def _day(at: int | None) -> str:
    return "" if at is None else date_of_day(day_of(at)).isoformat()


def _status(value: int | None) -> str:
    return "" if value is None else TASK_STATUS(value)


class TaskDetailView(QWidget):
    """Shows the task given to :meth:`show_task` (read fresh from the store), or nothing."""

    def __init__(self, queue: TaskQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self.task_id: int | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.trail = QTableWidget(0, 5, self)
        self.trail.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Status"),
                                              self.tr("Note")])
        self.trail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trail.verticalHeader().setVisible(False)
        compact_rows(self.trail)
        self.trail.horizontalHeader().setStretchLastSection(True)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("a note for the audit trail"))
        self.note.returnPressed.connect(self.add_note)
        self.add = QPushButton(self.tr("Add note"), self)
        self.add.clicked.connect(self.add_note)
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        notes.addWidget(self.add)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.trail, 1)
        box.addLayout(notes)
        self.show_task(None)

    def show_task(self, row: TaskRow | None) -> None:
        self.task_id = None if row is None else row.id
        self.refresh()

    def add_note(self) -> None:
        if self.task_id is None:
            return
        try:
            self._queue.service.note(self.task_id, self.note.text(), by=self._queue.user)
        except REFUSALS as exc:
            self.summary.setText(escape(str(exc)))
            return
        self.note.clear()
        self.refresh()

    def _children(self, task_id: int) -> str:
        done = progress(self._queue.service, task_id, self._queue.filter.at)
        if not done.total:
            return self.tr("No child tasks")
        return self.tr("Children: {0}/{1} closed").format(done.closed, done.total)

    def refresh(self) -> None:
        """Re-read the shown task (another console may have changed it)."""
        service = self._queue.service
        if self.task_id is None:
            self.summary.setText(self.tr("Select a task to see its details and audit trail."))
            self.trail.setRowCount(0)
            self.add.setEnabled(False)
            return
        self.add.setEnabled(not self._queue.read_only)  # no notes written into the past
        at = self._queue.filter.at  # the past: the task as it stood then, and its trail up to then
        try:
            row = service.get(self.task_id, at)
        except TaskNotFound:  # not made yet at that moment
            self.summary.setText(self.tr("Task %1 did not exist yet at the end of %2.")
                                 .replace("%1", str(self.task_id)).replace("%2", _day(at)))
            self.trail.setRowCount(0)
            return
        people = service.people(row.id)
        escalated = service.router.unit(row.escalated_unit_id).name_zh if row.escalated_unit_id else ""
        lines = [
            f"<b>#{row.id} {escape(row.title_in(interface_language()))}</b> — {escape(TASK_KIND(row.kind))} · {escape(TASK_SOURCE(row.source))}"
            + (f" {escape(row.source_ref)}" if row.source_ref else ""),
            self.tr("Status {0}, priority {1}, version {2}, due {3}").format(
                _status(row.status), TASK_PRIORITY(row.priority), row.version, format_seconds(row.due_at)),
            self.tr("Assignee {0} {1} ({2}); claimed by {3}").format(
                row.assignee_unit_name, row.assignee_name or "", TASK_ROLE(row.assignee_role), row.claimed_by or "-"),
            self._children(row.id),
        ]
        if at is not None:
            lines.insert(1, self.tr("As it stood at the end of %1 — past, read only").replace("%1", _day(at)))
        if escalated:  # a past row carries no escalation made after then
            lines.append(self.tr("Escalated to {0} at {1}").format(escalated, format_seconds(row.escalated_at)))
        if people:
            lines.append(self.tr("People: {0}").format(", ".join(map(str, people[:50]))))
        self.summary.setText("<br>".join(lines[:1] + [escape(line) for line in lines[1:]]))
        events = [e for e in service.events(row.id) if at is None or e.at <= at]
        self.trail.setRowCount(len(events))
        for i, e in enumerate(events):
            change = f"{_status(e.from_status)} → {_status(e.to_status)}" if e.to_status is not None else ""
            for j, text in enumerate((format_seconds(e.at), e.by, TASK_EVENT(e.action), change, e.note)):
                self.trail.setItem(i, j, QTableWidgetItem(text))
