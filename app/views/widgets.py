"""Small widget builders every panel uses the same way: record lists and rows of action buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QWidget


def record_view(model: QAbstractItemModel, parent: QWidget, sortable: bool = True, stretch_last: bool = True) -> QTableView:
    """A list of records: whole-row selection, no row numbers, sortable by a header click."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view


def button_row(parent: QWidget, actions: Sequence[tuple[str, Callable[[], object]]]) -> QHBoxLayout:
    """One push button per (label, slot), left to right."""
    row = QHBoxLayout()
    for text, slot in actions:
        button = QPushButton(text, parent)
        button.clicked.connect(slot)
        row.addWidget(button)
    return row
