"""A read-only table over row-aligned column arrays, sorted with numpy (fast for 100,000s of rows)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are named by ``headers``: the column count and header text every model shares."""

    headers: list[str]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ArrayTableModel(HeaderedTableModel):
    """Columns are numpy arrays of equal length; ``source_row(view_row)`` maps back after sorting."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.headers = list(headers)
        self._columns: list[np.ndarray] = [np.zeros(0, object) for _ in headers]
        self._order = np.zeros(0, np.int64)

    def set_columns(self, columns: Sequence[np.ndarray]) -> None:
        self.beginResetModel()
        self._columns = [np.asarray(c) for c in columns]
        self._order = np.arange(len(self._columns[0]) if self._columns else 0)
        self.endResetModel()

    def source_row(self, view_row: int) -> int:
        return int(self._order[view_row])

    def view_row(self, source_row: int) -> int:
        """Where ``source_row`` shows after sorting (−1 if it is not there)."""
        found = np.flatnonzero(self._order == source_row)
        return int(found[0]) if len(found) else -1

    def view_rows(self, source_rows: np.ndarray) -> np.ndarray:
        """Where each of ``source_rows`` shows after sorting, in view order (those not there are left out)."""
        return np.flatnonzero(np.isin(self._order, source_rows))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._order)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # the tooltip repeats the cell: a name elided in a narrow column reads in full on hover
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) or not index.isValid():
            return None
        value = self._columns[index.column()][self._order[index.row()]]
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not len(self._order):
            return
        self.layoutAboutToBeChanged.emit()
        values = self._columns[column]
        keys = values.astype(str) if values.dtype == object else values
        self._order = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            self._order = self._order[::-1]
        self.layoutChanged.emit()
