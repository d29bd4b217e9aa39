"""The import history (导入记录): every past import with its counts, and Undo of the one selected — confirmed with
what it will remove, run in a worker. ``sigBoundariesChanged`` is the import wizard's: undoing a boundaries import
puts the previous admin layers back, and the window rebuilds its map and panels as it does after the wizard's undo;
undoing records recomputes the indicators (``ImportService.undo``), which the store follower then shows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.imports.kinds import BOUNDARIES, KINDS
from app.models.imports.service import ImportRecord, ImportService
from app.views.vocabulary import IMPORTED_TABLE
from app.views.worker import FunctionWorker


class ImportHistoryDialog(QDialog):
    """Lists ``service``'s imports, newest first; Undo removes what the selected one added. ``lang``: the UI
    language of the kinds' names (zh|en), as the wizard's."""

    sigBoundariesChanged = Signal()

    def __init__(self, service: ImportService, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.lang = service, lang
        self.setWindowTitle(self.tr("Import history"))
        headers = [self.tr("Id"), self.tr("Kind"), self.tr("Source"), self.tr("File"), self.tr("Time"),
                   self.tr("Read"), self.tr("Imported"), self.tr("Skipped"), self.tr("Rejected"), self.tr("State")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection_change)
        self.undo = QPushButton(self.tr("Undo import…"))
        self.undo.clicked.connect(self._ask)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.records: list[ImportRecord] = []
        self.confirm: QMessageBox | None = None
        self.worker: FunctionWorker | None = None
        self.resize(1000, 420)
        self.reload()

    def reload(self) -> None:
        """Read the history again (after an undo, or an import made meanwhile)."""
        self.records = self.service.history()
        self.table.setRowCount(len(self.records))
        for row, rec in enumerate(self.records):
            when = dt.datetime.fromtimestamp(rec.started_at).strftime("%Y-%m-%d %H:%M")
            cells = [str(rec.id), self._kind(rec.kind), rec.source, rec.file.replace("\\", "/").rsplit("/", 1)[-1], when,
                     f"{rec.read:,}", f"{rec.imported:,}", f"{rec.skipped:,}", f"{rec.rejected:,}", self._state(rec)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 5 <= col <= 8:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 3:
                    item.setToolTip(rec.file)
                self.table.setItem(row, col, item)
        self._on_selection_change()

    def _kind(self, name: str) -> str:
        return KINDS[name].label(self.lang) if name in KINDS else self.tr("Boundaries") if name == BOUNDARIES else name

    def _state(self, rec: ImportRecord) -> str:
        return {"done": self.tr("done"), "undone": self.tr("undone"), "cancelled": self.tr("cancelled"),
                "running": self.tr("running or stopped"), "failed": self.tr("failed")}.get(rec.status, rec.status)

    def selected(self) -> ImportRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None

    def select(self, run_id: int) -> None:
        for row, rec in enumerate(self.records):
            if rec.id == run_id:
                self.table.selectRow(row)

    def _on_selection_change(self) -> None:
        rec = self.selected()
        busy = self.worker is not None and self.worker.isRunning()
        self.undo.setEnabled(rec is not None and rec.blocked is None and not busy)
        why = {"undone": self.tr("This import was undone already."),
               "later_boundaries": self.tr("Only the latest boundaries import can be undone: it kept the layers it "
                                           "replaced. Undo the later one first.")}
        self.undo.setToolTip(why.get(rec.blocked or "", "") if rec is not None else self.tr("Select an import."))

    def removal_text(self, rec: ImportRecord) -> str:
        """What undoing ``rec`` removes, said before it is done."""
        if rec.kind == BOUNDARIES:
            return self.tr("Undo import %1: the admin layers it replaced are put back and every record goes to its "
                           "grid again.").replace("%1", str(rec.id))
        removes = self.service.undo_removes(rec.id)
        what = self.tr(", ").join(self.tr("%1 %2 records").replace("%1", f"{n:,}").replace("%2", IMPORTED_TABLE(table))
                                  for table, n in removes.items())
        return self.tr("Undo import %1: %2 will be deleted.").replace("%1", str(rec.id)) \
            .replace("%2", what or self.tr("nothing"))

    def _ask(self) -> None:
        rec = self.selected()
        if rec is None or rec.blocked is not None:
            return
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Undo import"), self.removal_text(rec),
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        self.confirm.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self.start_undo(rec))
        self.confirm.open()  # not exec(): the window and map stay live, and tests answer it like a user

    def start_undo(self, rec: ImportRecord) -> None:
        """Undo ``rec`` in a worker (one transaction, then the indicators recomputed)."""
        service = self.service
        self.undo.setEnabled(False)
        self.progress.setRange(0, 0)  # one transaction has no steps to count
        self.progress.show()
        self.status.setText(self.tr("Undoing import %1…").replace("%1", str(rec.id)))
        self.worker = FunctionWorker(lambda _progress, _cancelled: service.undo(rec.id), self)
        self.worker.sigDone.connect(lambda _deleted: self._on_undone(rec))
        self.worker.sigFailed.connect(self._on_failed)
        self.worker.start()

    def _on_undone(self, rec: ImportRecord) -> None:
        self.progress.hide()
        self.status.setText(self.tr("Import %1 undone.").replace("%1", str(rec.id)))
        self.reload()
        self.select(rec.id)
        if rec.kind == BOUNDARIES:
            self.sigBoundariesChanged.emit()

    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setText(message)
        self._on_selection_change()

    def wait(self) -> None:
        if self.worker is not None:
            self.worker.wait()
