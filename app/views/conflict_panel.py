"""The sync conflict review panel: each field a pack change could not take, mine (the pack's) beside theirs
(the centre's), and — at the centre — the buttons that keep one, or a merged value. Reads and writes run in a
worker; the panel only draws."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.packs.desk import PackDesk
from app.models.packs.review import ConflictReview
from app.views.flow_layout import FlowLayout
from app.views.pack_dialogs import MakePackDialog, PackJobDialog, SyncPackDialog
from app.views.pack_status import PacksOutTable
from app.views.widgets import MessageLabel, compact_rows
from app.views.worker import FunctionWorker


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class ConflictPanel(QWidget):
    """Lists open conflicts of ``review``; resolving one audits it at the centre and reloads the list. With a
    ``desk``: at a centre, Make pack… and the packs out; on a pack, Sync…. ``sigSynced(report)`` after a sync."""

    sigSynced = Signal(object)

    def __init__(self, review: ConflictReview, parent: QWidget | None = None, desk: PackDesk | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self.desk = desk
        self.dialog: PackJobDialog | None = None
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
        self.packs_out: PacksOutTable | None = None
        self.make_button = self.sync_button = None
        if desk is not None and desk.is_pack:
            self.sync_button = QPushButton(self.tr("Sync with centre…"), self)
            self.sync_button.clicked.connect(self.sync_pack)
            buttons.addWidget(self.sync_button)
        elif desk is not None:
            self.make_button = QPushButton(self.tr("Make pack…"), self)
            self.make_button.clicked.connect(self.make_pack)
            buttons.addWidget(self.make_button)
            self.packs_out = PacksOutTable(desk, self)
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        if self.packs_out is not None:  # at a centre: the packs out on a tab of their own, each list full height
            self.tabs = QTabWidget(self)
            self.tabs.addTab(self.table, self.tr("Conflicts"))
            self.tabs.addTab(self.packs_out, self.tr("Packs out"))
            box.addWidget(self.tabs, 1)
        else:
            box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.take_mine.clicked.connect(lambda: self._resolve("mine"))
        self.take_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.merged.clicked.connect(self._resolve_merged)
        self.reload.clicked.connect(self.load)
        self.load()

    def load(self) -> None:
        self._run(lambda _p, _c: self.review.conflicts())

    def make_pack(self) -> MakePackDialog:
        """Open the make-pack dialog; the packs out reload when a pack is written."""
        assert self.desk is not None and self.packs_out is not None
        dialog = MakePackDialog(self.desk, self)
        dialog.sigFinished.connect(lambda _r: self.packs_out.load())
        return self._open(dialog)

    def sync_pack(self) -> SyncPackDialog:
        """Open the sync dialog (the centre the pack came from filled in); conflicts reload after the sync."""
        assert self.desk is not None
        dialog = SyncPackDialog(self.desk, self.desk.origin(), self)
        dialog.sigFinished.connect(self._on_synced)
        return self._open(dialog)

    def _open(self, dialog: PackJobDialog) -> PackJobDialog:
        self.dialog = dialog
        dialog.show()
        return dialog

    def _on_synced(self, report: object) -> None:
        self.load()
        self.sigSynced.emit(report)

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
