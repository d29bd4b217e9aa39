"""Keeps the console true to the store: the one place that learns that this console or another one changed the
data, and tells the command picture what changed (``context.data_changed(topics)``) — every live view (tiles,
warnings, map figures, transfers, incidents, the task queue, the wall's alarms) follows that event rather than a
timer of its own.

On a command-centre store PostgreSQL pushes each change (LISTEN/NOTIFY, ``ChangeFeed``): the follower looks once,
on a one-shot worker, within milliseconds of another console's commit, and once more whenever the feed (re)starts
listening (a notification may have been lost while its connection was down) — between changes no thread of it
runs. On the embedded store nothing is pushed and one poller looks every second. Either way the look runs off the
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.models.change_feed import ChangeFeed
from app.models.context import ConsoleContext
from app.models.data_watch import DataWatch
from app.models.indicators import IndicatorEngine
from app.views.indicator_loader import IndicatorLoader
from app.views.poller import Poller
from app.views.refresher import Refresher


class StoreFollower(QObject):
    """Follows the store from the start; the indicator engine, once computed, is refreshed on the look's thread
    when records changed. ``poller`` is the embedded store's poller (None on a command-centre store); ``look`` the
    pushed store's one-shot look (None on the embedded store)."""

    _sigPushed = Signal()  # (emitted on the listener's thread: Qt queues it to the GUI thread)

    def __init__(self, engine: IndicatorEngine, context: ConsoleContext, changes: ChangeFeed,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        watch = DataWatch(engine)
        self.poller: Poller | None = None
        self.look: Refresher | None = None
        self._unsubscribe = lambda: None
        if changes.poll_ms is None:
            self.look = Refresher(watch.poll, self)
            self.look.sigResult.connect(self._on_polled)
            self._sigPushed.connect(self.look.request)
            pushed = self._sigPushed  # not self: the feed calls back on its listener's thread

            def on_change(_table: str) -> None:
                try:
                    pushed.emit()
                except RuntimeError:  # the follower went while the note was on its way
                    pass

            changes.subscribe(on_change)
            self._unsubscribe = lambda: changes.unsubscribe(on_change)
            self.destroyed.connect(self._unsubscribe)
        else:
            self.poller = Poller(watch.poll, changes.poll_ms, name="store-follower")
            self.poller.sigResult.connect(self._on_polled)
            self.destroyed.connect(self.poller.stop)
        IndicatorLoader.of(engine).start()
        if self.look is not None:
            self.look.request()  # the first look, before (or while) the feed starts listening
        else:
            self.poller.start()

    def stop(self) -> None:
        """Stop looking: no more pushed looks; the embedded store's poller ends after the look under way."""
        self._unsubscribe()
        if self.poller is not None:
            self.poller.stop()
            self.poller.join()

    def _on_polled(self, changed: frozenset[str]) -> None:
        # the first look names every topic: whatever changed between the panels' first reads and it is re-read
        if changed:
            self.context.data_changed(changed)
