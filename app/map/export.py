"""Export the current map view as a briefing sheet: a vector PDF (A4 landscape) or a PNG at print resolution.

The sheet: title and subtitle, the map, legend, north arrow, scale bar with its ratio, the as-of date, the data
source and the schematic-boundary note. One painting routine draws it on either device, in page units (A4 at
96 dpi): on a PDF every layer is drawn as paths and the text as text (item caches off, so no layer is copied as
a picture), so the sheet prints sharp at any size and its words can be searched and copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter
from PySide6.QtWidgets import QGraphicsItem

from app.map.canvas import MapCanvas
from app.map.decorations import INK, font, legend_size, paint_legend, paint_north_arrow, paint_scale_bar

PAGE = QSizeF(1123, 794)  # A4 landscape in 96-dpi pixels: the sheet's layout units
DPI = 300
METRES_PER_UNIT = 0.0254 / 96  # one layout unit on paper


@dataclass(frozen=True)
class Sheet:
    title: str
    subtitle: str  # e.g. the breadcrumb
    legend_title: str
    legend: list[tuple[str, str]]
    footer_left: str  # as-of date, data source, when printed
    footer_right: str  # the schematic-boundary note
    scale_text: str = "1 : %1"  # the ratio's wording; %1 is the number


def _text_font(px: float, bold: bool = False) -> QFont:
    """The sheet's font, unshaped: shaping swaps some glyphs (digits after Latin words in CJK fonts) for variants
    the PDF's text map does not name, and the printed date could not be searched or copied."""
    f = font(px, bold)
    f.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return f


def paint_sheet(p: QPainter, canvas: MapCanvas, sheet: Sheet) -> None:
    """Draw ``sheet`` with ``p`` scaled to page units (:data:`PAGE`)."""
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.fillRect(QRectF(0, 0, PAGE.width(), PAGE.height()), QColor("white"))
    p.setPen(INK)
    p.setFont(_text_font(22, bold=True))
    p.drawText(QRectF(24, 14, PAGE.width() - 48, 32), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sheet.title)
    p.setFont(_text_font(12))
    p.drawText(QRectF(24, 46, PAGE.width() - 48, 18), Qt.AlignmentFlag.AlignLeft, sheet.subtitle)
    frame = QRectF(24, 70, PAGE.width() - 48, PAGE.height() - 70 - 40)
    metres_per_unit = _render_map(p, canvas, frame)
    p.setPen(QColor("#4a5568"))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame)
    if sheet.legend:
        _, h = legend_size(sheet.legend_title, sheet.legend, 11)
        paint_legend(p, QPointF(frame.left() + 10, frame.bottom() - h - 10), sheet.legend_title, sheet.legend, 11)
    paint_north_arrow(p, QPointF(frame.right() - 34, frame.top() + 38), 40)
    p.setPen(INK)
    paint_scale_bar(p, QPointF(frame.right() - 220, frame.bottom() - 14), metres_per_unit, 140, 12)
    p.setFont(_text_font(10))
    ratio = sheet.scale_text.replace("%1", f"{scale_denominator(metres_per_unit):,}")
    p.drawText(QRectF(frame.right() - 220, frame.bottom() - 50, 200, 16), Qt.AlignmentFlag.AlignLeft, ratio)
    p.setPen(QColor("#4a5568"))
    footer = QRectF(24, PAGE.height() - 34, PAGE.width() - 48, 24)
    p.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sheet.footer_left)
    p.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, sheet.footer_right)


def scale_denominator(metres_per_unit: float) -> int:
    """The map's scale 1 : N on the printed page, N rounded to two significant figures."""
    n = metres_per_unit / METRES_PER_UNIT
    return int(float(f"{n:.2g}")) if n > 0 else 0


def render_sheet(canvas: MapCanvas, sheet: Sheet, dpi: int = DPI) -> QImage:
    ratio = dpi / 96
    image = QImage(round(PAGE.width() * ratio), round(PAGE.height() * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    p = QPainter(image)
    paint_sheet(p, canvas, sheet)
    p.end()
    return image


def _render_map(p: QPainter, canvas: MapCanvas, frame: QRectF) -> float:
    """Draw the canvas's view into ``frame``, widened or heightened to fill it; returns map metres per page unit."""
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
    metres_per_view_px = canvas.vb.viewRect().width() / view.width() if view.width() else 0.0
    return metres_per_view_px / scale


def save_png(canvas: MapCanvas, sheet: Sheet, path: Path) -> bool:
    return render_sheet(canvas, sheet).save(str(path), "PNG")


def save_pdf(canvas: MapCanvas, sheet: Sheet, path: Path) -> bool:
    """A one-page vector PDF of the sheet (A4 landscape, no margins)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(sheet.title)
    writer.setCreator("Jingkong")
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0)))
    p = QPainter(writer)
    if not p.isActive():
        return False
    p.scale(writer.width() / PAGE.width(), writer.height() / PAGE.height())
    paint_sheet(p, canvas, sheet)
    return p.end()
