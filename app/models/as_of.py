"""The times the engines run at: parsed from user input, or the end of the store's period by default."""

from __future__ import annotations

import datetime as dt
import time

from app.timebase import end_of_day_seconds, parse_datetime, to_seconds


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
