"""The console's pack actions: make a pack (unit, role, file) at a centre, sync the open pack with a centre.
Each runs in a worker with a progress bar and Cancel; a failure is one line in the dialog, never a traceback;
``sigFinished(result)`` tells the console to refresh what shows the pack's state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.packs.desk import PackDesk
from app.views.vocabulary import CENTRE_ROLE
from app.views.widgets import MessageLabel
from app.views.worker import FunctionWorker

# failures whose message says all a user needs (their class name would only be noise)
SAID_PLAINLY = {"InputError", "StoreError", "Cancelled", "ValueError", "NotInPack", "AccessDenied"}


class PackJobDialog(QDialog):
    """A form, then Start: the job runs in a worker; Cancel stops it between steps, Close when done."""

    sigFinished = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.result = MessageLabel(self)
        self.result.setWordWrap(True)
        self.start = QPushButton(QCoreApplication.translate("PackJobDialog", "Start"), self)
        self.cancel = QPushButton(QCoreApplication.translate("PackJobDialog", "Cancel"), self)
        self.close_button = QPushButton(QCoreApplication.translate("PackJobDialog", "Close"), self)
        self.cancel.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start, self.cancel, self.close_button):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.progress)
        box.addWidget(self.result)
        box.addLayout(buttons)
        self.worker: FunctionWorker | None = None
        self.start.clicked.connect(self.run)
        self.close_button.clicked.connect(self.close)

    def job(self) -> Callable[[Callable[[float, str], None], Callable[[], bool]], object]:
        raise NotImplementedError

    def describe(self, result: object) -> str:
        raise NotImplementedError

    def run(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            return
        self.worker = FunctionWorker(self.job(), self)
        self.worker.sigProgress.connect(lambda fraction, _text: self.progress.setValue(int(fraction * 1000)))
        self.worker.sigDone.connect(self._done)
        self.worker.sigFailed.connect(self._failed)
        self.cancel.clicked.connect(self.worker.cancel)
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.result.setText(QCoreApplication.translate("PackJobDialog", "Working…"))
        self.worker.start()

    def _done(self, result: object) -> None:
        self.progress.setValue(1000)
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.result.setText(self.describe(result))
        self.sigFinished.emit(result)

    def _failed(self, message: str) -> None:
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        kind, _, text = message.partition(": ")
        self.result.setText(text if kind in SAID_PLAINLY else message)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()
        super().closeEvent(event)


class MakePackDialog(PackJobDialog):
    """Choose the unit, the role it is for and the file; make the pack."""

    def __init__(self, desk: PackDesk, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Make offline pack"))
        self.desk = desk
        self.unit = QComboBox(self)
        for code, name in desk.units():
            self.unit.addItem(f"{code} {name}", code)
        self.role = QComboBox(self)
        for role in desk.roles:
            self.role.addItem(CENTRE_ROLE(role), role)
        self.role.setCurrentIndex(self.role.findData(desk.default_role))
        self.out = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Pack file"), row)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Pack file"), self.out.text(), "GeoPackage (*.gpkg)")
        if chosen:
            self.out.setText(chosen)

    def job(self):  # noqa: ANN201
        unit, role, out = self.unit.currentData(), self.role.currentData(), self.out.text()
        return lambda progress, cancel: self.desk.make(unit, role, out, progress, cancel)

    def describe(self, result: Any) -> str:  # a PackReport
        return (self.tr("Pack of %1 %2 written: %3 (%4 MB, %5 people, %6 tasks, %7 s)")
                .replace("%1", result.area.code).replace("%2", result.area.name).replace("%3", str(result.path))
                .replace("%4", f"{result.size_bytes / 1e6:.1f}").replace("%5", str(result.rows.get("persons", 0)))
                .replace("%6", str(result.rows.get("tasks", 0))).replace("%7", f"{result.seconds:.1f}"))


class SyncPackDialog(PackJobDialog):
    """Choose the centre (a store file or a database URL); send the pack's changes and take the centre's back."""

    def __init__(self, desk: PackDesk, origin: str = "", parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Sync pack with centre"))
        self.desk = desk
        self.target = QLineEdit(origin, self)
        self.target.setPlaceholderText(self.tr("centre store file, or postgresql+psycopg://…"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        self.form.addRow(self.tr("Centre"), row)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Centre"), self.target.text(), "GeoPackage (*.gpkg)")
        if chosen:
            self.target.setText(chosen)

    def job(self):  # noqa: ANN201
        target = self.target.text()
        return lambda progress, cancel: self.desk.sync(target, progress, cancel)

    def describe(self, result: Any) -> str:  # a SyncReport
        p = result.pushed
        return (self.tr("Sent %1 changes: %2 applied, %3 new rows, %4 conflicting fields kept for review, %5 already "
                        "at the centre. Received %6 tasks, %7 people.")
                .replace("%1", str(p.sent)).replace("%2", str(p.applied)).replace("%3", str(p.new_rows))
                .replace("%4", str(p.conflicts)).replace("%5", str(p.already))
                .replace("%6", str(result.pulled.get("tasks", 0))).replace("%7", str(result.pulled.get("persons", 0))))
