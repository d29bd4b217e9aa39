"""Each camera's status as it stood at the end of the as-of day, read back from its status history.

The events are read once (some 60,000 for the county's 18,000 cameras) and each day's statuses are counted from
them in memory, so moving the date costs a few milliseconds and never a query. ``CameraHistory`` emits
``events.status(np.ndarray)`` (row-aligned with the cameras) when the as-of date or the data moves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
from psygnal import Signal, SignalGroup

from app.models.context import ConsoleContext
from app.store.queries.camera_status import StatusEvents
from app.timebase import end_of_day_seconds

CACHED_DAYS = 128  # a period's days: scrubbing back and forth costs nothing after the first pass


def statuses_at(events: StatusEvents, camera_ids: np.ndarray, now: np.ndarray, moment: int) -> np.ndarray:
    """The status of each of ``camera_ids`` (sorted) at ``moment``: its last event's then, its first recorded
    one before its first event, ``now`` (its status now) for a camera with no history."""
    row = np.searchsorted(camera_ids, events.camera)
    known = (row < len(camera_ids)) & (camera_ids[np.minimum(row, len(camera_ids) - 1)] == events.camera)
    row, at, status = row[known], events.at[known], events.status[known]
    count = np.bincount(row, minlength=len(camera_ids))
    first = np.cumsum(count) - count  # events are sorted by camera, then time: each camera's block starts here
    seen = np.bincount(row[at <= moment], minlength=len(camera_ids))
    out = now.copy()
    has = count > 0
    out[has] = status[first[has] + np.maximum(seen[has], 1) - 1]
    return out


class CameraHistory:
    """Follows ``context.as_of`` and ``context.data_version`` (re-reading the events through ``load``)."""

    class _Events(SignalGroup):
        status = Signal(object)

    def __init__(self, camera_ids: np.ndarray, status_now: np.ndarray, load: Callable[[], StatusEvents],
                 context: ConsoleContext) -> None:
        self.events = self._Events()
        self._ids, self._now, self._load, self._context = camera_ids, status_now, load, context
        self._history = load()
        self._days: dict[dt.date, np.ndarray] = {}
        self.status = self.on(context.as_of)
        context.events.as_of.connect(self._on_as_of_change)
        context.events.data_version.connect(self._on_data_version_change)

    def on(self, date: dt.date) -> np.ndarray:
        """Each camera's status at the end of ``date``."""
        if date not in self._days:
            if len(self._days) >= CACHED_DAYS:
                self._days.clear()
            self._days[date] = statuses_at(self._history, self._ids, self._now, end_of_day_seconds(date))
        return self._days[date]

    def _publish(self) -> None:
        status = self.on(self._context.as_of)
        if not np.array_equal(status, self.status):
            self.status = status
            self.events.status.emit(status)

    def _on_as_of_change(self, _date: dt.date) -> None:
        self._publish()

    def _on_data_version_change(self, _version: int) -> None:
        self._history, self._days = self._load(), {}
        self._publish()
