"""The outlines of one admin level (reference lines above the thematic fills), culled per tile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform

from app.domain.admin import Level
from app.map.layer_painter import LayerPainter
from app.map.tiled_paths import TiledPaths

PENS: dict[Level, tuple[str, int]] = {  # colour, line weight in pixels
    Level.COUNTY: ("#1a202c", 3),
    Level.TOWN: ("#2d3748", 2),
    Level.VILLAGE: ("#4a5568", 1),
    Level.GRID: ("#8a96a8", 1),
}
# Qt strokes a cosmetic pen wider than 1 px through its general stroker, 10-20× slower than the 1 px line
# rasteriser: heavier lines are drawn as 1 px lines repeated at device-pixel offsets instead.
OFFSETS = {1: [(0, 0)], 2: [(0, 0), (1, 0), (0, 1)], 3: [(0, 0), (1, 0), (0, 1), (-1, 0), (0, -1)]}


class OutlinePainter(LayerPainter):
    """One level's boundaries, antialiased."""

    def __init__(self, level: Level, tiles_of: Callable[[Level], TiledPaths]) -> None:
        self.level = level
        self._tiles_of = tiles_of  # the canvas's shared, lazily built tiles: hidden levels cost nothing
        colour, weight = PENS[level]
        self._pen = QPen(QColor(colour))
        self._pen.setCosmetic(True)
        self._pen.setWidth(1)
        self._offsets = OFFSETS[weight]
        self._print_pen = QPen(self._pen)  # on print-resolution devices speed matters less than a true weight
        self._print_pen.setWidth(weight)

    def paint(self, p: QPainter, exposed: QRectF) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(self._pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        tiles = self._tiles_of(self.level)
        paths = [tiles.outlines[i] for i in tiles.visible(exposed)]
        if p.device().devicePixelRatioF() > 1.5:
            p.setPen(self._print_pen)
            for path in paths:
                p.drawPath(path)
            return
        base = p.transform()
        for dx, dy in self._offsets:
            p.setTransform(base * QTransform.fromTranslate(dx, dy))
            for path in paths:
                p.drawPath(path)
        p.setTransform(base)
