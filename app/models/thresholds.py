"""Threshold status of a value (ok / warning / alarm) from an indicator's direction and its two thresholds.

One rule for the indicator panel's status column and the map's fixed threshold legend.
"""

from __future__ import annotations

import numpy as np

STATUSES = ("ok", "warning", "alarm")  # class index 0, 1, 2; -1 is "none" (no value or no thresholds)


def threshold_classes(values: np.ndarray, good: str, warning: float | None, alarm: float | None) -> np.ndarray:
    """Per value: 0 ok, 1 warning, 2 alarm, -1 none. ``good`` "up": low is bad (alarm when ≤ alarm)."""
    values = np.asarray(values, dtype=float)
    out = np.full(values.shape, -1, np.int16)
    if warning is None or alarm is None or good not in ("up", "down"):
        return out
    ok = np.isfinite(values)
    sign = -1.0 if good == "up" else 1.0  # compare "worse than" as "greater than" on sign * value
    v = sign * values[ok]
    out[ok] = np.where(v >= sign * alarm, 2, np.where(v >= sign * warning, 1, 0))
    return out


def threshold_status(value: float | None, good: str, warning: float | None, alarm: float | None) -> str:
    """"ok", "warning", "alarm", or "none" for one value."""
    if value is None:
        return "none"
    index = int(threshold_classes(np.array([value], float), good, warning, alarm)[0])
    return STATUSES[index] if index >= 0 else "none"
