"""Evidence: the records that made a rule fire, as row-aligned arrays (one row per record reference)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TABLES = ("persons", "scans", "test_samples", "pharmacy_purchases", "clinic_visits", "quarantine_orders")
# Why a record is evidence; shown in the panel and written into the warning's JSON.
WHY = ("key_occupation", "risk_arrival", "home_quarantine", "fever_clinic", "untested_purchase",
       "repeated_purchase", "repeated_visit", "scan_away_from_home", "arrival_without_report")


@dataclass(frozen=True)
class Evidence:
    person_id: np.ndarray  # int64
    table: np.ndarray  # index into TABLES
    record_id: np.ndarray
    at: np.ndarray  # Unix seconds of the record (-1: timeless, e.g. an occupation)
    why: np.ndarray  # index into WHY

    def __len__(self) -> int:
        return len(self.person_id)

    @classmethod
    def of(cls, person_id: np.ndarray, table: str, record_id: np.ndarray, at: np.ndarray, why: str) -> Evidence:
        n = len(person_id)
        return cls(np.asarray(person_id, np.int64), np.full(n, TABLES.index(table), np.int64),
                   np.asarray(record_id, np.int64), np.asarray(at, np.int64), np.full(n, WHY.index(why), np.int64))

    @classmethod
    def empty(cls) -> Evidence:
        z = np.zeros(0, np.int64)
        return cls(z, z, z, z, z)

    @classmethod
    def concat(cls, parts: list[Evidence]) -> Evidence:
        parts = [p for p in parts if len(p)] or [cls.empty()]
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("person_id", "table", "record_id", "at", "why")))

    def take(self, rows: np.ndarray) -> Evidence:
        """The rows selected by a bool mask or an index array."""
        return Evidence(self.person_id[rows], self.table[rows], self.record_id[rows], self.at[rows], self.why[rows])

    def sorted(self) -> Evidence:
        """Grouped by person, each person's records in time order."""
        return self.take(np.lexsort((self.at, self.person_id)))

    def refs(self, start: int, stop: int) -> list[dict[str, object]]:
        """Rows ``start:stop`` as JSON-ready record references."""
        return [{"table": TABLES[t], "id": int(r), "at": int(a) if a >= 0 else None, "why": WHY[w]}
                for t, r, a, w in zip(self.table[start:stop].tolist(), self.record_id[start:stop].tolist(),
                                      self.at[start:stop].tolist(), self.why[start:stop].tolist())]


def last_per_person(person_id: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(people, index of each person's latest row) — vectorised group-by-max."""
    if not len(person_id):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.lexsort((at, person_id))
    last = np.r_[person_id[order][1:] != person_id[order][:-1], True]
    return person_id[order][last], order[last]


def latest_before(person_sorted: np.ndarray, at_sorted: np.ndarray, person_id: np.ndarray, upto: np.ndarray) -> np.ndarray:
    """For each (person, upto), the latest time of that person's rows at or before ``upto`` (-1 if none).

    ``person_sorted``/``at_sorted`` must be sorted by (person, at)."""
    keys = person_sorted * (1 << 33) + at_sorted
    idx = np.searchsorted(keys, np.asarray(person_id) * (1 << 33) + np.asarray(upto), side="right") - 1
    ok = (idx >= 0) & (person_sorted[np.maximum(idx, 0)] == person_id) if len(keys) else np.zeros(len(person_id), bool)
    return np.where(ok, at_sorted[np.maximum(idx, 0)] if len(keys) else -1, -1)


def earliest_after(person_sorted: np.ndarray, at_sorted: np.ndarray, person_id: np.ndarray, since: np.ndarray) -> np.ndarray:
    """For each (person, since), the earliest time of that person's rows at or after ``since`` (-1 if none)."""
    keys = person_sorted * (1 << 33) + at_sorted
    idx = np.searchsorted(keys, np.asarray(person_id) * (1 << 33) + np.asarray(since), side="left")
    inside = idx < len(keys)
    safe = np.minimum(idx, max(len(keys) - 1, 0))
    ok = inside & (person_sorted[safe] == person_id) if len(keys) else np.zeros(len(person_id), bool)
    return np.where(ok, at_sorted[safe] if len(keys) else -1, -1)
