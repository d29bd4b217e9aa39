"""Store work that repeats by itself (a change poll, a refresh, an escalation) on a thread of its own, so the
GUI thread never waits on the store for it: the GUI thread only applies what the poller emits.

A plain Python thread rather than a QThread: nothing of Qt runs on it but signal emission (thread-safe), and
a daemon thread cannot abort the process if its panel goes away, or the program exits, while a call is in flight.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

THREAD_PREFIX = "poller:"  # every poller's thread is named so: a command-centre console must run none


class Poller(QObject):
    """Calls ``fn`` every ``interval_ms`` off the GUI thread: at once, or first after one interval if ``wait_first``.

    Emits ``sigResult(value)`` after each call, or ``sigFailed(message)`` if it raised (the next call tries
    again); receivers on the GUI thread get them queued. :meth:`poke` calls again without waiting for the interval.
    """

    sigResult = Signal(object)
    sigFailed = Signal(str)

    def __init__(self, fn: Callable[[], object], interval_ms: int, wait_first: bool = False,
                 name: str = "poller") -> None:
        super().__init__()  # no parent: it lives while its thread runs, whatever becomes of the panel
        self._fn, self._interval_s, self._wait_first = fn, interval_ms / 1000, wait_first
        self._stopped = False
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"{THREAD_PREFIX}{name}", daemon=True)

    @property
    def thread_id(self) -> int | None:
        return self._thread.ident

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Call now rather than at the end of the interval."""
        self._wake.set()

    def stop(self) -> None:
        """Stop after the call under way, if any (does not wait: see :meth:`join`)."""
        self._stopped = True
        self._wake.set()

    def join(self) -> None:
        self._thread.join()

    def _run(self) -> None:
        if self._wait_first:
            self._sleep()
        while not self._stopped:
            try:
                result, failure = self._fn(), None
            except Exception as exc:  # noqa: BLE001  (a store gone away for a moment: reported, called again)
                result, failure = None, f"{type(exc).__name__}: {exc}"
            if self._stopped or not self._emit(result, failure):
                return
            self._sleep()

    def _emit(self, result: object, failure: str | None) -> bool:
        """Deliver one call's outcome; False once the receiving side is gone (the window closed under a call in
        flight: Qt has deleted this object, so there is no one left to tell)."""
        try:
            if failure is None:
                self.sigResult.emit(result)
            else:
                self.sigFailed.emit(failure)
        except RuntimeError:
            self._stopped = True
            return False
        return True

    def _sleep(self) -> None:
        self._wake.wait(self._interval_s)
        self._wake.clear()
