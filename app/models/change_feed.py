"""How a console learns that another console changed something: pushed by PostgreSQL, or polled on SQLite.

Panels subscribe a callback that pokes their poller (``app.views.poller``): on a command-centre store the
poll then runs within milliseconds of another console's commit and otherwise only rarely, as a safety net
should a notification be lost with a dropped connection; on the embedded store it runs every second.
"""

from __future__ import annotations

from collections.abc import Callable

from app.store import Store
from app.store.listener import ChangeListener

POLL_MS = 1000  # embedded store: how often panels look for changes
SAFETY_POLL_MS = 30_000  # command centre: changes are pushed; this only catches a notification lost in a reconnect


class ChangeFeed:
    def __init__(self, store: Store) -> None:
        self._listener = ChangeListener(store)

    @property
    def live(self) -> bool:
        """True if changes are pushed (PostgreSQL) rather than found by polling."""
        return self._listener.live

    @property
    def poll_ms(self) -> int:
        return SAFETY_POLL_MS if self.live else POLL_MS

    def subscribe(self, callback: Callable[[str], None]) -> None:
        """``callback(table)`` on each pushed change, on the listener's thread (nothing is pushed on SQLite)."""
        if self.live:
            self._listener.subscribe(callback)

    def unsubscribe(self, callback: Callable[[str], None]) -> None:
        self._listener.unsubscribe(callback)

    def wait_ready(self, timeout: float = 10.0) -> bool:
        return not self.live or self._listener.wait_ready(timeout)

    def close(self) -> None:
        self._listener.stop()
