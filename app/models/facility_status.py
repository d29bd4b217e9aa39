"""Quarantine beds used and free in each facility as they stood at the end of the as-of day.

Bed use is read back from the orders' own dates (a stay holds a bed from its start to its end), so the same
arrays answer every day of the period: moving the date re-counts in memory, it does not query the store.
``FacilityStatus`` emits ``events.rows(list[FacilityLoad])`` when the as-of date (or the data) moves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
from psygnal import Signal, SignalGroup

from app.models.context import ConsoleContext
from app.models.dispatch.transport import FacilityLoad
from app.store.queries.occupancy import Stays
from app.timebase import end_of_day_seconds


class FacilityStatus:
    """Follows ``context.as_of`` and ``context.data_version`` (re-reading the stays through ``load``)."""

    class _Events(SignalGroup):
        rows = Signal(object)

    def __init__(self, load: Callable[[], Stays], context: ConsoleContext) -> None:
        self.events = self._Events()
        self._load, self._context = load, context
        self._stays = load()
        self.rows = self.at(context.as_of)
        context.events.as_of.connect(self._on_as_of_change)
        context.events.data_version.connect(self._on_data_version_change)

    def at(self, date: dt.date) -> list[FacilityLoad]:
        """Each facility's beds at the end of ``date``."""
        s, moment = self._stays, end_of_day_seconds(date)
        inside = s.facility[(s.start <= moment) & (s.end > moment)]
        used = {int(f): int(n) for f, n in zip(*np.unique(inside, return_counts=True))}
        return [FacilityLoad(int(i), name, int(cap), used.get(int(i), 0)) for i, name, cap in zip(s.ids, s.names, s.capacity)]

    def _publish(self) -> None:
        self.rows = self.at(self._context.as_of)
        self.events.rows.emit(self.rows)

    def _on_as_of_change(self, _date: dt.date) -> None:
        self._publish()

    def _on_data_version_change(self, _version: int) -> None:
        self._stays = self._load()
        self._publish()
