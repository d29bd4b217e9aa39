"""Keeps the console's figures true to the store: polls it off the GUI thread and, when this console or another
one changed its data, tells the command picture (``context.data_changed()``) so every figure is re-read."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.models.context import ConsoleContext
from app.models.data_watch import DataWatch
from app.models.indicators import IndicatorEngine
from app.views.indicator_loader import IndicatorLoader
from app.views.poller import Poller

POLL_MS = 1000  # figures follow any console's changes within about two polls


class StoreFollower(QObject):
    """Starts polling once the indicator engine is ready (the engine is refreshed on the poller's thread)."""

    def __init__(self, engine: IndicatorEngine, context: ConsoleContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.poller = Poller(DataWatch(engine).poll, POLL_MS, wait_first=True, name="store-follower")
        self.poller.sigResult.connect(self._on_polled)
        loader = IndicatorLoader.of(engine)
        loader.sigReady.connect(self._start)
        if loader.start():
            self._start()
        self.destroyed.connect(self.poller.stop)

    def _start(self) -> None:
        if not self.poller.thread_id:
            self.poller.start()

    def _on_polled(self, changed: bool) -> None:
        if changed:
            self.context.data_changed()
