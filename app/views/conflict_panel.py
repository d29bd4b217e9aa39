"""The sync conflict review panel: each field a pack change could not take, mine (the pack's) beside theirs
(the centre's), and — at the centre — the buttons that keep one, or a merged value. Reads and writes run in a
worker; the panel only draws."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.packs.review import ConflictReview
from app.views.flow_layout import FlowLayout
from app.views.widgets import MessageLabel, compact_rows
from app.views.worker import FunctionWorker


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class ConflictPanel(QWidget):
    """Lists open conflicts of ``review``; resolving one audits it at the centre and reloads the list."""

    def __init__(self, review: ConflictReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self.rows: list = []
        self._worker: FunctionWorker | None = None
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Record"), self.tr("Field"), self.tr("Mine"),
                                              self.tr("Theirs"), self.tr("From"), self.tr("Base")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self.table)
        self.note = MessageLabel(self)  # no room taken while there is nothing to say
        self.take_mine = QPushButton(self.tr("Take mine"), self)
        self.take_theirs = QPushButton(self.tr("Keep theirs"), self)
        self.merged = QPushButton(self.tr("Merged…"), self)
        self.reload = QPushButton(self.tr("Refresh"), self)
        buttons = FlowLayout()
        for b in (self.take_mine, self.take_theirs, self.merged):
            b.setEnabled(review.can_resolve)
            buttons.addWidget(b)
        buttons.addWidget(self.reload)
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.take_mine.clicked.connect(lambda: self._resolve("mine"))
        self.take_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.merged.clicked.connect(self._resolve_merged)
        self.reload.clicked.connect(self.load)
        self.load()

    def load(self) -> None:
        self._run(lambda _p, _c: self.review.conflicts())

    def _run(self, fn) -> None:  # noqa: ANN001
        if self._worker is not None and self._worker.isRunning():
            return
        self._worker = FunctionWorker(fn, self)
        self._worker.sigDone.connect(self._show)
        self._worker.sigFailed.connect(self.note.setText)
        self._worker.start()

    def _show(self, rows: list) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [str(r.id), f"{r.entity} {r.entity_id}", r.field, _shown(r.mine), _shown(r.theirs),
                     f"{r.author or '?'} @ {r.device}", _shown(r.base)]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        count = self.tr("%n open conflict(s)", "", len(rows))
        self.note.setText(count if self.review.can_resolve else
                          count + " · " + self.tr("resolved at the centre after sync"))

    def _current(self):  # noqa: ANN202
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _resolve(self, take: str, merged: object = None) -> None:
        conflict = self._current()
        if conflict is None:
            return

        def work(_p, _c) -> list:  # noqa: ANN001
            self.review.resolve(conflict.id, take, by=self.tr("console"), merged=merged)
            return self.review.conflicts()

        self._run(work)

    def _resolve_merged(self) -> None:
        conflict = self._current()
        if conflict is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Merged value"), self.tr("Value to keep for %1:")
                                        .replace("%1", conflict.field), text=_shown(conflict.mine))
        if ok:
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                value = text
            self._resolve("merged", value)
