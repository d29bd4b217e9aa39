"""How packs stand: on a pack, the status-bar label with its area, age, unsynced changes and open conflicts
(refreshed every minute in a worker) and a notice when a unit outside the pack is selected; at a centre, the
table of packs out and how stale each is."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from app.models.context import ConsoleContext
from app.models.packs.desk import PackDesk, PackOut
from app.models.packs.review import ConflictReview
from app.timebase import format_seconds
from app.views.vocabulary import CENTRE_ROLE
from app.views.widgets import compact_rows
from app.views.worker import FunctionWorker

REFRESH_MS = 60_000


class PackStatusLabel(QLabel):
    def __init__(self, review: ConflictReview, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self._worker: FunctionWorker | None = None
        self._outside = ""
        context.events.selected_unit.connect(self._on_selected_unit_change)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self.refresh()

    def refresh(self) -> None:
        if self._worker is not None and self._worker.isRunning():
            return
        self._worker = FunctionWorker(lambda _p, _c: self.review.status(), self)
        self._worker.sigDone.connect(self._show)
        self._worker.start()

    def _show(self, status) -> None:  # noqa: ANN001
        if status is None:
            return
        area = self.review.area
        text = (self.tr("Pack %1 %2 · %3 h old · %4 unsynced · %5 conflicts")
                .replace("%1", status.unit_code).replace("%2", area.name if area else "")
                .replace("%3", f"{self.review.age_hours(status):.1f}").replace("%4", str(status.unsynced))
                .replace("%5", str(status.open_conflicts)))
        self.setText(text + (f" · {self._outside}" if self._outside else ""))
        self.setStyleSheet("color: #c53030;" if status.open_conflicts or self._outside else "")

    def _on_selected_unit_change(self, code: str | None) -> None:
        area = self.review.area
        self._outside = (self.tr("%1 is not in this pack").replace("%1", code)
                         if area is not None and code and not area.holds(code) else "")
        self.refresh()


class PacksOutTable(QTableWidget):
    """At the centre: the packs handed out — unit, role, when made, last sync, hours stale, changes in —
    loaded in a worker; the stalest first, red past a day."""

    STALE_HOURS = 24.0

    def __init__(self, desk: PackDesk, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.desk = desk
        self.rows: list[PackOut] = []
        self._worker: FunctionWorker | None = None
        self.setHorizontalHeaderLabels([self.tr("Pack"), self.tr("Unit"), self.tr("Role"), self.tr("Made"),
                                        self.tr("Last sync"), self.tr("Hours stale"), self.tr("Changes in")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self)
        self.load()

    def load(self) -> None:
        if self._worker is not None and self._worker.isRunning():
            return
        self._worker = FunctionWorker(lambda _p, _c: self.desk.packs_out(), self)
        self._worker.sigDone.connect(self._show)
        self._worker.start()

    def _show(self, rows: list[PackOut]) -> None:
        self.rows = sorted(rows, key=lambda p: -p.stale_hours)
        self.setRowCount(len(self.rows))
        for i, p in enumerate(self.rows):
            r = p.row
            cells = [r.pack_id[:8], r.unit_code, CENTRE_ROLE(r.role), format_seconds(r.created_at),
                     format_seconds(r.last_sync_at) if r.last_sync_at else self.tr("never"), f"{p.stale_hours:.1f}",
                     str(r.changes_in)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if p.stale_hours > self.STALE_HOURS:
                    item.setForeground(QColor("#c53030"))
                self.setItem(i, j, item)
