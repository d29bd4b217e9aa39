"""Splitting a whole number across weights (largest remainder), with a floor per share."""

from __future__ import annotations

import numpy as np


def apportion(weights: np.ndarray, total: int, minimum: int | np.ndarray = 0) -> np.ndarray:
    """Integers >= ``minimum`` (a floor for all, or one per share) proportional to ``weights``,
    summing exactly to ``total``."""
    weights = np.asarray(weights, dtype=np.float64)
    floor = np.broadcast_to(np.asarray(minimum, dtype=np.int64), weights.shape)
    if total < floor.sum():
        raise ValueError(f"cannot give {len(weights)} shares their minimum ({floor.sum()} in all) out of {total}")
    spare = total - int(floor.sum())
    exact = weights / weights.sum() * spare
    shares = np.floor(exact).astype(np.int64)
    remainder = spare - shares.sum()
    if remainder:
        shares[np.argsort(-(exact - shares), kind="stable")[:remainder]] += 1
    return shares + floor
