"""The area being drawn (a rubber band to the cursor) and the last finished area, above the map."""

from __future__ import annotations

import pyqtgraph as pg
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

VERTEX_PX = 3.5
ACCENT = QColor("#6b46c1")
WASH = QColor(107, 70, 193, 45)


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def area_path(area: shapely.Geometry) -> QPainterPath:
    """Every ring of a (multi)polygon in display coordinates, odd-even filled so holes stay open."""
    path = QPainterPath()
    for polygon in getattr(area, "geoms", [area]):
        for ring in (polygon.exterior, *polygon.interiors):
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring.coords]))
    return path


class SketchItem(pg.GraphicsObject):
    """``set_sketch(vertices, cursor)`` draws the outline being drawn, dashed back to the cursor and the first
    vertex; ``set_area(path)`` the finished area (violet wash, bold outline: apart from every palette's hues).
    Both in display metres."""

    def __init__(self) -> None:
        super().__init__()
        self._vertices: list[QPointF] = []
        self._cursor: QPointF | None = None
        self._area = QPainterPath()
        self._halo = _pen("#ffffff", 5.0)
        self._outline = _pen(ACCENT.name(), 2.5)
        self._band = _pen(ACCENT.name(), 1.5, Qt.PenStyle.DashLine)
        self._rect = QRectF()

    def set_sketch(self, vertices: list[QPointF], cursor: QPointF | None) -> None:
        self._vertices, self._cursor = list(vertices), cursor
        self._changed()

    def set_area(self, path: QPainterPath) -> None:
        self._area = path
        self._changed()

    def _changed(self) -> None:
        self.prepareGeometryChange()
        points = self._vertices + ([self._cursor] if self._cursor is not None else [])
        self._rect = self._area.boundingRect().united(QPolygonF(points).boundingRect()) if points else self._area.boundingRect()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        px = self.pixelLength(pg.Point(1, 0)) or 0.0
        return self._rect.adjusted(-8 * px, -8 * px, 8 * px, 8 * px)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not self._area.isEmpty():
            p.setBrush(WASH)
            p.setPen(self._halo)
            p.drawPath(self._area)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(self._outline)
            p.drawPath(self._area)
        if not self._vertices:
            return
        p.setBrush(WASH)
        p.setPen(Qt.PenStyle.NoPen)
        band = self._vertices + ([self._cursor] if self._cursor is not None else [])
        p.drawPolygon(QPolygonF(band))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for pen in (self._halo, self._outline):
            p.setPen(pen)
            p.drawPolyline(QPolygonF(self._vertices))
        if self._cursor is not None:
            p.setPen(self._band)
            p.drawPolyline(QPolygonF([self._vertices[-1], self._cursor, self._vertices[0]]))
        # vertices as fixed-size dots: in device pixels, whatever the zoom
        to_device = p.transform()
        p.resetTransform()
        p.setPen(_pen(ACCENT.name(), 1.5))
        p.setBrush(QColor("#ffffff"))
        for vertex in self._vertices:
            p.drawEllipse(to_device.map(vertex), VERTEX_PX, VERTEX_PX)
