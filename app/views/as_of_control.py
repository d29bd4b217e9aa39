"""The as-of date control of the tool bar: moves every panel and the map to a day of the data together.

A date field with a day back / forward, and a slider to scrub through the days: the map and the panels follow
the slider while it moves (each day shown is one recolour, not a rebuild)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from app.models.context import ConsoleContext


class AsOfControl(QWidget):
    """Writes ``context.as_of``; follows ``context.events.as_of`` (without writing back)."""

    def __init__(self, context: ConsoleContext, first: dt.date, last: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.first = context, first
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDateRange(_qdate(first), _qdate(last))
        self.date.setDate(_qdate(self.context.as_of))
        self.date.setToolTip(self.tr("As of the end of this day: every panel and the map"))
        self.date.dateChanged.connect(self._on_date_edited)
        self.back, self.forward = QToolButton(self), QToolButton(self)
        self.back.setText("◀")
        self.forward.setText("▶")
        self.back.clicked.connect(lambda: self.step(-1))
        self.forward.clicked.connect(lambda: self.step(1))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, (last - first).days)
        self.slider.setPageStep(7)
        self.slider.setMinimumWidth(120)
        self.slider.setValue((self.context.as_of - first).days)
        self.slider.setToolTip(self.tr("Drag to scrub through the days: the map and every panel follow"))
        self.slider.valueChanged.connect(self._on_slider_moved)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("As of"), self), self.back, self.date, self.forward, self.slider):
            layout.addWidget(widget)
        self.context.events.as_of.connect(self._on_as_of_change)

    def step(self, days: int) -> None:
        self.date.setDate(self.date.date().addDays(days))  # clamped to the data period by the date range

    def _on_date_edited(self, date: QDate) -> None:
        self.context.as_of = dt.date(date.year(), date.month(), date.day())

    def _on_slider_moved(self, day: int) -> None:
        self.context.as_of = self.first + dt.timedelta(days=day)

    def _on_as_of_change(self, as_of: dt.date) -> None:
        for widget in (self.date, self.slider):
            widget.blockSignals(True)
        self.date.setDate(_qdate(as_of))
        self.slider.setValue((as_of - self.first).days)
        for widget in (self.date, self.slider):
            widget.blockSignals(False)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
