"""Every map layer drawn by one graphics item into one opaque, viewport-sized image.

Qt's own device cache is transparent: every repaint clears it and alpha-blends it onto the viewport. This item
keeps its own image filled with the view's (opaque) background instead, so a repaint is a plain copy. A pan at
the same scale moves the image by whole device pixels — it wraps around rather than being copied — and draws
only the strips that came into view. Exports (``cull_to_view`` off) and other paint engines draw directly.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.map.layer_painter import LayerPainter

STRIP_PAD_PX = 24  # point symbols, labels and outline offsets overhang the strip they are culled to


class LayerStackItem(pg.GraphicsObject):
    """Paints ``painters`` bottom to top; call :meth:`update` after changing any of them."""

    def __init__(self, extent: QRectF) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        pad = max(extent.width(), extent.height()) * 0.05  # point symbols and labels overhang the units
        self._rect = extent.adjusted(-pad, -pad, pad, pad)
        self.painters: list[LayerPainter] = []
        self.cull_to_view = True  # off while exporting, when the sheet shows more than the view
        self._generation = 0
        self._image = self._scratch = QImage()
        self._key: tuple | None = None
        self._origin = QPointF()  # where the item's origin falls on the view when the image was drawn
        self._wrap = QPoint()  # the image pixel that holds the view's top-left pixel (pans wrap around)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def covers(self, scene_rect: QRectF) -> bool:
        """Whether repainting ``scene_rect`` paints it all with the opaque image (the view's background is hidden)."""
        return (self.cull_to_view and self._key is not None and self.isVisible() and self.effectiveOpacity() == 1
                and self.sceneBoundingRect().contains(scene_rect))

    def update(self, *args) -> None:
        """Throw away the cached image (data, style, visibility or opacity changed), then schedule a repaint."""
        self._generation += 1
        super().update(*args)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = p.transform()
        if (not self.cull_to_view or widget is None or t.isRotating()
                or p.paintEngine().type() != QPaintEngine.Type.Raster):
            view = self.viewRect() if self.cull_to_view else None
            exposed = option.exposedRect.intersected(view) if view is not None else option.exposedRect
            self._paint_layers(p, exposed)
            self._key = None  # the image was not brought up to date: the view must paint its own background
            return
        self._refresh(t, widget, p.renderHints())
        p.resetTransform()
        ratio = self._image.devicePixelRatio()
        for piece, shift in self._pieces(QRect(QPoint(0, 0), self._image.size())):
            p.drawImage(QPointF(piece.x() / ratio, piece.y() / ratio), self._image, QRectF(piece.translated(shift)))
        p.setTransform(t)

    # --- the cached image -----------------------------------------------------------------------------
    def _refresh(self, t: QTransform, widget: QWidget, hints: QPainter.RenderHint) -> None:
        """Bring the image up to date for world transform ``t`` on ``widget``, drawing as little as possible."""
        ratio = widget.devicePixelRatioF()
        size = widget.size()
        key = (t.m11(), t.m12(), t.m21(), t.m22(), size.width(), size.height(), ratio, self._generation)
        full = QRect(0, 0, round(size.width() * ratio), round(size.height() * ratio))
        # whole device pixels the map moved since the image was drawn; the image keeps its own origin, so
        # sub-pixel remainders are not lost from pan to pan
        sx = round((t.dx() - self._origin.x()) * ratio)
        sy = round((t.dy() - self._origin.y()) * ratio)
        if key == self._key and sx == 0 and sy == 0:
            return
        if key != self._key or abs(sx) >= full.width() or abs(sy) >= full.height():
            if self._image.size() != full.size() or self._image.devicePixelRatio() != ratio:
                self._image = QImage(full.size(), QImage.Format.Format_RGB32)
                self._image.setDevicePixelRatio(ratio)
            self._key, self._origin, self._wrap = key, QPointF(t.dx(), t.dy()), QPoint(0, 0)
            self._draw([full], _background(widget), hints)
            return
        # a pan: the image wraps around instead of being copied; only the strips that came into view are drawn
        self._origin += QPointF(sx / ratio, sy / ratio)
        self._wrap = QPoint((self._wrap.x() - sx) % full.width(), (self._wrap.y() - sy) % full.height())
        strips = []
        if sx:
            strips.append(QRect(0, 0, sx, full.height()) if sx > 0 else QRect(full.width() + sx, 0, -sx, full.height()))
        if sy:
            strips.append(QRect(0, 0, full.width(), sy) if sy > 0 else QRect(0, full.height() + sy, full.width(), -sy))
        self._draw(strips, _background(widget), hints)

    def _pieces(self, rect: QRect) -> list[tuple[QRect, QPoint]]:
        """``rect`` (device pixels) cut where the image wraps, each piece with its offset into the image."""
        w, h = self._image.width(), self._image.height()
        ox, oy = self._wrap.x(), self._wrap.y()
        pieces = []
        for x0, x1, kx in ((0, w - ox, ox), (w - ox, w, ox - w)):
            for y0, y1, ky in ((0, h - oy, oy), (h - oy, h, oy - h)):
                piece = rect.intersected(QRect(x0, y0, x1 - x0, y1 - y0))
                if not piece.isEmpty():
                    pieces.append((piece, QPoint(kx, ky)))
        return pieces

    def _draw(self, strips: list[QRect], background: QColor, hints: QPainter.RenderHint) -> None:
        """Draw the layers into ``strips`` (device pixels of the view) over the background.

        A pan's strip is drawn where it shows, into a view-sized scratch image, and then copied into the wrapped
        image: clipping the layers where the image wraps would change how outlines crossing the wrap are
        antialiased, and labels are placed on the whole view.
        """
        ratio = self._image.devicePixelRatio()
        world = QTransform(*self._key[:4], self._origin.x(), self._origin.y())
        inverse, _ = world.inverted()
        for strip in strips:
            whole = strip.size() == self._image.size()
            if not whole and (self._scratch.size() != self._image.size() or self._scratch.devicePixelRatio() != ratio):
                self._scratch = QImage(self._image.size(), QImage.Format.Format_RGB32)
                self._scratch.setDevicePixelRatio(ratio)
            target = self._image if whole else self._scratch
            logical = QRectF(strip.x() / ratio, strip.y() / ratio, strip.width() / ratio, strip.height() / ratio)
            pad = 0 if whole else STRIP_PAD_PX / ratio
            p = QPainter(target)
            p.setRenderHints(p.renderHints(), False)
            p.setRenderHints(hints, True)
            p.setClipRect(logical)
            p.fillRect(logical, background)
            p.setTransform(world)
            self._paint_layers(p, inverse.mapRect(logical.adjusted(-pad, -pad, pad, pad)))
            p.end()
            if whole:
                continue
            p = QPainter(self._image)
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            for piece, shift in self._pieces(strip):
                at = piece.translated(shift)
                p.drawImage(QPointF(at.x() / ratio, at.y() / ratio), self._scratch, QRectF(piece))
            p.end()

    def _paint_layers(self, p: QPainter, exposed: QRectF) -> None:
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


def _background(widget: QWidget) -> QColor:
    """The colour the view paints under the map (the viewport's parent is the view)."""
    view = widget.parent()
    brush = view.backgroundBrush() if hasattr(view, "backgroundBrush") else None
    if brush is not None and brush.style() == Qt.BrushStyle.SolidPattern:
        return brush.color()
    return QColor(Qt.GlobalColor.white)
