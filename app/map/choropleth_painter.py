"""The thematic fills of one admin level: one path per colour class and tile, plus thin outlines.

Fills are drawn without antialiasing (neighbours share edges, so no seams show), the outlines antialiased
with one opaque 1-px cosmetic pen. A restyle regroups the existing vertex arrays; geometry is never rebuilt.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from app.domain.admin import Level
from app.map.layer_painter import LayerPainter
from app.map.tiled_paths import TiledPaths
from app.models.palettes import NO_DATA


class ChoroplethPainter(LayerPainter):
    """Draws ``classes`` of a level's units with ``colours``; :meth:`set_level`, then :meth:`restyle`."""

    def __init__(self) -> None:
        self.level: Level | None = None
        self._tiles: TiledPaths | None = None
        self._fills: list[list[tuple[QBrush, QPainterPath]]] = []
        self.colours: list[str] = []  # of the classes, as last restyled (what the legend must name)
        # opaque and 1 px: a translucent or wider antialiased pen costs several times as much
        self._pen = QPen(QColor("#fdfdfd"))
        self._pen.setCosmetic(True)
        self._pen.setWidth(1)
        # outlines are long polylines meeting at junctions: square caps only redraw pixels a neighbour covers
        self._pen.setCapStyle(Qt.PenCapStyle.FlatCap)

    def set_level(self, level: Level, tiles: TiledPaths) -> None:
        self.level, self._tiles, self._fills = level, tiles, []

    def restyle(self, classes: np.ndarray, colours: list[str]) -> None:
        self.colours = list(colours)
        brushes = [QBrush(QColor(c)) for c in colours]
        no_data = QBrush(QColor(NO_DATA))
        groups = self._tiles.fills(classes, len(colours)) if self._tiles else []
        self._fills = [[(brushes[c] if c >= 0 else no_data, path) for c, path in tile] for tile in groups]

    def paint(self, p: QPainter, exposed: QRectF) -> None:
        if self._tiles is None:
            return
        visible = [i for i in self._tiles.visible(exposed) if i < len(self._fills)]
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        for i in visible:
            for brush, path in self._fills[i]:
                p.fillPath(path, brush)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(self._pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for i in visible:
            p.drawPath(self._tiles.outlines[i])
