"""The console's view of sync: how the pack stands and the conflicts kept for review (Qt-free).

Conflicts are resolved where they were found — at the centre; a pack shows its own conflicts, read-only, so
the person in the field sees which of their changes wait for a decision.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from app.store import Store
from app.store.packs.area import PackArea
from app.store.packs.conflicts import ConflictRow, list_conflicts, resolve
from app.store.packs.status import PackStatus, pack_status


class ConflictReview:
    """Conflicts of one store; ``can_resolve`` is False on a pack. ``clock`` returns Unix seconds."""

    def __init__(self, store: Store, area: PackArea | None, clock: Callable[[], int] | None = None) -> None:
        self.store = store
        self.area = area
        self.clock = clock or (lambda: int(time.time()))

    @property
    def can_resolve(self) -> bool:
        return self.area is None

    def conflicts(self, open_only: bool = True) -> list[ConflictRow]:
        return list_conflicts(self.store, open_only)

    def resolve(self, conflict_id: int, take: str, by: str, merged: Any = None) -> ConflictRow:
        return resolve(self.store, conflict_id, take, by, self.clock(), merged)

    def status(self) -> PackStatus | None:
        return pack_status(self.store)

    def age_hours(self, status: PackStatus) -> float:
        """How long ago the pack last took the centre's picture."""
        return max(0.0, (self.clock() - status.synced_at) / 3600)
