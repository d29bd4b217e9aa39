"""The hovered and the selected unit, outlined above everything else."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget


def _pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour))
    pen.setCosmetic(True)
    pen.setWidthF(width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class HighlightItem(pg.GraphicsObject):
    """Two outlines: ``set_hover(path)`` (thin, with a light wash) and ``set_selected(path)`` (bold cyan)."""

    def __init__(self) -> None:
        super().__init__()
        self._hover = QPainterPath()
        self._selected = QPainterPath()
        self._hover_pen = _pen("#1a202c", 2.0)
        self._selected_halo = _pen("#ffffff", 6.0)
        self._selected_pen = _pen("#00a3c4", 3.5)

    def set_hover(self, path: QPainterPath) -> None:
        self.prepareGeometryChange()
        self._hover = path
        self.update()

    def set_selected(self, path: QPainterPath) -> None:
        self.prepareGeometryChange()
        self._selected = path
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        rect = self._hover.boundingRect().united(self._selected.boundingRect())
        px = self.pixelLength(pg.Point(1, 0)) or 0.0
        return rect.adjusted(-4 * px, -4 * px, 4 * px, 4 * px)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not self._hover.isEmpty():
            p.setPen(self._hover_pen)
            p.setBrush(QColor(255, 255, 255, 70))
            p.drawPath(self._hover)
        if not self._selected.isEmpty():
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(self._selected_halo)
            p.drawPath(self._selected)
            p.setPen(self._selected_pen)
            p.drawPath(self._selected)
