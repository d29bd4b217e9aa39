"""Every map layer drawn by one graphics item with one device-pixel cache.

One cache instead of one per layer: a repaint composites a single viewport-sized pixmap, and a pan scrolls
it and draws only the strip that came into view.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.map.layer_painter import LayerPainter


class LayerStackItem(pg.GraphicsObject):
    """Paints ``painters`` bottom to top; call :meth:`update` after changing any of them."""

    def __init__(self, extent: QRectF) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        pad = max(extent.width(), extent.height()) * 0.05  # point symbols and labels overhang the units
        self._rect = extent.adjusted(-pad, -pad, pad, pad)
        self.painters: list[LayerPainter] = []
        self.cull_to_view = True  # off while exporting, when the sheet shows more than the view

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        view = self.viewRect() if self.cull_to_view else None  # Qt exposes the whole item on a cache redraw
        exposed = option.exposedRect.intersected(view) if view is not None else option.exposedRect
        # painters set their own pen and brush; put back only what they change (a save/restore per layer costs more)
        base, opacity, aa = p.transform(), p.opacity(), p.testRenderHint(QPainter.RenderHint.Antialiasing)
        for painter in self.painters:
            if painter.visible and painter.opacity > 0:
                if painter.opacity != opacity:
                    p.setOpacity(painter.opacity)
                painter.paint(p, exposed)
                p.setTransform(base)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, aa)
                if painter.opacity != opacity:
                    p.setOpacity(opacity)
