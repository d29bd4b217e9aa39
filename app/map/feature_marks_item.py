"""Selected point features, ringed above the map at a fixed size on screen."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

RING_PX = 9.0


class FeatureMarksItem(pg.GraphicsObject):
    """Rings around ``set_points(x, y)`` (display metres): a white halo under the selection's cyan."""

    def __init__(self) -> None:
        super().__init__()
        self._x = self._y = np.zeros(0)
        self._halo = QPen(QColor("#ffffff"), 5.0)
        self._pen = QPen(QColor("#00a3c4"), 2.5)
        self._rect = QRectF()

    def set_points(self, x: np.ndarray, y: np.ndarray) -> None:
        self.prepareGeometryChange()
        self._x, self._y = np.asarray(x, float), np.asarray(y, float)
        self._rect = (QRectF(QPointF(self._x.min(), self._y.min()), QPointF(self._x.max(), self._y.max()))
                      if len(self._x) else QRectF())
        self.update()

    def __len__(self) -> int:
        return len(self._x)

    def boundingRect(self) -> QRectF:  # noqa: N802
        if not len(self._x):
            return QRectF()
        pad = (self.pixelLength(pg.Point(1, 0)) or 0.0) * (RING_PX + 4)
        return self._rect.adjusted(-pad, -pad, pad, pad)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not len(self._x):
            return
        t = p.transform()
        sx = t.m11() * self._x + t.m21() * self._y + t.dx()
        sy = t.m12() * self._x + t.m22() * self._y + t.dy()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for pen in (self._halo, self._pen):
            p.setPen(pen)
            for x, y in zip(sx.tolist(), sy.tolist()):
                p.drawEllipse(QPointF(x, y), RING_PX, RING_PX)
        p.setTransform(t)
