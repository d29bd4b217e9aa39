"""Testing: samples taken and reported, positivity, turnaround, and people tested within 1-14 days.

Samples count at the person's home grid; people tested count where they live if present (see ``People``). A result counts on the day it is reported, so as of any date a
sample is taken, pending, or reported — never reported before it is.
"""

from __future__ import annotations

import numpy as np

from app.domain.testing import TestResult
from app.models.indicators.contributions import Contributions, PersonDays
from app.models.indicators.producers.population import KEY_CODES
from app.models.indicators.sources import Sources

WINDOWS = (1, 2, 3, 7, 14)
MEASURES = ("samples", "samples_key_occ", "reported", "positive", "pending", "turnaround_s", "reported_12h",
            "reported_24h", *(f"tested_w{w}" for w in WINDOWS), "key_tested_w7", "key_tested_w14", "tested_ever",
            "positive_persons")


def produce(src: Sources, out: Contributions) -> None:
    s = src.records["test_samples"]
    person, day, result = s["person"], s["day"], s["result"]
    grid = src.people.grid[person]
    reported = result >= 0
    report_day = s["report_day"]
    seconds = s["seconds"]
    key = np.isin(src.people.occupation[person], KEY_CODES)
    out.add("samples", grid, day)
    out.add("samples_key_occ", grid[key], day[key])
    out.add("reported", grid[reported], report_day[reported])
    positive = result == TestResult.POSITIVE
    out.add("positive", grid[positive], report_day[positive])
    out.add("pending", grid, day)
    out.add("pending", grid[reported], report_day[reported], -1.0)
    out.add("turnaround_s", grid[reported], report_day[reported], seconds[reported])
    for hours in (12, 24):
        fast = reported & (seconds <= hours * 3600)
        out.add(f"reported_{hours}h", grid[fast], report_day[fast])
    home = src.people.home
    tested = PersonDays(person, day)
    for w in WINDOWS:
        out.add_within(f"tested_w{w}", tested, home, w)
    key_tested = tested.where(np.isin(src.people.occupation[tested.persons], KEY_CODES))
    for w in (7, 14):
        out.add_within(f"key_tested_w{w}", key_tested, home, w)
    out.add_first("tested_ever", tested, home)
    out.add_first("positive_persons", PersonDays(person[positive], report_day[positive]), home)
