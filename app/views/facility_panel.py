"""Quarantine facilities: beds used and free at the end of the as-of day (follows the date like the map)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.models.context import ConsoleContext
from app.models.dispatch.transport import FacilityLoad
from app.models.facility_status import FacilityStatus
from app.views.widgets import compact_rows

FULL = QColor("#c53030")


class FacilityPanel(QWidget):
    """Follows ``status.events.rows``; says which day the figures are of."""

    def __init__(self, status: FacilityStatus, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.day = QLabel(self)
        self.day.setWordWrap(True)
        self.facilities = QTableWidget(0, 4, self)
        self.facilities.setHorizontalHeaderLabels([self.tr("Facility"), self.tr("Beds"), self.tr("Used"), self.tr("Free")])
        self.facilities.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.facilities.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.facilities.verticalHeader().setVisible(False)
        self.facilities.horizontalHeader().setStretchLastSection(True)
        compact_rows(self.facilities)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.day)
        box.addWidget(self.facilities, 1)
        status.events.rows.connect(self._on_rows_change)
        self._on_rows_change(status.rows)

    def _on_rows_change(self, rows: list[FacilityLoad]) -> None:
        self.facilities.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate((row.name, str(row.capacity), str(row.used), str(row.free))):
                item = QTableWidgetItem(text)
                if j == 3 and row.capacity and not row.free:
                    item.setForeground(FULL)
                self.facilities.setItem(i, j, item)
        self.facilities.resizeColumnsToContents()
        used, beds = sum(r.used for r in rows), sum(r.capacity for r in rows)
        text = self.tr("Quarantine beds at the end of %1: %2 of %3 used").replace("%1", self._context.as_of.isoformat())
        self.day.setText(text.replace("%2", f"{used:,}").replace("%3", f"{beds:,}"))
