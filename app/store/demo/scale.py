"""Demo scales and the demo timeline. Scales shrink people and records, never the admin hierarchy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PERIOD_START = dt.date(2022, 2, 1)
PERIOD_END = dt.date(2022, 4, 10)  # 69 days of records
OUTBREAK_CITY = "上海"
OUTBREAK_SINCE = dt.date(2022, 3, 1)
TRACE_CASE_ONSET = dt.datetime(2022, 4, 2, 10, 0)


@dataclass(frozen=True)
class Scale:
    name: str
    factor: float

    def of(self, full: int, minimum: int = 1) -> int:
        return max(minimum, round(full * self.factor))

    # People (full-scale figures from the reference platform).
    @property
    def residents(self) -> int:
        return self.of(1_450_000)

    @property
    def floating(self) -> int:
        return self.of(676_500)

    @property
    def natives_elsewhere(self) -> int:
        return self.of(325_000)

    @property
    def outbreak_natives(self) -> int:
        return self.of(2_632, 12)

    @property
    def outbreak_returned(self) -> int:
        return self.of(380, 3)

    @property
    def outbreak_planning(self) -> int:
        return self.of(179, 2)

    # Records.
    @property
    def venue_scans(self) -> int:
        return self.of(3_600_000)

    @property
    def checkpoint_scans(self) -> int:
        return self.of(320_000)

    @property
    def walk_in_samples(self) -> int:
        """Tests nobody asked for (besides routine, mass-round and follow-up tests)."""
        return self.of(250_000)

    @property
    def clinic_visits(self) -> int:
        return self.of(250_000)

    @property
    def purchases(self) -> int:
        return self.of(420_000)

    @property
    def trace_contacts(self) -> tuple[int, int]:
        """(close, secondary) contacts planted around the drill case."""
        return (66, 389) if self.factor >= 0.05 else (16, 48)


SCALES = {s.name: s for s in (Scale("tiny", 0.005), Scale("small", 0.05), Scale("full", 1.0))}
