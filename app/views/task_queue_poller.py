"""The dispatch queue's store work that runs by itself: the change poll every second and the escalation of
overdue tasks every minute, on a thread of their own so the GUI thread never waits on the store for them.

A plain Python thread rather than a QThread: nothing of Qt runs on it but signal emission (thread-safe), and
a daemon thread cannot abort the process if the panel goes away, or the program exits, while a poll is in flight.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal

from app.models.dispatch.escalation import escalate_overdue
from app.models.dispatch.queue import TaskQueue

POLL_MS = 1000
ESCALATE_MS = 60_000


class TaskQueuePoller(QObject):
    """Polls ``queue`` at once, then every ``poll_ms``, and escalates its overdue tasks every ``escalate_ms``,
    off the GUI thread.

    Emits ``sigPolled(page)`` after each poll (a ``QueuePage`` of the first ``wanted`` rows when any console
    changed any task, else None), ``sigEscalated(ids)`` when tasks were escalated and ``sigFailed(message)``
    when the store could not answer (the next poll tries again). Receivers on the GUI thread get them queued.
    """

    sigPolled = Signal(object)
    sigEscalated = Signal(list)
    sigFailed = Signal(str)

    def __init__(self, queue: TaskQueue, wanted: int, poll_ms: int = POLL_MS, escalate_ms: int = ESCALATE_MS) -> None:
        super().__init__()  # no parent: it lives while its thread runs, whatever becomes of the panel
        self.queue = queue
        self.wanted = wanted  # rows the view holds; the GUI thread updates it, the poll re-reads that many
        self._poll_s, self._escalate_s = poll_ms / 1000, escalate_ms / 1000
        self._stop = threading.Event()
        self._escalate_soon = False
        self._thread = threading.Thread(target=self._run, name="task-queue-poller", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop after the poll under way, if any (does not wait)."""
        self._stop.set()

    def join(self) -> None:
        self._thread.join()

    def escalate_soon(self) -> None:
        """Escalate at the next poll instead of at the end of the minute."""
        self._escalate_soon = True

    def _run(self) -> None:
        next_escalation = time.monotonic() + self._escalate_s
        while not self._stop.is_set():
            try:
                if self._escalate_soon or time.monotonic() >= next_escalation:
                    self._escalate_soon, next_escalation = False, time.monotonic() + self._escalate_s
                    if ids := escalate_overdue(self.queue.service):
                        self.sigEscalated.emit(ids)
                self.sigPolled.emit(self.queue.poll(self.wanted))
            except Exception as exc:  # noqa: BLE001  (a store gone away for a moment: reported, polled again)
                self.sigFailed.emit(f"{type(exc).__name__}: {exc}")
            self._stop.wait(self._poll_s)
