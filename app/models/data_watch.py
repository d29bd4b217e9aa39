"""Notices when the store's data moved on — records added or changed by this console or another one on the
same store — and brings the indicator engine up to date. Meant to run off the GUI thread (a view's poller)."""

from __future__ import annotations

from app.models.indicators import IndicatorEngine
from app.models.memory import release_free_memory
from app.store.queries.changes import data_token


class DataWatch:
    """``poll()`` is True when the data changed since the last poll (and the engine, if computed, was refreshed)."""

    def __init__(self, engine: IndicatorEngine) -> None:
        self.engine = engine
        self._token: tuple[int, ...] | None = None

    def poll(self) -> bool:
        token = data_token(self.engine.store)
        if token == self._token:
            return False
        self._token = token
        if self.engine.ready:  # the first look refreshes too: records may have come while the engine computed
            self.engine.refresh()
            release_free_memory()
        return True
