"""Export the current map view as a briefing sheet (PNG or PDF) at print resolution.

The sheet: title, the map, legend, north arrow, scale bar, timestamp and the schematic-boundary note.
The map is re-rendered from its vector items (item caches off) on an A4-landscape page at 300 dpi.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter
from PySide6.QtWidgets import QGraphicsItem

from app.map.canvas import MapCanvas
from app.map.decorations import INK, font, legend_size, paint_legend, paint_north_arrow, paint_scale_bar

PAGE = QSizeF(1123, 794)  # A4 landscape in 96-dpi pixels: the sheet's layout units
DPI = 300


@dataclass(frozen=True)
class Sheet:
    title: str
    subtitle: str  # e.g. the breadcrumb
    legend_title: str
    legend: list[tuple[str, str]]
    footer_left: str  # timestamp and store
    footer_right: str  # the schematic-boundary note


def render_sheet(canvas: MapCanvas, sheet: Sheet, dpi: int = DPI) -> QImage:
    ratio = dpi / 96
    image = QImage(round(PAGE.width() * ratio), round(PAGE.height() * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.setPen(INK)
    p.setFont(font(22, bold=True))
    p.drawText(QRectF(24, 14, PAGE.width() - 48, 32), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sheet.title)
    p.setFont(font(12))
    p.drawText(QRectF(24, 46, PAGE.width() - 48, 18), Qt.AlignmentFlag.AlignLeft, sheet.subtitle)
    frame = QRectF(24, 70, PAGE.width() - 48, PAGE.height() - 70 - 40)
    drawn = _render_map(p, canvas, frame)
    p.setPen(QColor("#4a5568"))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame)
    if sheet.legend:
        _, h = legend_size(sheet.legend_title, sheet.legend, 11)
        paint_legend(p, QPointF(frame.left() + 10, frame.bottom() - h - 10), sheet.legend_title, sheet.legend, 11)
    paint_north_arrow(p, QPointF(frame.right() - 34, frame.top() + 38), 40)
    metres_per_px = canvas.vb.viewRect().width() / drawn.width() if drawn.width() else 0.0
    p.setPen(INK)
    paint_scale_bar(p, QPointF(frame.right() - 220, frame.bottom() - 14), metres_per_px, 140, 12)
    p.setFont(font(10))
    p.setPen(QColor("#4a5568"))
    footer = QRectF(24, PAGE.height() - 34, PAGE.width() - 48, 24)
    p.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sheet.footer_left)
    p.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, sheet.footer_right)
    p.end()
    return image


def _render_map(p: QPainter, canvas: MapCanvas, frame: QRectF) -> QRectF:
    """Draw the canvas's view into ``frame``, widened or heightened to fill it; returns ``frame``."""
    view = QRectF(canvas.viewport().rect())
    scale = min(frame.width() / view.width(), frame.height() / view.height())
    source = QRectF(0, 0, frame.width() / scale, frame.height() / scale)
    source.moveCenter(view.center())
    items = [i for i in canvas.scene().items() if i.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    canvas.decorations = canvas.stack.cull_to_view = False
    canvas.highlight.set_hover(QPainterPath())
    p.save()
    p.setClipRect(frame)
    p.fillRect(frame, canvas.backgroundBrush())
    canvas.render(p, frame, source.toAlignedRect(), Qt.AspectRatioMode.IgnoreAspectRatio)
    p.restore()
    canvas.decorations = canvas.stack.cull_to_view = True
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return frame


def save_png(image: QImage, path: Path) -> bool:
    return image.save(str(path), "PNG")


def save_pdf(image: QImage, path: Path, title: str) -> bool:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Jingkong")
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0)))
    p = QPainter(writer)
    if not p.isActive():
        return False
    p.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    return p.end()
