"""Map furniture painted in device pixels: north arrow, legend and scale bar (on screen and in exports)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

INK = QColor("#1a202c")
PANEL = QColor(255, 255, 255, 225)


def font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    return f


def paint_north_arrow(p: QPainter, centre: QPointF, size: float) -> None:
    """A two-tone arrow pointing up (grid north of the display CRS) with an N."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    cx, h = centre.x(), size / 2
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(PANEL)
    p.drawEllipse(centre, size * 0.62, size * 0.62)
    cy = centre.y() + size * 0.14  # arrow below centre, the N above it
    h *= 0.72
    left = QPolygonF([QPointF(cx, cy - h), QPointF(cx - h * 0.45, cy + h * 0.6), QPointF(cx, cy + h * 0.3)])
    right = QPolygonF([QPointF(cx, cy - h), QPointF(cx + h * 0.45, cy + h * 0.6), QPointF(cx, cy + h * 0.3)])
    p.setPen(QPen(INK, max(1.0, size / 40)))
    p.setBrush(INK)
    p.drawPolygon(left)
    p.setBrush(QColor("white"))
    p.drawPolygon(right)
    p.setFont(font(size * 0.26, bold=True))
    p.drawText(QRectF(cx - size / 2, centre.y() - size * 0.56, size, size * 0.3), Qt.AlignmentFlag.AlignCenter, "N")
    p.restore()


def legend_size(title: str, entries: list[tuple[str, str]], px: float) -> tuple[float, float]:
    m = QFontMetricsF(font(px))
    tm = QFontMetricsF(font(px * 1.1, bold=True))
    width = max([tm.horizontalAdvance(title)] + [m.horizontalAdvance(t) + px * 2.2 for _, t in entries]) + px * 1.6
    return width, tm.height() + len(entries) * m.height() * 1.25 + px * 1.4


def paint_legend(p: QPainter, top_left: QPointF, title: str, entries: list[tuple[str, str]], px: float) -> QRectF:
    """A boxed legend: title, then one swatch and label per (colour, label); returns the box drawn."""
    w, h = legend_size(title, entries, px)
    box = QRectF(top_left, QPointF(top_left.x() + w, top_left.y() + h))
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor("#a0aec0"), max(1.0, px / 14)))
    p.setBrush(PANEL)
    p.drawRoundedRect(box, px * 0.4, px * 0.4)
    tm = QFontMetricsF(font(px * 1.1, bold=True))
    m = QFontMetricsF(font(px))
    x, y = box.left() + px * 0.8, box.top() + px * 0.7
    p.setPen(INK)
    p.setFont(font(px * 1.1, bold=True))
    p.drawText(QPointF(x, y + tm.ascent()), title)
    y += tm.height() + px * 0.2
    p.setFont(font(px))
    for colour, label in entries:
        if colour:  # an entry without a colour is a note under the classes
            p.setPen(QPen(QColor("#718096"), max(1.0, px / 14)))
            p.setBrush(QColor(colour))
            p.drawRect(QRectF(x, y + m.height() * 0.1, px * 1.5, m.height() * 0.85))
        p.setPen(INK)
        p.drawText(QPointF(x + px * 2.1, y + m.ascent()), label)
        y += m.height() * 1.25
    p.restore()
    return box


def nice_length(metres: float) -> float:
    """The largest 1, 2 or 5 × 10^n not above ``metres``."""
    if metres <= 0:
        return 0.0
    base = 10 ** math.floor(math.log10(metres))
    return max(m * base for m in (1, 2, 5) if m * base <= metres)


def scale_label(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def paint_scale_bar(p: QPainter, left_bottom: QPointF, metres_per_px: float, max_px: float, px: float) -> None:
    """An alternating black/white bar of a round length no longer than ``max_px``, labelled."""
    length = nice_length(metres_per_px * max_px)
    if length <= 0:
        return
    w = length / metres_per_px
    x, y, h = left_bottom.x(), left_bottom.y(), px * 0.45
    p.save()
    p.setPen(QPen(INK, max(1.0, px / 14)))
    for i in range(4):
        p.setBrush(INK if i % 2 == 0 else QColor("white"))
        p.drawRect(QRectF(x + i * w / 4, y - h, w / 4, h))
    p.setFont(font(px))
    path = QPainterPath()
    path.addText(QPointF(x + w + px * 0.4, y), font(px), scale_label(length))
    p.fillPath(path, INK)
    p.restore()
