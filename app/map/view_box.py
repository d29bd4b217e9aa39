"""The map's view box: pan with the left button, box-zoom with Shift+drag, wheel zoom, clicks as signals."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal


class MapViewBox(pg.ViewBox):
    """Emits ``sigClicked(QPointF)``, ``sigDoubleClicked(QPointF)`` (left button) and ``sigRightClicked(QPointF)``
    in map coordinates (metres)."""

    sigClicked = Signal(QPointF)
    sigDoubleClicked = Signal(QPointF)
    sigRightClicked = Signal(QPointF)

    def __init__(self) -> None:
        super().__init__(lockAspect=True, enableMenu=False)
        self.setMouseMode(pg.ViewBox.PanMode)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: ANN001, N802
        box = ev.button() == Qt.MouseButton.LeftButton and bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.state["mouseMode"] = pg.ViewBox.RectMode if box else pg.ViewBox.PanMode
        super().mouseDragEvent(ev, axis)
        self.state["mouseMode"] = pg.ViewBox.PanMode

    def mouseClickEvent(self, ev) -> None:  # noqa: ANN001, N802
        point = QPointF(self.mapSceneToView(ev.scenePos()))
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.sigRightClicked.emit(point)
        elif ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            (self.sigDoubleClicked if ev.double() else self.sigClicked).emit(point)
