"""The status-bar label of a console working on an offline pack: its area, age, unsynced changes and open
conflicts (refreshed every minute in a worker), and a notice when a unit outside the pack is selected."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.models.context import ConsoleContext
from app.models.packs.review import ConflictReview
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
