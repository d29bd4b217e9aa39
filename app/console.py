"""Composition root: builds the console's models from a store URL. No Qt here.

Views receive a ``Console`` and reach data only through the models it builds; each model is created
on first use so a console opens fast and tests build only what they touch.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from app.models.context import ConsoleContext
from app.store import Store
from app.store.queries.admin import level_counts


class Console:
    """One open store plus the models over it; ``context`` is the shared selection/as-of state."""

    def __init__(self, store: Store) -> None:
        self.store = store
        meta = store.meta()
        self.meta = meta
        end = meta.get("period_end")
        self.period_start = dt.date.fromisoformat(meta["period_start"]) if "period_start" in meta else None
        self.period_end = dt.date.fromisoformat(end) if end else dt.date.today()
        self.context = ConsoleContext(as_of=self.period_end)

    @classmethod
    def open(cls, db: str | None = None) -> Console:
        return cls(Store.open(db))

    @cached_property
    def level_counts(self) -> dict[str, int]:
        return level_counts(self.store)

    def close(self) -> None:
        self.store.close()
