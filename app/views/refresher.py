"""A store read run off the GUI thread when something says the data moved on — a one-shot thread per ask, not a
thread that loops: between changes nothing runs, so on a command-centre store (changes pushed) nothing polls.

A plain daemon thread, as the poller's (``app.views.poller``): nothing of Qt runs on it but signal emission, and
it cannot abort the process if its panel goes away, or the program exits, while a read is in flight.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

THREAD_NAME = "store-read"


class Refresher(QObject):
    """Calls ``fn`` on a thread of its own at each :meth:`request`, one call at a time.

    Asked again while a call runs, it calls once more when that one ends: the last ask is always answered by a
    read that started after it, and a burst of asks costs at most two reads. Emits ``sigResult(value)`` or
    ``sigFailed(message)``, queued to receivers on the GUI thread."""

    sigResult = Signal(object)
    sigFailed = Signal(str)
    _sigEnded = Signal()  # (emitted on the read's thread: queued to this object's, the GUI thread)

    def __init__(self, fn: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._again = False
        self._thread: threading.Thread | None = None  # the read under way, if any
        self._sigEnded.connect(self._on_ended)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def request(self) -> None:
        """Read now, or as soon as the read under way ends."""
        if self._thread is not None:
            self._again = True
            return
        self._again = False
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait for the read under way, if any (tests; the GUI never waits)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            result, failure = self._fn(), None
        except Exception as exc:  # noqa: BLE001  (a store gone away for a moment: reported; the next ask tries again)
            result, failure = None, f"{type(exc).__name__}: {exc}"
        try:
            if failure is None:
                self.sigResult.emit(result)
            else:
                self.sigFailed.emit(failure)
            self._sigEnded.emit()
        except RuntimeError:  # the panel closed under the read: no one is left to tell
            pass

    def _on_ended(self) -> None:
        self._thread = None
        if self._again:
            self.request()
