"""Validation of values at the edge (CLI options, dialog fields): one rule per kind of value, each raising
ValueError with one line that names the value and what is allowed."""

from __future__ import annotations

import datetime as dt

SPEEDS = (1, 60)  # a drill clock runs ×1 … ×60 real time


def check_speed(value: int) -> int:
    """A drill clock's speed: a whole number from 1 to 60."""
    if not isinstance(value, int) or isinstance(value, bool) or not SPEEDS[0] <= value <= SPEEDS[1]:
        raise ValueError(f"the drill speed must be a whole number from {SPEEDS[0]} to {SPEEDS[1]} (got {value!r})")
    return value


def check_positive_id(value: int, what: str) -> int:
    if value <= 0:
        raise ValueError(f"{what} must be a positive whole number (got {value})")
    return value


def parse_due_date(text: str) -> str:
    """A due date as ``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValueError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def check_text(text: str, what: str) -> str:
    if not text.strip():
        raise ValueError(f"{what} must not be empty")
    return text.strip()
