"""The roll-up cube: every measure, as a running total per day, for every unit of every level.

``data[level][measure]`` is a (slots, units) integer array of running totals, so a value as of any day is one
row and a window is the difference of two rows. A measure that never changes during the period (population,
cameras) keeps a single row. Each array takes the narrowest integer type its values fit, which keeps the
small county's cube (171 measures × 84 days — the 70 of the period and the 14 before it that windows reach —
× 8,517 units) at 69 MB instead of 980 MB as float64.
"""

from __future__ import annotations

import numpy as np

from app.domain.admin import Level
from app.models.indicators.contributions import Contributions
from app.models.indicators.tree import UnitTree

DTYPES = (np.uint8, np.uint16, np.int32, np.int64)


def _narrow(values: np.ndarray) -> np.ndarray:
    ints = np.rint(values).astype(np.int64)
    lo, hi = (int(ints.min()), int(ints.max())) if ints.size else (0, 0)
    for dtype in DTYPES:
        info = np.iinfo(dtype)
        if info.min <= lo and hi <= info.max:
            return ints.astype(dtype)
    return ints


def _group_columns(rows: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum the columns of ``values`` that share a unit row (rows < 0 drop): (unique rows, summed columns)."""
    keep = np.flatnonzero(rows >= 0)
    order = keep[np.argsort(rows[keep], kind="stable")]
    sorted_rows = rows[order]
    if not len(order):
        return sorted_rows, values[:, :0]
    starts = np.flatnonzero(np.r_[True, sorted_rows[1:] != sorted_rows[:-1]])
    return sorted_rows[starts], np.add.reduceat(values[:, order], starts, axis=1)


def _add_columns(current: np.ndarray, columns: np.ndarray, add: np.ndarray) -> np.ndarray:
    """``current`` plus ``add`` on ``columns``, widened to more rows or a wider type only when needed."""
    if current.shape[0] == 1 and np.any(add[1:] != add[:1]):
        current = np.repeat(current, add.shape[0], axis=0)
    summed = current[:, columns].astype(np.int64) + np.rint(add[: current.shape[0]]).astype(np.int64)
    info = np.iinfo(current.dtype)
    if summed.size and (summed.min() < info.min or summed.max() > info.max):
        current = current.astype(np.int64)
    current[:, columns] = summed
    return current


class RollupCube:
    """Running totals of ``measures`` for the units of ``tree``; built from contributions, updated by more."""

    def __init__(self, tree: UnitTree, measures: list[str]) -> None:
        self.tree = tree
        self.measures = measures
        self.position = {m: i for i, m in enumerate(measures)}
        self.data: dict[Level, list[np.ndarray]] = {level: [] for level in Level}

    def build(self, contributions: Contributions, measures: list[str] | None = None) -> None:
        """Fill ``measures`` (default: all) from scratch, replacing what they held."""
        if not self.data[Level.GRID]:
            self.data = {level: [np.zeros((1, len(self.tree.codes[level])), np.uint8)] * len(self.measures) for level in Level}
        for measure in measures or self.measures:
            deltas = contributions.deltas(measure)
            levels, rows, slots, weights = contributions.unit_parts(measure)
            constant = not deltas[1:].any() and not slots.any()
            for level in Level:
                at_level = self.tree.rollup(deltas[:1] if constant else deltas, level)
                for from_level in np.unique(levels) if level != Level.GRID else ():  # grid rows went in with deltas
                    mine = levels == from_level
                    up = self.tree.up(Level(int(from_level)), rows[mine], level)
                    ok = up >= 0
                    np.add.at(at_level, (np.minimum(slots[mine][ok], at_level.shape[0] - 1), up[ok]), weights[mine][ok])
                running = at_level if constant else np.cumsum(at_level, axis=0)
                self.data[level][self.position[measure]] = _narrow(running)

    def apply(self, contributions: Contributions) -> list[str]:
        """Add contributions (of new records, minus what they replace) to what is there; returns the measures changed."""
        changed = []
        for measure in contributions.touched():
            grids, deltas = contributions.column_deltas(measure)
            if not deltas.any():
                continue
            running = np.cumsum(deltas, axis=0)
            i = self.position[measure]
            for level in Level:
                units, add = _group_columns(self.tree.ancestor[level][grids], running)
                self.data[level][i] = _add_columns(self.data[level][i], units, add)
            changed.append(measure)
        return changed

    def at(self, measure: str, level: Level, slot: int, rows: np.ndarray | None = None) -> np.ndarray:
        """The running total of ``measure`` on day ``slot`` for every unit of ``level``, or for its ``rows`` (int64)."""
        a = self.data[level][self.position[measure]]
        day = a[min(slot, a.shape[0] - 1)]
        return (day if rows is None else day[rows]).astype(np.int64)

    def unit_at(self, measure: str, level: Level, row: int, slot: int) -> int:
        a = self.data[level][self.position[measure]]
        return int(a[min(slot, a.shape[0] - 1), row])

    def series(self, measure: str, level: Level, row: int, slots: np.ndarray) -> np.ndarray:
        a = self.data[level][self.position[measure]]
        return a[np.minimum(slots, a.shape[0] - 1), row].astype(np.int64)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for arrays in self.data.values() for a in arrays)
