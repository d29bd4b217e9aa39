"""Threshold status of a value (ok / warning / alarm) from an indicator's direction and its two thresholds.

One rule for the indicator panel's status column and the map's fixed threshold legend.
"""

from __future__ import annotations

import numpy as np

STATUSES = ("ok", "warning", "alarm")  # class index 0, 1, 2; -1 is "none" (no value or no thresholds)


def threshold_classes(values: np.ndarray, good: str, warning: float | None, alarm: float | None) -> np.ndarray:
    """Per value: 0 ok, 1 warning, 2 alarm, -1 none. ``good`` "up": low is bad (alarm when ≤ alarm)."""
    values = np.asarray(values, dtype=float)
    sign, warn, alarm_at = threshold_sign(good, warning, alarm), threshold_number(warning), threshold_number(alarm)
    return each_threshold_class(values, np.full(values.shape, sign), np.full(values.shape, warn),
                                np.full(values.shape, alarm_at))


def each_threshold_class(values: np.ndarray, signs: np.ndarray, warnings: np.ndarray, alarms: np.ndarray) -> np.ndarray:
    """The classes of values each with its own thresholds (one call for every indicator of a unit). ``signs``: -1
    where high is good, 1 where low is good, NaN where there are no thresholds; NaN thresholds: none."""
    v = signs * np.asarray(values, dtype=float)  # compare "worse than" as "greater than" on sign * value
    with np.errstate(invalid="ignore"):
        out = np.where(v >= signs * alarms, 2, np.where(v >= signs * warnings, 1, 0)).astype(np.int16)
    out[~np.isfinite(v) | np.isnan(warnings) | np.isnan(alarms)] = -1
    return out


def threshold_sign(good: str, warning: float | None, alarm: float | None) -> float:
    """The sign :func:`each_threshold_class` takes for an indicator's direction and thresholds."""
    if warning is None or alarm is None or good not in ("up", "down"):
        return np.nan
    return -1.0 if good == "up" else 1.0


def threshold_number(threshold: float | None) -> float:
    """A threshold as :func:`each_threshold_class` takes it (NaN: none)."""
    return np.nan if threshold is None else float(threshold)


def threshold_status(value: float | None, good: str, warning: float | None, alarm: float | None) -> str:
    """"ok", "warning", "alarm", or "none" for one value."""
    if value is None:
        return "none"
    index = int(threshold_classes(np.array([value], float), good, warning, alarm)[0])
    return STATUSES[index] if index >= 0 else "none"
