"""What records contribute to each measure, as (grid, day slot, weight) deltas that the cube sums up.

Every measure is a running sum over days: a flow adds on the day something happens; a stock adds +1 when
it begins and -1 when it ends; a count of distinct people adds +1/-1 at the ends of each person's merged
intervals, so a person counts once however many records they have — and once per unit, at their home grid.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from app.domain.admin import Level
from app.models.indicators.tree import Slots

OPEN_END = 1 << 30  # an interval that never ends within the data


class PersonDays:
    """The distinct (person, day) pairs of some records, sorted by person then day."""

    def __init__(self, persons: np.ndarray, days: np.ndarray) -> None:
        key = np.sort((np.asarray(persons, np.int64) << 20) | np.asarray(days, np.int64))
        key = key[np.r_[True, key[1:] != key[:-1]]] if len(key) else key  # sort + compare: np.unique hashes, slower here
        self.persons, self.days = key >> 20, key & ((1 << 20) - 1)

    def where(self, keep: np.ndarray) -> PersonDays:
        """The pairs of the people for whom ``keep`` (one flag per pair) holds."""
        out = PersonDays.__new__(PersonDays)
        out.persons, out.days = self.persons[keep], self.days[keep]
        return out

    def first(self) -> np.ndarray:
        """Indices of each person's first day."""
        p = self.persons
        return np.flatnonzero(np.r_[True, p[1:] != p[:-1]]) if len(p) else np.zeros(0, np.int64)


