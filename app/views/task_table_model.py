"""The queue as a Qt table: pages fetched from a :class:`TaskQueue` as the view scrolls, sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.tasks import OPEN_STATUSES, TaskRow, TaskStatus
from app.map.language import interface_language
from app.models.dispatch.queue import TaskQueue
from app.timebase import format_seconds
from app.views.vocabulary import TASK_KIND, TASK_PRIORITY, TASK_ROLE, TASK_STATUS

PAGE = 200
OVERDUE = QColor("#c53030")
# (header, sort key) per column; the due column shows the countdown.
COLUMNS = (
    (QT_TRANSLATE_NOOP("TaskTableModel", "ID"), "id"),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Priority"), "priority"),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Kind"), "kind"),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Title"), "title"),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Assignee"), "assignee_code"),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Claimed by"), None),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Due in"), "due_at"),
    (QT_TRANSLATE_NOOP("TaskTableModel", "Due at"), "due_at"),
)
DUE_COLUMN = 7
Index = QModelIndex | QPersistentModelIndex


def countdown(seconds: int) -> str:
    """``2h 05m`` until due, ``-1h 10m`` past it."""
    sign, left = ("-" if seconds < 0 else ""), abs(seconds)
    days, rest = divmod(left, 86_400)
    if days:
        text, big, small = QCoreApplication.translate("TaskTableModel", "%1d %2h"), days, str(rest // 3600)
    else:
        text, big, small = QCoreApplication.translate("TaskTableModel", "%1h %2m"), rest // 3600, f"{rest % 3600 // 60:02d}"
    return sign + text.replace("%1", str(big)).replace("%2", small)


class TaskTableModel(QAbstractTableModel):
    """Rows are the pages fetched so far (``canFetchMore``/``fetchMore``), never the whole queue; empty until
    :meth:`reload` or :meth:`set_rows`."""

    def __init__(self, queue: TaskQueue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.rows: list[TaskRow] = []
        self.total = 0

    def reload(self) -> None:
        """Re-read as many rows as were loaded (at least one page) with the current filter."""
        self.set_rows(self.queue.page(0, max(len(self.rows), PAGE)), self.queue.count())

    def set_rows(self, rows: list[TaskRow], total: int) -> None:
        """Show ``rows`` (the first of ``total``), e.g. a page read off the GUI thread."""
        self.beginResetModel()
        self.rows, self.total = rows, total
        self.endResetModel()

    def tick(self) -> None:
        """Repaint the countdowns."""
        if self.rows:
            self.dataChanged.emit(self.index(0, DUE_COLUMN), self.index(len(self.rows) - 1, DUE_COLUMN))

    def row_at(self, row: int) -> TaskRow:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        more = self.queue.page(len(self.rows), PAGE)
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if key is not None and (key, descending) != (self.queue.filter.sort, self.queue.filter.descending):
            self.queue.set_filter(sort=key, descending=descending)
            self.rows = []
            self.reload()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and self.queue.overdue(row):
            return OVERDUE
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        return None

    def _text(self, row: TaskRow, column: int) -> str:
        english = interface_language() == "en" and row.assignee_unit_pinyin
        unit = row.assignee_unit_pinyin if english else row.assignee_unit_name
        who = f"{unit} · {row.assignee_name or TASK_ROLE(row.assignee_role)}"
        cells = (str(row.id), TASK_STATUS(row.status), TASK_PRIORITY(row.priority), TASK_KIND(row.kind), row.title_in(interface_language()),
                 who, row.claimed_by or "", countdown(self.queue.time_left(row)) if TaskStatus(row.status) in OPEN_STATUSES else "",
                 format_seconds(row.due_at))
        return cells[column]
