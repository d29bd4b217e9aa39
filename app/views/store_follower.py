"""Keeps the console true to the store: the one place that learns that this console or another one changed the
data, and tells the command picture what changed (``context.data_changed(topics)``) — every live view (tiles,
warnings, map figures, transfers, incidents) follows that event rather than a timer of its own.

On a command-centre store PostgreSQL pushes each change (LISTEN/NOTIFY, ``ChangeFeed``): the follower looks at
once, within milliseconds of another console's commit, and otherwise only at the feed's safety interval. On the
embedded store nothing is pushed and it looks every second. The look runs off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.models.change_feed import ChangeFeed
from app.models.context import ConsoleContext
from app.models.data_watch import DataWatch
from app.models.indicators import IndicatorEngine
from app.views.indicator_loader import IndicatorLoader
from app.views.poller import Poller


class StoreFollower(QObject):
    """Follows the store from the start; the indicator engine, once computed, is refreshed on the follower's
    thread when records changed."""

    def __init__(self, engine: IndicatorEngine, context: ConsoleContext, changes: ChangeFeed,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.poller = Poller(DataWatch(engine).poll, changes.poll_ms, name="store-follower")
        self.poller.sigResult.connect(self._on_polled)
        poke = self.poller.poke  # not self: the feed calls back on its listener's thread

        def on_change(_table: str) -> None:
            poke()

        changes.subscribe(on_change)
        self.destroyed.connect(lambda: changes.unsubscribe(on_change))
        loader = IndicatorLoader.of(engine)
        loader.start()
        self.destroyed.connect(self.poller.stop)
        self.poller.start()

    def _on_polled(self, changed: frozenset[str]) -> None:
        # the first look names every topic: whatever changed between the panels' first reads and it is re-read
        if changed:
            self.context.data_changed(changed)