class Contributions:
    """Deltas per measure, collected from the producers; ``sign`` -1 takes contributions back (incremental)."""

    def __init__(self, measures: frozenset[str], n_grids: int, slots: Slots, sign: int = 1) -> None:
        if n_grids * slots.size >= 2**31:
            raise ValueError(f"{n_grids} grids × {slots.size} days is too many cells for one roll-up")
        self.measures = measures
        self.n_grids = n_grids
        self.slots = slots
        self.sign = sign
        # (keys, weights): int32 keys grid * slots + slot, and weights as an array or, mostly, one number (4 bytes
        # an entry instead of 16: the full county adds some 100 million)
        self._parts: dict[str, list[tuple[np.ndarray, np.ndarray | float]]] = defaultdict(list)
        self._unit_parts: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]] = defaultdict(list)

    def add(self, measure: str, grids: np.ndarray, days: np.ndarray, weights: np.ndarray | float = 1.0) -> None:
        """Add ``weights`` to ``measure`` at each (grid row, CST day); rows with no grid or after the period drop."""
        if measure not in self.measures:
            raise KeyError(f"measure {measure!r} is not declared by any producer")
        grids = np.asarray(grids, np.int64)
        slots = self.slots.of_days(days)
        keep = (grids >= 0) & (slots < self.slots.size)
        keys = (grids[keep] * self.slots.size + slots[keep]).astype(np.int32)
        w = self.sign * (float(weights) if np.ndim(weights) == 0 else np.asarray(weights, np.float64)[keep])
        self._parts[measure].append((keys, w))

    def add_at_units(self, measure: str, levels: np.ndarray, rows: np.ndarray, days: np.ndarray,
                     weights: np.ndarray | float = 1.0) -> None:
        """Add at units of any level (row of each in its level): a unit above the grids counts for itself and its
        ancestors, never for the grids below it. For producers that are re-run whole (see ``producers``)."""
        levels, rows = np.asarray(levels, np.int64), np.asarray(rows, np.int64)
        grid = levels == int(Level.GRID)
        self.add(measure, rows[grid], np.asarray(days)[grid], np.broadcast_to(np.asarray(weights, np.float64), rows.shape)[grid])
        slots = self.slots.of_days(np.asarray(days)[~grid])
        w = np.broadcast_to(np.asarray(weights, np.float64), rows.shape)[~grid]
        keep = (rows[~grid] >= 0) & (slots < self.slots.size)
        self._unit_parts[measure].append((levels[~grid][keep], rows[~grid][keep], slots[keep], self.sign * w[keep]))

    def unit_parts(self, measure: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(levels, rows, slots, weights) added at units above the grids."""
        parts = self._unit_parts.get(measure, [])
        if not parts:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        levels, rows, slots, weights = (np.concatenate([p[i] for p in parts]) for i in range(4))
        return levels, rows, slots, weights

    def add_static(self, measure: str, grids: np.ndarray, weights: np.ndarray | float = 1.0) -> None:
        """A figure that holds from before the period on (population, cameras, beds)."""
        self.add(measure, grids, np.full(len(grids), self.slots.origin - 1), weights)

    def add_intervals(self, measure: str, persons: np.ndarray, grids: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
        """Count each person once per day on which any of their ``[start, end)`` day intervals holds."""
        s, e, g = merge_intervals(persons, start, end, grids)
        self._add_spans(measure, g, s, e)

    def add_first(self, measure: str, days: PersonDays, grid_of: np.ndarray) -> None:
        """Count each person once, from the first of their days on (``grid_of``: grid row by person id)."""
        first = days.first()
        self.add(measure, grid_of[days.persons[first]], days.days[first])

    def add_within(self, measure: str, days: PersonDays, grid_of: np.ndarray, window: int) -> None:
        """Count each person on every day that has one of their days within the last ``window`` days."""
        p, d = days.persons, days.days
        new = np.r_[True, (p[1:] != p[:-1]) | (d[1:] >= d[:-1] + window)] if len(p) else np.zeros(0, bool)
        last = np.r_[np.flatnonzero(new)[1:] - 1, len(p) - 1] if len(p) else np.zeros(0, np.int64)
        self._add_spans(measure, grid_of[p[new]], d[new], d[last] + window)

    def _add_spans(self, measure: str, grids: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
        self.add(measure, grids, start)
        finite = end < OPEN_END
        self.add(measure, grids[finite], end[finite], -1.0)

    def touched(self) -> list[str]:
        return [m for m, parts in self._parts.items() if any(len(k) for k, _ in parts)]

    def deltas(self, measure: str) -> np.ndarray:
        """The measure's deltas as a (slots, grids) array."""
        size = self.n_grids * self.slots.size
        total = np.zeros(size)
        for keys, w in self._parts.get(measure, []):
            total += np.bincount(keys, minlength=size) * w if np.ndim(w) == 0 else np.bincount(keys, w, minlength=size)
        return total.reshape(self.n_grids, self.slots.size).T

    def column_deltas(self, measure: str) -> tuple[np.ndarray, np.ndarray]:
        """The grid rows a measure's contributions touch, and its deltas on them as a (slots, rows) array."""
        parts = self._parts.get(measure, [])
        keys = np.concatenate([k for k, _ in parts]).astype(np.int64) if parts else np.zeros(0, np.int64)
        weights = np.concatenate([np.broadcast_to(w, k.shape) for k, w in parts]) if parts else np.zeros(0)
        grids, column = np.unique(keys // self.slots.size, return_inverse=True)
        out = np.zeros((self.slots.size, len(grids)))
        np.add.at(out, (keys % self.slots.size, column), weights)
        return grids, out


def merge_intervals(persons: np.ndarray, start: np.ndarray, end: np.ndarray, grids: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Merge each person's overlapping or touching ``[start, end)`` intervals; returns (start, end, grid) of the merged."""
    persons, start, end, grids = (np.asarray(a, np.int64) for a in (persons, start, end, grids))
    if not len(persons):
        return start, end, grids
    order = np.lexsort((start, persons))
    p, s, e, g = persons[order], start[order], end[order], grids[order]
    # Running maximum of the end within each person: offset every person above the previous one.
    rank = np.cumsum(np.r_[0, p[1:] != p[:-1]])
    reach = np.maximum.accumulate(rank * (2 * OPEN_END) + e) - rank * (2 * OPEN_END)
    new = np.r_[True, (p[1:] != p[:-1]) | (s[1:] > reach[:-1])]
    first = np.flatnonzero(new)
    last = np.r_[first[1:] - 1, len(p) - 1]
    return s[first], reach[last], g[first]
