"""The vaccination table: towns or villages × age bands × doses, coverage %, sortable, filterable, exportable.

It reads the roll-up cube directly (a few array look-ups), so it appears at once for 514 villages.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.admin import Level
from app.domain.spreadsheet import neutralise_formula
from app.models.context import ConsoleContext
from app.models.indicators import IndicatorEngine
from app.models.indicators.producers.vaccination import DOSES
from app.models.indicators.vaccination_table import BAND_LABELS, VaccinationTable, vaccination_table
from app.views.array_table_model import HeaderedTableModel
from app.views.indicator_loader import IndicatorLoader
from app.views.vocabulary import interface_language
from app.views.widgets import compact_rows, fill_height

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole


class VaccinationTableModel(HeaderedTableModel):
    """Columns: code, name, people aged 3+, then coverage % for each age band × dose; ``SORT_ROLE`` gives numbers."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.headers = [self.tr("Code"), self.tr("Name"), self.tr("Aged 3+")] + [
            self.tr("%1 dose %2 %").replace("%1", band).replace("%2", str(dose)) for band in BAND_LABELS for dose in DOSES]
        self.table: VaccinationTable | None = None
        self._numbers = np.zeros((0, len(self.headers) - 2))

    def set_table(self, table: VaccinationTable) -> None:
        self.beginResetModel()
        self.table = table
        coverage = table.coverage.reshape(len(table.codes), -1)
        self._numbers = np.column_stack([table.population.sum(axis=1), coverage])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.table is None else len(self.table.codes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.table is None:
            return None
        row, column = index.row(), index.column()
        if column < 2:
            text = (self.table.codes, self.table.names)[column][row]
            return text if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        value = float(self._numbers[row, column - 2])
        if role == SORT_ROLE:
            return -1.0 if math.isnan(value) else value
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if math.isnan(value) else f"{value:,.0f}" if column == 2 else f"{value:.1f}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class VaccinationTablePanel(QWidget):
    """Follows ``context.as_of``; level, dose and a name/code filter are its own."""

    def __init__(self, engine: IndicatorEngine, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.engine = engine
        self.level = QComboBox(self)
        self.level.addItem(self.tr("Towns"), Level.TOWN)
        self.level.addItem(self.tr("Villages"), Level.VILLAGE)
        self.dose = QComboBox(self)
        self.dose.addItem(self.tr("All doses"), 0)
        for dose in DOSES:
            self.dose.addItem(self.tr("Dose {0}").format(dose), dose)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name or code"))
        self.model = VaccinationTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        compact_rows(self.view)
        fill_height(self.view)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setVisible(False)
        self.status = QLabel(self)
        export = QPushButton(self.tr("Export…"), self)
        export.clicked.connect(self._export_dialog)
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        self.dose.currentIndexChanged.connect(lambda _i: self._show_dose())
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        bar = QHBoxLayout()
        for widget in (self.level, self.dose, self.filter, export):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.context.events.as_of.connect(self._on_as_of_change)
        self.context.events.data_version.connect(self._on_as_of_change)
        self.loader = IndicatorLoader.of(self.engine)
        self.loader.sigReady.connect(self.refresh)
        if self.loader.start():
            self.refresh()
        else:
            self.status.setText(self.tr("Computing indicators…"))

    def refresh(self) -> None:
        if not self.engine.ready:
            return
        try:
            table = vaccination_table(self.engine, self.level.currentData(), self.context.as_of, interface_language())
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        self.model.set_table(table)
        self.status.setText(self.tr("{0} units · as of {1}").format(len(table.codes), table.as_of))
        self._show_dose()

    def _show_dose(self) -> None:
        dose = self.dose.currentData()
        for column in range(3, self.model.columnCount()):
            self.view.setColumnHidden(column, bool(dose) and DOSES[(column - 3) % len(DOSES)] != dose)

    def visible_rows(self) -> list[list[object]]:
        """What the view shows, in its order and filter: the header, then one list of cells per row."""
        columns = [c for c in range(self.model.columnCount()) if not self.view.isColumnHidden(c)]
        out: list[list[object]] = [[self.model.headers[c] for c in columns]]
        for r in range(self.proxy.rowCount()):
            cells = [self.proxy.data(self.proxy.index(r, c), SORT_ROLE) for c in columns]
            out.append([None if isinstance(v, float) and v < 0 else v for v in cells])
        return out

    def export(self, path: Path) -> None:
        """Write the visible rows to ``path`` (.xlsx, else CSV); a name that reads as a formula stays text."""
        rows = [[neutralise_formula(v) for v in row] for row in self.visible_rows()]
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook  # here: the console starts without it (a third of a second)

            book = Workbook()
            for row in rows:
                book.active.append(row)
            book.save(path)
            return
        with path.open("w", newline="", encoding="utf-8-sig") as f:
            csv.writer(f).writerows(["" if v is None else v for v in row] for row in rows)

    def _export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export vaccination table"), "vaccination.xlsx",
                                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if name:
            self.export(Path(name))

    def _on_as_of_change(self, _as_of: object) -> None:
        self.refresh()
