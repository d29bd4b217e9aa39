"""The records one evaluation reads, each read at most once and only as far back as the rules look."""

from __future__ import annotations

from functools import cached_property

import numpy as np

from app.domain.testing import TestResult
from app.store.queries import health_records as q
from app.store.store import Store


class RecordWindow:
    """Record arrays of ``store`` in ``[since, as_of]``; reads happen on first use and are shared by the rules."""

    def __init__(self, store: Store, as_of: int, since: int) -> None:
        self.store = store
        self.as_of = as_of
        self.since = since

    @cached_property
    def samples(self) -> q.Arrays:
        """Samples in the window sorted by (person, sampled_at)."""
        s = q.samples_between(self.store, self.since, self.as_of)
        order = np.lexsort((s["sampled_at"], s["person_id"]))
        return {k: v[order] for k, v in s.items()}

    @cached_property
    def negatives(self) -> q.Arrays:
        """Negative results already reported at ``as_of``, sorted by (person, sampled_at)."""
        s = self.samples
        keep = (s["result"] == TestResult.NEGATIVE) & (s["reported_at"] >= 0) & (s["reported_at"] <= self.as_of)
        return {k: v[keep] for k, v in s.items()}
