"""Conversions between the store's integer times and calendar values (China Standard Time, UTC+8).

The store keeps Unix seconds; a "day" is a calendar day in China Standard Time, counted from 1970-01-01.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

CST = dt.timezone(dt.timedelta(hours=8), "CST")
DAY = 86_400
_OFFSET = 8 * 3600


def to_seconds(value: dt.datetime | dt.date) -> int:
    """Unix seconds of a datetime (naive = CST) or of the start of a CST date."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=CST)
    return int(value.timestamp())


def from_seconds(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, CST)


def day_of(seconds: np.ndarray | int) -> np.ndarray | int:
    """CST day number of Unix seconds (vectorised)."""
    return (np.asarray(seconds) + _OFFSET) // DAY if isinstance(seconds, np.ndarray) else (seconds + _OFFSET) // DAY


def day_number(date: dt.date) -> int:
    return (date - dt.date(1970, 1, 1)).days


def date_of_day(day: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(day))


def end_of_day_seconds(date: dt.date) -> int:
    """The last second of a CST date: "as of" a date includes everything that happened on it."""
    return to_seconds(date) + DAY - 1


def parse_datetime(text: str) -> dt.datetime:
    """Parse ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS]`` (CST) or raise ValueError with the text."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date or time: {text!r} (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    return value if value.tzinfo else value.replace(tzinfo=CST)


def format_seconds(seconds: int | None) -> str:
    return "" if seconds is None else from_seconds(seconds).strftime("%Y-%m-%d %H:%M")


def whole_years(birth_days: np.ndarray, on: dt.date) -> np.ndarray:
    """Age in whole years on ``on`` of people born on CST day numbers ``birth_days``."""
    born = np.asarray(birth_days, np.int64).astype("datetime64[D]")
    years = born.astype("datetime64[Y]")
    months = born.astype("datetime64[M]")
    month = (months - years.astype("datetime64[M]")).astype(np.int64) + 1
    day = (born - months.astype("datetime64[D]")).astype(np.int64) + 1
    # Compare (month, day), not day of year, so that leap years do not move birthdays.
    before_birthday = month * 32 + day > on.month * 32 + on.day
    return on.year - 1970 - years.astype(np.int64) - before_birthday
