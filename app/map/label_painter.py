"""Unit labels for one level: placed only where they fit inside their unit and clear of each other.

Grids are labelled as people call them — "第3网格" / "Grid 3", the number within the village — not by their
15-digit codes; the console can switch them to the grid leader's name (:meth:`LabelPainter.set_texts`).
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintEngine, QPainter, QPainterPath, QPen, QPixmap, QTransform

from app.domain.admin import Level
from app.map.language import unit_names
from app.map.layer_painter import LayerPainter
from app.models.admin_atlas import UnitLevel
from app.models.feature_columns import grid_numbers
from app.models.label_placement import place_greedy

PAD = 2  # halo room around a label's text, pixels
FONT_PX = {Level.COUNTY: 16, Level.TOWN: 15, Level.VILLAGE: 12, Level.GRID: 11}


def grid_labels(codes: np.ndarray) -> list[str]:
    """"第3网格" / "Grid 3": a grid's number within its village, in the interface language."""
    pattern = QCoreApplication.translate("LabelPainter", "Grid %1")
    return [pattern.replace("%1", str(n)) for n in grid_numbers(codes).tolist()]


class LabelPainter(LayerPainter):
    """Names (grid numbers for grids) at each unit's inner point, most populous first, no overlaps."""

    def __init__(self, units: UnitLevel) -> None:
        self.level = units.level
        d = units.data
        self._texts = grid_labels(d.codes) if units.level == Level.GRID else [str(n) for n in unit_names(d)]
        self._xy = units.label_points
        b = units.bounds
        self._size = np.column_stack([b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]])
        self._order = np.argsort(-d.population, kind="stable")
        self._font = QFont()
        self._font.setPixelSize(FONT_PX[units.level])
        if units.level <= Level.TOWN:
            self._font.setBold(True)
        metrics = QFontMetricsF(self._font)
        self._text_h = metrics.height()
        self._ascent = metrics.ascent()
        self._pixmaps: dict[tuple[int, float], QPixmap] = {}
        self._layout_key: tuple[float, ...] | None = None
        self._layout_cache = (np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
        self._halo = QPen(QColor(255, 255, 255, 230), 3.0)
        self._halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)

    @property
    def texts(self) -> list[str]:
        return self._texts

    def set_texts(self, texts: list[str]) -> None:
        """Label the units with ``texts`` (row-aligned) instead: measurements, images and placement start over."""
        self._texts = list(texts)
        self.__dict__.pop("_text_w", None)
        self._pixmaps.clear()
        self._layout_key = None

    @cached_property
    def _text_w(self) -> np.ndarray:
        """Label widths, measured on first use (thousands of grids: not at start-up)."""
        metrics = QFontMetricsF(self._font)
        return np.array([metrics.horizontalAdvance(t) for t in self._texts])

    def _layout(self, transform) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # noqa: ANN001
        """Rows and offsets (left, baseline) from the view's origin of the labels placed at this scale.

        Placement covers the whole level, not just the view, so a pan only shifts it: labels stay put and a
        pan repaint costs no placement.
        """
        key = (transform.m11(), transform.m12(), transform.m21(), transform.m22())
        if key != self._layout_key:
            self._layout_key = key
            scale = abs(transform.m11()) or 1.0
            x, y = self._xy[:, 0], self._xy[:, 1]
            dx = transform.m11() * x + transform.m21() * y
            dy = transform.m12() * x + transform.m22() * y
            fits = (self._size[:, 0] * scale * 1.1 >= self._text_w + 6) & (self._size[:, 1] * scale >= self._text_h)
            w = self._text_w
            half_h = self._text_h / 2 + PAD  # a label claims the whole image it draws, halo included
            rects = np.column_stack([dx - w / 2 - PAD, dy - half_h, dx + w / 2 + PAD, dy + half_h])
            rows = place_greedy(rects, self._order[fits[self._order]])
            self._layout_cache = (rows, rects[rows, 0] + PAD, rects[rows, 1] + PAD + self._ascent)
        return self._layout_cache

    def placed(self, transform, width: float, height: float) -> list[tuple[int, float, float]]:  # noqa: ANN001
        """(unit row, left, baseline) in device pixels of the placed labels that show on a device of this size."""
        if not len(self._xy):
            return []
        rows, lefts, baselines = self._layout(transform)
        lefts, baselines = lefts + transform.dx(), baselines + transform.dy()
        show = (lefts + self._text_w[rows] > 0) & (lefts < width) & (baselines > 0) & (baselines - self._text_h < height)
        return list(zip(rows[show].tolist(), lefts[show].tolist(), baselines[show].tolist()))

    def placed_rects(self, transform, width: float, height: float) -> np.ndarray:  # noqa: ANN001
        """(n, 4) left, top, right, bottom in device pixels of the labels shown, halo included."""
        placed = self.placed(transform, width, height)
        if not placed:
            return np.zeros((0, 4))
        rows, lefts, baselines = (np.array(v) for v in zip(*placed))
        tops = baselines - self._ascent - PAD
        return np.column_stack([lefts - PAD, tops, lefts + self._text_w[rows] + PAD, tops + self._text_h + 2 * PAD])

    def _pixmap(self, row: int, ratio: float) -> QPixmap:
        """The label with its white halo, rendered once per device pixel ratio (text outlines are slow)."""
        key = (row, ratio)
        if key not in self._pixmaps:
            pix = QPixmap(round((self._text_w[row] + 2 * PAD) * ratio), round((self._text_h + 2 * PAD) * ratio))
            pix.setDevicePixelRatio(ratio)
            pix.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            path = QPainterPath()
            path.addText(QPointF(PAD, PAD + self._ascent), self._font, self._texts[row])
            painter.strokePath(path, self._halo)
            painter.fillPath(path, QColor("#1a202c"))
            painter.end()
            self._pixmaps[key] = pix
        return self._pixmaps[key]

    def paint(self, p: QPainter, exposed: QRectF) -> None:
        device = p.device()
        ratio = device.devicePixelRatioF()
        # a PDF is drawn in its own (300 dpi) pixels: place and draw in screen-sized pixels scaled to them, so
        # the labels are as large and as sparse as on screen, and as text paths, not pictures
        vector = p.paintEngine().type() != QPaintEngine.Type.Raster
        scale = device.logicalDpiX() / 96 if vector else 1.0
        transform = p.transform() * QTransform.fromScale(1 / scale, 1 / scale)
        labels = self.placed(transform, device.width() / ratio / scale, device.height() / ratio / scale)
        p.setTransform(QTransform.fromScale(scale, scale))
        if vector:
            for row, left, baseline in labels:
                path = QPainterPath()
                path.addText(QPointF(left, baseline), self._font, self._texts[row])
                p.strokePath(path, self._halo)
                p.fillPath(path, QColor("#1a202c"))
            return
        for row, left, baseline in labels:
            p.drawPixmap(QPointF(left - PAD, baseline - self._ascent - PAD), self._pixmap(row, ratio))
