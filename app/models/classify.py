"""Classifying values into colour classes: quantiles, equal interval and natural breaks (Jenks)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

_JENKS_SAMPLE = 256  # natural breaks run on this many quantiles of the data: exact DP, bounded cost


class Method(str, Enum):
    QUANTILES = "quantiles"
    EQUAL_INTERVAL = "equal_interval"
    NATURAL_BREAKS = "natural_breaks"


@dataclass(frozen=True)
class Classes:
    """Upper bounds of each class (ascending) and each value's class (-1: no data).

    ``integer``: the values are counts, so bounds are whole numbers and a class runs from the bound above the
    previous one (``3 – 5``, then ``6 – 9``). ``distinct`` is the number of distinct values: with fewer distinct
    values than classes asked, there are fewer classes, and the legend says why."""

    lower: float
    bins: np.ndarray
    index: np.ndarray  # int16 per value
    integer: bool = False
    distinct: int = 0

    @property
    def k(self) -> int:
        return len(self.bins)

    def counts(self) -> np.ndarray:
        return np.bincount(self.index[self.index >= 0], minlength=self.k)


    def lows(self) -> np.ndarray:
        """The lower bound shown for each class."""
        if self.integer:
            return np.concatenate([[self.lower], self.bins[:-1] + 1])
        return np.concatenate([[self.lower], self.bins[:-1]])


def classify(values: np.ndarray, method: Method, k: int, integer: bool = False) -> Classes:
    """Split finite ``values`` into at most ``k`` classes; NaN gets class -1. ``integer``: counts."""
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return Classes(0.0, np.zeros(0), np.full(values.shape, -1, np.int16), integer)
    distinct = np.unique(finite)
    if integer and distinct.size <= k:  # one class per count value: no empty or repeated classes to invent
        bins = distinct
    elif method is Method.EQUAL_INTERVAL:
        bins = np.linspace(finite.min(), finite.max(), k + 1)[1:]
    elif method is Method.QUANTILES:
        bins = np.quantile(finite, np.linspace(0, 1, k + 1)[1:])
    else:
        bins = natural_breaks(finite, k)
    if integer:
        bins = np.floor(bins)
        bins[-1] = finite.max()
    bins = np.unique(bins)
    index = np.full(values.shape, -1, np.int16)
    ok = np.isfinite(values)
    index[ok] = np.minimum(np.searchsorted(bins, values[ok], side="left"), len(bins) - 1)
    return Classes(float(finite.min()), bins, index, integer, int(distinct.size))


def natural_breaks(values: np.ndarray, k: int) -> np.ndarray:
    """Fisher–Jenks optimal breaks (least within-class squared deviation) over a quantile sample."""
    sample = np.quantile(values, np.linspace(0, 1, min(_JENKS_SAMPLE, values.size)))
    n = sample.size
    k = min(k, n)
    s1 = np.concatenate([[0.0], np.cumsum(sample)])
    s2 = np.concatenate([[0.0], np.cumsum(sample**2)])
    i = np.arange(n)[:, None]  # class starts at i
    j = np.arange(n)[None, :]  # class ends at j (inclusive)
    m = (j - i + 1).clip(min=1)
    cost = s2[j + 1] - s2[i] - (s1[j + 1] - s1[i]) ** 2 / m
    cost = np.where(j >= i, cost, np.inf)
    best = cost[0].copy()  # best[j]: one class over sample[0..j]
    starts = np.zeros((k, n), dtype=np.int64)
    for c in range(1, k):
        total = np.full((n, n), np.inf)
        total[1:] = best[:-1, None] + cost[1:]  # previous classes end at i-1, this one spans i..j
        starts[c] = total.argmin(axis=0)
        best = total.min(axis=0)
    bins, end = [], n - 1
    for c in range(k - 1, -1, -1):
        bins.append(sample[end])
        end = starts[c, end] - 1
    return np.asarray(bins[::-1])
