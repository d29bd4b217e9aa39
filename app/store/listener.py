"""Changes announced by the store: on PostgreSQL a thread LISTENs on the channel the guarding triggers NOTIFY
(``app.store.triggers``: tasks, warnings, trips, transfers) and calls back with the changed table's name within
milliseconds of the writer's commit — no polling. The embedded store announces nothing: callers poll it.

A notification sent while the listening connection is down is lost for good, so each time the listener (re)connects
it announces :data:`RESYNC` — "look at everything once": changes may have come since the last look. That, not a
periodic poll, is what keeps a console true across a dropped connection (and across the moment it starts to listen).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.engine import make_url

from app.store.store import Store
from app.store.triggers import CHANGES_CHANNEL

log = logging.getLogger(__name__)
_RECONNECT_S = 2.0
RESYNC = "*"  # announced on each (re)connection instead of a table name: anything may have changed


class ChangeListener:
    """Calls every subscriber with a table name when another session (or this one) commits a change to it, and
    with :data:`RESYNC` each time it starts listening (at first and after a lost connection).

    Callbacks run on the listener's thread: they must only hand the news on (poke a poller, emit a signal)."""

    def __init__(self, store: Store) -> None:
        self.live = store.dialect == "postgresql"
        url = make_url(store.url)
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False) if self.live else ""
        self._subscribers: list[Callable[[str], None]] = []
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    def subscribe(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(table)`` on every change from now on (starts the thread on first use)."""
        with self._lock:
            self._subscribers.append(callback)
            if self.live and self._thread is None:
                self._thread = threading.Thread(target=self._run, name="store-listener", daemon=True)
                self._thread.start()

    def unsubscribe(self, callback: Callable[[str], None]) -> None:
        with self._lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """True once the thread is listening (changes committed before that are not announced to it)."""
        return self._ready.wait(timeout)

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        import psycopg

        while not self._stopped.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                    self._ready.set()
                    self._announce(RESYNC)
                    while not self._stopped.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._announce(note.payload)
            except psycopg.Error as exc:  # the server went away: listen again after a pause
                self._ready.clear()
                log.warning("change listener lost its connection (%s): reconnecting", type(exc).__name__)
                self._stopped.wait(_RECONNECT_S)

    def _announce(self, table: str) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            callback(table)
