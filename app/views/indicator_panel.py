"""The indicator panel: every indicator of the selected unit by group — value, the parent's value, rank among
siblings, coloured by threshold — with a 30-day sparkline; clicking an indicator colours the map by it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.domain.admin import Level
from app.models.context import ConsoleContext
from app.models.indicators import IndicatorEngine
from app.models.indicators.unit_profile import ProfileRow, unit_profile
from app.timebase import to_seconds
from app.views.array_table_model import HeaderedTableModel
from app.views.indicator_format import STATUS_TINTS, format_value, indicator_names
from app.views.indicator_loader import IndicatorLoader
from app.views.vocabulary import interface_language
from app.views.widgets import compact_rows, fill_height

Index = QModelIndex | QPersistentModelIndex


class IndicatorProfileModel(HeaderedTableModel):
    """Rows of a unit profile: indicator, value, parent's value, rank among siblings."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[ProfileRow] = []
        self.headers = [self.tr("Indicator"), self.tr("Value"), self.tr("Parent"), self.tr("Rank")]

    def set_rows(self, rows: list[ProfileRow]) -> bool:
        """Show ``rows``: the same indicators with new values (another day, another unit) change the cells in place,
        keeping the selection and scroll position; other indicators reset the table (then True)."""
        if [r.indicator for r in rows] == [r.indicator for r in self.rows] and rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 1), self.index(len(rows) - 1, len(self.headers) - 1))
            return False
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            ind = row.indicator
            return (indicator_names(ind)[0], format_value(ind, row.value), format_value(ind, row.parent_value),
                    f"{row.rank}/{row.siblings}" if row.rank else "—")[column]
        if role == Qt.ItemDataRole.ToolTipRole:  # the full name (elided in the table), the other language, the formula
            names = indicator_names(row.indicator)
            return f"{names[0]}\n{names[1]}\n{row.indicator.id} = {row.indicator.formula}"
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            return STATUS_TINTS.get(row.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class IndicatorPanel(QWidget):
    """Follows ``context.selected_unit`` (the county when none), ``context.as_of`` and ``context.data_version``;
    sets ``context.indicator``."""

    def __init__(self, engine: IndicatorEngine, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.engine = engine
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.group = QComboBox(self)
        self.group.addItem(self.tr("All groups"), None)
        for g in self.engine.catalogue.groups:
            self.group.addItem(g.name_zh if interface_language() == "zh" else g.name_en, g.id)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = IndicatorProfileModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        compact_rows(self.table)
        fill_height(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # size the value columns by the rows on screen, not all 348: the table changes with every day scrubbed
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the rest
        self.table.clicked.connect(lambda index: self.show_on_map(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._draw_sparkline(current.row()))
        self.sparkline = pg.PlotWidget(self, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.sparkline.setMaximumHeight(120)
        self.sparkline.setMouseEnabled(False, False)
        self.sparkline.hideButtons()
        self.sparkline.hideAxis("left")
        self.curve = self.sparkline.plot([], [], pen=pg.mkPen("#1565c0", width=2))
        self._stale = False  # the state moved on while the panel was hidden
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget, stretch in ((self.title, 0), (self.group, 0), (self.table, 1), (self.sparkline, 0)):
            layout.addWidget(widget, stretch)
        self.context.events.selected_unit.connect(self._on_selected_unit_change)
        self.context.events.as_of.connect(self._on_as_of_change)
        self.context.events.data_version.connect(self._on_as_of_change)
        self.loader = IndicatorLoader.of(self.engine)
        self.loader.sigReady.connect(self.refresh)
        self.loader.sigProgress.connect(self._on_progress)  # a bound method: Qt lets go of it when the panel goes
        self.loader.sigFailed.connect(self.title.setText)
        if self.loader.start():
            self.refresh()
        else:
            self.title.setText(self.tr("Computing indicators…"))

    def _on_progress(self, fraction: float, step: str) -> None:
        self.title.setText(self.tr("Computing indicators… {0} {1:.0%}").format(step, fraction))

    @property
    def unit_code(self) -> str:
        return self.context.selected_unit or str(self.engine.codes(Level.COUNTY)[0])

    def refresh(self) -> None:
        if not self.engine.ready:
            return
        group = self.group.currentData()
        indicators = self.engine.catalogue.in_group(group) if group else list(self.engine.catalogue)
        code, as_of = self.unit_code, self.context.as_of
        try:
            rows = unit_profile(self.engine, code, as_of, indicators)
        except (KeyError, ValueError) as exc:
            self.title.setText(str(exc).strip("'\""))
            self.model.set_rows([])
            return
        as_of_text = self.tr("as of %1").replace("%1", str(as_of))
        self.title.setText(f"<b>{self.engine.tree.name(code, interface_language())}</b> {code} · {as_of_text}")
        current = min(max(self.table.currentIndex().row(), 0), len(rows) - 1)
        if self.model.set_rows(rows) and rows:  # a reset loses the selection: keep the row (else it stays)
            self.table.selectRow(current)
        if rows:
            self._draw_sparkline(current)

    def show_on_map(self, row: int) -> None:
        """Colour the map by the indicator on ``row``: the map computes it for the level it shows and the date."""
        self.context.indicator = self.model.rows[row].indicator.id

    def _draw_sparkline(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        profile = self.model.rows[row]
        dates, values = self.engine.series(profile.indicator.id, self.unit_code, self.context.as_of, days=30)
        x = np.array([to_seconds(d) for d in dates], float)
        finite = ~np.isnan(values)
        self.curve.setData(x[finite], values[finite])
        low, high = (f"{np.nanmin(values):.4g}", f"{np.nanmax(values):.4g}") if finite.any() else ("—", "—")
        days = self.tr("30 days")
        self.sparkline.setTitle(f"{indicator_names(profile.indicator)[0]} · {days} · {low} – {high}", size="9pt")

    def _on_selected_unit_change(self, _code: str | None) -> None:
        self._refresh_when_shown()

    def _on_as_of_change(self, _as_of: object) -> None:
        self._refresh_when_shown()

    def _refresh_when_shown(self) -> None:
        """A panel under another tab refreshes when it is shown: scrubbing the date costs the map its time."""
        self._stale = self.window().isVisible() and not self.isVisible()  # hidden in a shown window
        if not self._stale:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
