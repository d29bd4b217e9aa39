"""Small widget builders every panel uses the same way: record lists, rows of action buttons, elided names."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QSizePolicy, QTableView, QWidget

from app.views.flow_layout import FlowLayout


def record_view(model: QAbstractItemModel, parent: QWidget, sortable: bool = True, stretch_last: bool = True) -> QTableView:
    """A list of records: whole-row selection, no row numbers, sortable by a header click; long names elided in
    the middle (both ends of a name tell most) and read in full on hover."""
    view = QTableView(parent)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setModel(model)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    compact_rows(view)
    fill_height(view)
    return view


def fill_height(widget: QWidget) -> None:
    """The widget takes the height its panel has and asks for none: a dock's scroll area sizes a panel whose
    rows wrap by the panel's *preferred* height, so a list preferring 250 px made a 300 px dock scroll."""
    widget.setSizePolicy(widget.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)


def compact_rows(view: QTableView) -> None:
    """Rows one line of text high (the style's default is taller): a dock then shows 8 and more. No word wrap:
    a wrapped cell is cut at its end, where an elided one keeps both ends of a name."""
    view.setWordWrap(False)
    view.verticalHeader().setMinimumSectionSize(view.fontMetrics().height())
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 3)


def button_row(parent: QWidget, actions: Sequence[tuple[str, Callable[[], object]]]) -> FlowLayout:
    """One push button per (label, slot), left to right, wrapping onto a second line in a narrow dock."""
    row = FlowLayout()
    for text, slot in actions:
        button = QPushButton(text, parent)
        button.clicked.connect(slot)
        row.addWidget(button)
    return row


class MessageLabel(QLabel):
    """A message line that takes no room while it has nothing to say (a list keeps that row)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setVisible(bool(text))


class ElidedLabel(QLabel):
    """One line of text elided in the middle when it does not fit, whole on hover; it never widens its dock."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(self.width(), 40)))
