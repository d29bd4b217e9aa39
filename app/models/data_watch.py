"""Notices what of the store's data moved on — records, warnings, tasks, transfers, incidents — added or changed
by this console or another one on the same store, and brings the indicator engine up to date when records did.
Meant to run off the GUI thread (the console's store follower)."""

from __future__ import annotations

from app.models.indicators import IndicatorEngine
from app.models.memory import release_free_memory
from app.store.queries.changes import data_tokens


class DataWatch:
    """``poll()`` names the topics (``app.store.queries.changes.TOPICS``) that changed since the last poll (all of
    them the first time); the engine, if computed, is refreshed first when records changed."""

    def __init__(self, engine: IndicatorEngine) -> None:
        self.engine = engine
        self._tokens: dict[str, tuple[int, ...]] = {}

    def poll(self) -> frozenset[str]:
        tokens = data_tokens(self.engine.store)
        changed = frozenset(t for t, token in tokens.items() if self._tokens.get(t) != token)
        self._tokens = tokens
        # the first look refreshes too: records may have come while the engine computed
        if "records" in changed and self.engine.ready:
            self.engine.refresh()
            release_free_memory()
        return changed
