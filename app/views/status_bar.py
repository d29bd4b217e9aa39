"""The status bar: the store in use and its record counts, notices of missing optional pieces, the lon/lat under
the cursor, a scale bar."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from app.map.decorations import paint_scale_bar


class ScaleBarWidget(QWidget):
    """A scale bar for the current zoom; ``set_resolution(metres per pixel)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metres_per_px = 0.0
        self.setMinimumSize(QSize(190, 22))

    def set_resolution(self, metres_per_px: float) -> None:
        self.metres_per_px = metres_per_px
        self.update()

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.metres_per_px > 0:
            p = QPainter(self)
            paint_scale_bar(p, QPointF(4, self.height() - 5), self.metres_per_px, 110, 12)
            p.end()


class MapStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = QLabel(self)
        self.counts = QLabel(self)
        self.notice = QLabel(self)
        self.notice.setStyleSheet("color: #c53030;")
        # a long notice is cut at the window's edge (the tooltip holds it whole) rather than widening the window
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice.hide()
        self.position = QLabel(self)
        self.position.setMinimumWidth(210)
        self.scale = ScaleBarWidget(self)
        self.addWidget(self.store)
        self.addWidget(self.counts)
        self.addWidget(self.notice, 1)
        self.addPermanentWidget(self.position)
        self.addPermanentWidget(self.scale)

    def show_store(self, name: str, counts: str) -> None:
        self.store.setText(self.tr("Store: %1").replace("%1", name))
        self.store.setToolTip(name)
        self.counts.setText(counts)

    def show_notice(self, text: str) -> None:
        """A lasting notice that an optional piece of this computer is missing (unlike showMessage, it stays)."""
        self.notice.setText(text)
        self.notice.setToolTip(text)
        self.notice.show()

    def show_position(self, lon: float, lat: float) -> None:
        self.position.setText(f"{lon:.5f}°E  {lat:.5f}°N  (CGCS2000)")
