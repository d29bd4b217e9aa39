"""The milestone board of the incident panel: each milestone's target and actual time, what is done of what is
required, its state and rating — readable in a narrow dock. Target, actual, done and rating keep the width their
text needs; the milestone's name takes the rest, elided in the middle and whole on hover, so the board never
scrolls sideways."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem, QWidget

from app.models.incident.milestones import MilestoneState
from app.views.vocabulary import MILESTONE_STATE, PLAN_UNIT, RATING
from app.views.widgets import compact_rows

STATE_COLOURS = {"met": "#2f855a", "late": "#c05621", "pending": "#4a5568", "overdue": "#c53030", "empty": "#a0aec0"}
NAME, TARGET, ACTUAL, DONE, RATED = range(5)


def _minutes(at: int, zero: int) -> str:
    return f"T+{(at - zero) // 60}′"


class MilestoneBoard(QTableWidget):
    """Rows of :class:`MilestoneState`; ``show_board`` fills them for an incident whose clock starts at ``zero``."""

    def __init__(self, english: bool, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.english = english
        self.setObjectName("milestone_board")
        self.setHorizontalHeaderLabels([self.tr("Milestone"), self.tr("Target"), self.tr("Actual"),
                                        self.tr("Done / required"), self.tr("Rating")])
        self.verticalHeader().setVisible(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # it takes the width its page has and asks for none (a long name never widens the dock), and the height
        # likewise (fill_height)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        compact_rows(self)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (TARGET, ACTUAL, DONE, RATED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("T+240′") // 2)

    def show_board(self, board: Sequence[MilestoneState], zero: int) -> None:
        self.setRowCount(len(board))
        for r, m in enumerate(board):
            title = m.title_en if self.english else m.title_zh
            quantities = [self._quantity(unit, done, required) for unit, (done, required) in m.quantities.items()]
            # the first quantity is the milestone's own (staff mustered, contacts controlled); all on hover
            shown = quantities[0] + (", …" if len(quantities) > 1 else "") if quantities else "—"
            state = MILESTONE_STATE(m.state)
            rated = f"{state} {m.rating.value}" if m.rating else state
            why = f"{state}: {RATING(m.rating.value)}" if m.rating else state
            cells = [(title, title), (_minutes(m.target_at, zero), title),
                     (_minutes(m.actual_at, zero) if m.actual_at else "—", title),
                     (shown, "\n".join(quantities)), (rated, why)]
            for c, (text, tip) in enumerate(cells):
                item = self._cell(r, c, text, tip)
                if c == RATED and item.background().color() != QColor(STATE_COLOURS[m.state]):
                    item.setForeground(Qt.GlobalColor.white)
                    item.setBackground(QColor(STATE_COLOURS[m.state]))

    def _cell(self, r: int, c: int, text: str, tip: str) -> QTableWidgetItem:
        """The cell's item with this text, changed only where it differs: a replay step changes a few cells, and
        every change re-measures the columns sized to their contents."""
        item = self.item(r, c)
        if item is None:
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.setItem(r, c, item)
            return item
        if item.text() != text:
            item.setText(text)
        if item.toolTip() != tip:
            item.setToolTip(tip)
        return item

    def _quantity(self, unit: str, done: int, required: int) -> str:
        return f"{done:,}/{required:,} {PLAN_UNIT(unit)}"
