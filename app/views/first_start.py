"""First start: generate the embedded demo store in a worker thread behind a cancellable progress dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.console import Console
from app.domain.errors import Cancelled
from app.views.vocabulary import GENERATION_STAGE
from app.views.worker import FunctionWorker


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def create_demo_store(path: Path, parent: QWidget | None = None, scale: str = "small") -> bool:
    """Generate the demo county at ``path``; False if the user cancelled or it failed (said so)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    dialog = QProgressDialog(tr("Creating the demo county (first start)…"), tr("Cancel"), 0, 1000, parent)
    dialog.setWindowTitle(tr("Jingkong — first start"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(460)
    worker = FunctionWorker(lambda progress, cancel: Console.create_demo_store(
        path, scale, progress=progress, should_cancel=cancel))
    outcome: dict[str, object] = {}

    def on_progress(fraction: float, message: str) -> None:
        dialog.setValue(int(fraction * 1000))
        dialog.setLabelText(f"{tr('Creating the demo county (first start)…')}\n{GENERATION_STAGE(message.partition(':')[0])}")

    worker.sigProgress.connect(on_progress)
    worker.sigDone.connect(lambda result: outcome.setdefault("done", result))
    worker.sigFailed.connect(lambda message: outcome.setdefault("error", message))
    dialog.canceled.connect(worker.cancel)
    worker.start()
    while not worker.wait(20):  # keep the dialog alive (progress, Cancel) until the worker ends
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()  # deliver the worker's last signals
    dialog.close()
    error = str(outcome.get("error", ""))
    if error and not error.startswith(Cancelled.__name__):
        QMessageBox.critical(parent, tr("Jingkong"), tr("Could not create the demo store:") + "\n" + error)
    return "done" in outcome
