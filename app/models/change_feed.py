"""How a console learns that another console changed something: pushed by PostgreSQL, or polled on SQLite.

The console's store follower subscribes a callback that runs one look at the store: on a command-centre store
within milliseconds of another console's commit, and once more whenever the listening connection is (re)made
(``RESYNC``: a notification may have been lost while it was down) — nothing runs in between. On the embedded
store nothing is pushed and the follower looks every ``POLL_MS``.
"""

from __future__ import annotations

from collections.abc import Callable

from app.store import Store
from app.store.listener import RESYNC, ChangeListener

POLL_MS = 1000  # embedded store: how often the follower looks for changes
__all__ = ["POLL_MS", "RESYNC", "ChangeFeed"]


class ChangeFeed:
    def __init__(self, store: Store) -> None:
        self._listener = ChangeListener(store)

    @property
    def live(self) -> bool:
        """True if changes are pushed (PostgreSQL) rather than found by polling."""
        return self._listener.live

    @property
    def poll_ms(self) -> int | None:
        """How often to look for changes: None when they are pushed (PostgreSQL), else ``POLL_MS``."""
        return None if self.live else POLL_MS

    def subscribe(self, callback: Callable[[str], None]) -> None:
        """``callback(table)`` on each pushed change, and ``callback(RESYNC)`` each time the feed starts listening
        (at first, and again after a lost connection), on the listener's thread (nothing is pushed on SQLite)."""
        if self.live:
            self._listener.subscribe(callback)

    def unsubscribe(self, callback: Callable[[str], None]) -> None:
        self._listener.unsubscribe(callback)

    def wait_ready(self, timeout: float = 10.0) -> bool:
        return not self.live or self._listener.wait_ready(timeout)

    def close(self) -> None:
        self._listener.stop()
