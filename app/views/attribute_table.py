"""Attribute tables (QGIS's Open Attribute Table): one layer's features as rows — filter, sort, select, zoom.

The selection is the console's shared feature selection: rows chosen here ring the points (or outline the
unit) on the map, and a click on the map selects the row here. A column the layer replaces (the cameras' status
when the as-of date moves) is read again in place, keeping the filter, sort and selection.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.attribute_table import AttributeTable
from app.models.feature_selection import FeatureSelection
from app.models.identify import FeatureCatalog
from app.models.layers import PointLayer
from app.views.array_table_model import HeaderedTableModel, Index
from app.views.feature_text import FEATURE_FIELD, display_values, layer_title, shown_keys
from app.views.widgets import button_row, compact_rows

SIZED_ROWS = 200  # rows read to size the columns


class AttributeTableModel(HeaderedTableModel):
    """A Qt view of an :class:`AttributeTable`: sorting asks the table, which sorts with numpy."""

    def __init__(self, table: AttributeTable, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.table = table
        self.headers = [FEATURE_FIELD(k) for k in table.keys]
        self._numeric = [v.dtype.kind in "biuf" for v in table.values]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric[index.column()]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.table.sort_by(column, order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self.table.set_filter(text)
        self.endResetModel()

    def follow(self) -> bool:
        """Show the layer's columns as they are now; True if the rows shown changed (a filter or sort on a moved
        column), not only their texts."""
        before = self.table.order
        if not self.table.follow():
            return False
        if np.array_equal(before, self.table.order):
            self.dataChanged.emit(self.index(0, 0), self.index(max(len(self.table) - 1, 0), self.columnCount() - 1))
            return False
        self.beginResetModel()
        self.endResetModel()
        return True


class AttributeTablePanel(QWidget):
    """The attribute table of the layer chosen in ``layer`` (a combo box); :meth:`show_layer` opens one."""

    def __init__(self, catalog: FeatureCatalog, selection: FeatureSelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog, self._selection = catalog, selection
        self._syncing = False
        self._tables: dict[str, AttributeTable] = {}
        self.layer = QComboBox(self)
        for key in catalog.keys:
            self.layer.addItem(layer_title(catalog.layer(key)), key)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter: any column contains…"))
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.view = QTableView(self)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setVisible(False)
        compact_rows(self.view)
        # columns sized by their first rows, not by all 18,000 cameras (a second at start, when the dock is built)
        self.view.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.view.doubleClicked.connect(lambda index: self._selection.zoom_to(self.key, [self.model.table.order[index.row()]]))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer"), self))
        top.addWidget(self.layer)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        actions = button_row(self, [(self.tr("Zoom to selection"), self.zoom_to_selection),
                                    (self.tr("Clear selection"), lambda: self._selection.select(self.key, []))])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addLayout(actions)
        self.model: AttributeTableModel | None = None
        self.layer.currentIndexChanged.connect(self._on_layer_choice)
        self.filter.textChanged.connect(self._on_filter_edit)
        selection.events.changed.connect(self._on_selection_change)
        for key in catalog.keys:
            if isinstance(layer := catalog.layer(key), PointLayer):
                layer.events.classes.connect(self._on_classes_change)
        self._on_layer_choice()

    @property
    def key(self) -> str:
        return self.layer.currentData()

    def show_layer(self, key: str) -> None:
        self.layer.setCurrentIndex(self.layer.findData(key))

    def table(self, key: str) -> AttributeTable:
        """The layer's table, built on first view (a few hundred ms for 18,000 cameras)."""
        if key not in self._tables:
            self._tables[key] = AttributeTable(self._catalog, key, shown_keys(list(self._catalog.columns(key))),
                                               display_values)
        else:
            self._tables[key].follow()  # a column moved while another layer's table was shown
        return self._tables[key]

    def _on_classes_change(self, *_: object) -> None:
        """A point layer's classes moved (the as-of date): its values did too. The table shown reads them again now
        (one hidden does when shown, and the others when chosen)."""
        if self.isVisible():
            self._follow()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._follow()

    def _follow(self) -> None:
        if self.model is None:
            return
        self._syncing = True  # a reset drops the view's selection: not the console's
        try:
            reset = self.model.follow()
        finally:
            self._syncing = False
        if reset:
            self._show_selection()

    def _on_layer_choice(self) -> None:
        if self.key is None:
            return
        table = self.table(self.key)
        table.set_filter(self.filter.text())
        self.model = AttributeTableModel(table, self)
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._on_rows_chosen)
        self.view.horizontalHeader().setSortIndicatorShown(table.sort_column is not None)
        self.view.resizeColumnsToContents()
        self._show_selection()

    def _on_filter_edit(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_selection()

    def selected_rows(self) -> np.ndarray:
        """Layer rows selected in the table (in table order)."""
        picked = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return self.model.table.order[np.asarray(picked, np.int64)] if picked else np.zeros(0, np.int64)

    def _on_rows_chosen(self) -> None:
        if not self._syncing:
            self._syncing = True
            try:
                self._selection.select(self.key, self.selected_rows())
            finally:
                self._syncing = False
            self._update_count()

    def _on_selection_change(self, keys: list[str]) -> None:
        if self.key in keys and not self._syncing:
            self._show_selection()

    def _show_selection(self) -> None:
        """Select in the table what the shared selection holds for this layer (and scroll to it)."""
        rows = self.model.table.view_rows(self._selection.rows(self.key))
        picked = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows.tolist():
            picked.select(self.model.index(row, 0), self.model.index(row, last))
        self._syncing = True
        try:
            self.view.selectionModel().select(picked, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._syncing = False
        if len(rows):
            self.view.scrollTo(self.model.index(int(rows[0]), 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_count()

    def _update_count(self) -> None:
        table = self.model.table
        self.count.setText(self.tr("%1 of %2 features, %3 selected").replace("%1", f"{len(table):,}")
                           .replace("%2", f"{table.total:,}").replace("%3", f"{len(self._selection.rows(self.key)):,}"))

    def zoom_to_selection(self) -> None:
        self._selection.zoom_to(self.key, self._selection.rows(self.key))
