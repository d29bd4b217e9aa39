"""How indicator values and their threshold status look in the panels."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor

from app.models.indicators import Indicator
from app.views.vocabulary import UNIT, interface_language

STATUS_COLOURS = {"ok": QColor("#2e7d32"), "warning": QColor("#f9a825"), "alarm": QColor("#c62828")}
STATUS_TINTS = {"ok": QColor(46, 125, 50, 40), "warning": QColor(249, 168, 37, 70), "alarm": QColor(198, 40, 40, 70)}


def indicator_names(indicator: Indicator) -> tuple[str, str]:
    """The indicator's name in the interface language, then in the other one (for tooltips)."""
    if interface_language() == "zh":
        return indicator.name_zh, indicator.name_en
    return indicator.name_en, indicator.name_zh


def format_value(indicator: Indicator, value: float, with_unit: bool = True) -> str:
    """``1,234`` for counts, ``85.3%`` for percentages, two decimals otherwise; ``—`` for no value."""
    if value is None or math.isnan(value):
        return "—"
    if indicator.unit == "%":
        return f"{value:.1f}%" if with_unit else f"{value:.1f}"
    text = f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 1000 else f"{value:,.2f}"
    return f"{text} {UNIT(indicator.unit)}".rstrip() if with_unit and indicator.unit else text
