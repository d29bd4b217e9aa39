"""The draw-area tool: clicks add vertices, finishing publishes the polygon as the console's drawn area."""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QPainterPath

from app.map.sketch_item import SketchItem, area_path
from app.models.context import ConsoleContext
from app.models.projection import geoms_to_display, geoms_to_store


def _polygonal(outline: list[tuple[float, float]]) -> shapely.Polygon | shapely.MultiPolygon | None:
    """The outline as an area; a self-crossing outline becomes its valid parts (None if it encloses nothing)."""
    shape = shapely.make_valid(shapely.Polygon(outline))
    parts = [g for g in getattr(shape, "geoms", [shape]) if isinstance(g, shapely.Polygon) and g.area > 0]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


class AreaSketch(QObject):
    """Draws into a ``SketchItem`` (display metres) and sets ``context.drawn_area`` (EPSG:4490) on ``finish()``.

    The item shows the context's drawn area whoever sets it. Signals: ``sigActiveChanged(bool)``,
    ``sigVertexAdded(x, y)`` (a corner clicked, display metres; the undo stack records it).
    """

    sigActiveChanged = Signal(bool)
    sigVertexAdded = Signal(float, float)

    def __init__(self, context: ConsoleContext, item: SketchItem, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context, self.item = context, item
        self.vertices: list[tuple[float, float]] = []
        self.active = False
        context.events.drawn_area.connect(self._on_drawn_area_change)

    def start(self) -> None:
        self.vertices = []
        self.item.set_sketch([], None)
        self._set_active(True)

    def resume(self, vertices: list[tuple[float, float]]) -> None:
        """Go on drawing from ``vertices`` (a sketch carried over to a rebuilt map): no corner is recorded anew."""
        self.vertices = list(vertices)
        self.item.set_sketch(self._points(), QPointF(*self.vertices[-1]) if self.vertices else None)
        self._set_active(True)

    def add(self, x: float, y: float) -> None:
        if not self.vertices or self.vertices[-1] != (x, y):  # a double-click's first click repeats a vertex
            self.vertices.append((x, y))
            self.sigVertexAdded.emit(x, y)
        self.item.set_sketch(self._points(), QPointF(x, y))

    def remove_last(self) -> None:
        """Take back the last corner (undo); the rubber band then runs from the one before."""
        if self.vertices:
            self.vertices.pop()
            self.item.set_sketch(self._points(), QPointF(*self.vertices[-1]) if self.vertices else None)

    def move(self, x: float, y: float) -> None:
        if self.vertices:
            self.item.set_sketch(self._points(), QPointF(x, y))

    def finish(self) -> bool:
        """Publish the outline drawn so far; False (still drawing) until it encloses an area."""
        area = _polygonal(self.vertices) if len(self.vertices) >= 3 else None
        if area is None:
            return False
        self._stop()
        self.context.drawn_area = geoms_to_store(np.array([area]))[0]
        return True

    def cancel(self) -> None:
        self._stop()

    def _stop(self) -> None:
        self.vertices = []
        self.item.set_sketch([], None)
        self._set_active(False)

    def _set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self.sigActiveChanged.emit(active)

    def _points(self) -> list[QPointF]:
        return [QPointF(x, y) for x, y in self.vertices]

    def _on_drawn_area_change(self, area: shapely.Geometry | None) -> None:
        self.item.set_area(area_path(geoms_to_display(np.array([area]))[0]) if area is not None else QPainterPath())
