"""The times the engines run at: parsed from user input, or the end of the store's period by default; and the
one rule for every engine, command and panel: questions are asked about days of the data period only."""

from __future__ import annotations

import datetime as dt
import time

from app.domain.errors import OutsidePeriod
from app.timebase import date_of_day, day_of, end_of_day_seconds, parse_datetime, to_seconds

Period = tuple[dt.date, dt.date]


def parse_time(text: str, end_of_day: bool = True) -> int:
    """Unix seconds from ``text``: whole seconds, ``YYYY-MM-DD`` (its last second, or first if not
    ``end_of_day``) or ``YYYY-MM-DDTHH:MM[:SS]`` (CST). Raises ValueError naming the text."""
    text = text.strip()
    if text.lstrip("-").isdigit():
        return int(text)
    if len(text) == 10:
        date = parse_datetime(text).date()
        return end_of_day_seconds(date) if end_of_day else to_seconds(date)
    return int(parse_datetime(text).timestamp())


def period_end(meta: dict[str, str]) -> int:
    """The last second of the store's period (``period_end`` in its meta), else now."""
    end = meta.get("period_end")
    return end_of_day_seconds(dt.date.fromisoformat(end)) if end else int(time.time())


def store_period(meta: dict[str, str]) -> Period | None:
    """The store's data period (``period_start`` .. ``period_end`` in its meta), or None if it names none."""
    start, end = meta.get("period_start"), meta.get("period_end")
    return (dt.date.fromisoformat(start), dt.date.fromisoformat(end)) if start and end else None


def check_date(date: dt.date, period: Period | None, what: str = "as-of date") -> dt.date:
    """``date`` if it is a day of ``period`` (or there is no period to check against), else OutsidePeriod."""
    if period is not None and not period[0] <= date <= period[1]:
        raise OutsidePeriod(what, date, *period)
    return date


def check_time(seconds: int, period: Period | None, what: str = "as-of date") -> int:
    """``seconds`` if they fall on a day (CST) of ``period``, else OutsidePeriod naming that day."""
    check_date(date_of_day(day_of(seconds)), period, what)
    return seconds
