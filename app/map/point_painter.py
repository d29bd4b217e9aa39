"""A point layer drawn as one pre-rendered symbol per point, culled to the exposed area."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform

from app.map.layer_painter import LayerPainter
from app.models.layers import PointLayer

SYMBOL_PX = 11


def symbol_pixmap(colour: str, symbol: str, size: int = SYMBOL_PX) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("white"), 1.2))
    p.setBrush(QColor(colour))
    p.drawPath(symbol_path(symbol, size))
    p.end()
    return pix


def symbol_path(symbol: str, size: float = SYMBOL_PX) -> QPainterPath:
    """The symbol's outline in a ``size`` square (its top-left at the origin)."""
    r, c = size / 2 - 1.2, size / 2
    path = QPainterPath()
    if symbol == "s":
        path.addRect(QRectF(c - r * 0.85, c - r * 0.85, 1.7 * r, 1.7 * r))
    elif symbol in ("t", "d"):
        pts = ([(c, c - r), (c + r, c + r * 0.8), (c - r, c + r * 0.8)] if symbol == "t"
               else [(c, c - r), (c + r, c), (c, c + r), (c - r, c)])
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(c, c), r * 0.8, r * 0.8)
    return path


class PointPainter(LayerPainter):
    """Draws ``layer``'s points in screen-sized symbols."""

    def __init__(self, layer: PointLayer) -> None:
        self.layer = layer
        self._pix = symbol_pixmap(layer.colour, layer.symbol)
        self._class_pix: dict[str, QPixmap] = {}

    def _pixmaps(self) -> list[QPixmap]:
        """One symbol per class colour (made once per colour)."""
        for colour in self.layer.class_colours:
            if colour not in self._class_pix:
                self._class_pix[colour] = symbol_pixmap(colour, self.layer.symbol)
        return [self._class_pix[c] for c in self.layer.class_colours]

    def paint(self, p: QPainter, exposed: QRectF) -> None:
        x, y = self.layer.x, self.layer.y
        margin = exposed.width() * 0.01  # symbols of points just outside still overhang into view
        r = exposed.adjusted(-margin, -margin, margin, margin)
        inside = (x >= r.left()) & (x <= r.right()) & (y >= r.top()) & (y <= r.bottom())
        t = p.transform()
        dx = t.m11() * x[inside] + t.m21() * y[inside] + t.dx()
        dy = t.m12() * x[inside] + t.m22() * y[inside] + t.dy()
        half = SYMBOL_PX / 2
        classes, palette = self.layer.classes, self.layer.class_colours
        classed = classes is not None and len(palette) > 0
        kinds = self.layer.class_of_points()[inside] if classed else np.zeros(len(dx), np.int64)
        colours = [palette[k] for k in kinds.tolist()] if classed else [self.layer.colour] * len(dx)
        if p.paintEngine().type() != QPaintEngine.Type.Raster:  # a PDF: symbols as paths, as large as on screen
            scale = p.device().logicalDpiX() / 96
            p.setTransform(QTransform.fromScale(scale, scale))
            symbol = symbol_path(self.layer.symbol)
            p.setPen(QPen(QColor("white"), 1.2))
            for colour, px, py in zip(colours, dx / scale, dy / scale):
                p.setBrush(QColor(colour))
                p.drawPath(symbol.translated(px - half, py - half))
            return
        p.resetTransform()
        pixmaps = self._pixmaps() if classed else [self._pix]
        for k, px, py in zip(kinds.tolist(), dx, dy):
            p.drawPixmap(QPointF(px - half, py - half), pixmaps[k])
