"""The data period in the panels: date editors that cannot leave it, and the engines' refusal shown in place of a
run that asks about a day outside it (the same rule and words as the command line, in the interface language)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateTimeEdit, QLabel

from app.domain.errors import OutsidePeriod
from app.models.as_of import Period, check_time
from app.views.vocabulary import outside_period_text


def bound_to_period(period: Period | None, *edits: QDateTimeEdit) -> None:
    """Keep each date (or date-time) editor within the store's data period, as the as-of control is."""
    if period is not None:
        for edit in edits:
            edit.setDateRange(_qdate(period[0]), _qdate(period[1]))


def refused(period: Period | None, status: QLabel, *questions: tuple[int, str]) -> bool:
    """Check each (Unix seconds, what they are) with the engines' rule; if one is outside the data period, show the
    refusal in ``status`` and say so (the panel then does not run)."""
    try:
        for seconds, what in questions:
            check_time(seconds, period, what)
    except OutsidePeriod as exc:
        status.setText(outside_period_text(exc))
        return True
    return False


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)
