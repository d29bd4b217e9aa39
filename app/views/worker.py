"""Long work off the GUI thread: a QThread running one function that reports progress and can be cancelled."""

from __future__ import annotations

import atexit
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


class FunctionWorker(QThread):
    """Runs ``fn(progress, should_cancel)``; emits ``sigProgress(fraction, message)``, then ``sigDone(result)``
    or ``sigFailed(message)``. The GUI thread only listens."""

    sigProgress = Signal(float, str)
    sigDone = Signal(object)
    sigFailed = Signal(str)

    def __init__(self, fn: Callable[[Callable[[float, str], None], Callable[[], bool]], object], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._fn = fn
        self._cancel = False
        _LIVE.add(self)

    def cancel(self) -> None:
        self._cancel = True

    def cancelled(self) -> bool:
        return self._cancel

    def run(self) -> None:
        try:
            result = self._fn(self.sigProgress.emit, self.cancelled)
        except Exception as exc:  # noqa: BLE001  (shown to the user, not swallowed)
            self.sigFailed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.sigDone.emit(result)


_LIVE: weakref.WeakSet[FunctionWorker] = weakref.WeakSet()


@atexit.register
def _finish_running() -> None:
    """Qt aborts the process when a running QThread is destroyed, which a worker still reading at exit would be (its
    parent panel or the application goes first): ask each to stop and wait for it. Runs before PySide6 tears the
    application down (atexit handlers run last-registered first)."""
    for worker in list(_LIVE):
        try:
            if worker.isRunning():
                worker.cancel()
                worker.wait()
        except RuntimeError:  # its C++ object is already gone: nothing runs
            pass


def detached_worker(fn: Callable[[], object]) -> FunctionWorker:
    """A worker owned by the application rather than by a panel, which deletes itself when done: a panel closed
    while it reads does not take a running thread down with it (Qt aborts the program then). Connect its signals to
    bound methods of Qt objects only — Qt disconnects those when their object goes."""
    worker = FunctionWorker(lambda _progress, _cancel: fn(), QCoreApplication.instance())
    worker.finished.connect(worker.deleteLater)
    return worker


def run_with_button(parent: QWidget, fn: Callable[[], object], button: QAbstractButton, status: QLabel, busy: str,
                    on_result: Callable[[object], None]) -> FunctionWorker:
    """Run ``fn`` off the GUI thread with ``button`` disabled and ``busy`` in ``status``; hand the result to
    ``on_result``, or show the failure in ``status``. The button comes back either way."""
    worker = FunctionWorker(lambda _progress, _cancel: fn(), parent)

    def done(result: object) -> None:
        button.setEnabled(True)
        on_result(result)

    def failed(message: str) -> None:
        button.setEnabled(True)
        status.setText(message)

    worker.sigDone.connect(done)
    worker.sigFailed.connect(failed)
    button.setEnabled(False)
    status.setText(busy)
    worker.start()
    return worker
