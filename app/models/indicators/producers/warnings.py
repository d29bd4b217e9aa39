"""Tasks and warnings: warnings raised, open, dispatched as tasks, verified and dismissed, per grid.

A warning's status history is not kept, only its last change: a closed warning counts as open from the
day it was raised until the day of that change. Warnings change in place, so this producer is static.
"""

from __future__ import annotations

import numpy as np

from app.domain.warnings import WarningStatus
from app.models.indicators.contributions import Contributions, PersonDays
from app.models.indicators.sources import Sources

MEASURES = ("warn_raised", "warn_open", "warn_dispatched", "warn_verified", "warn_dismissed", "warn_persons_w14")


def produce(src: Sources, out: Contributions) -> None:
    w = src.static["warnings"]
    person, day, status, changed = w["person"], w["day"], w["status"], w["changed"]
    grid = np.where(w["grid"] >= 0, src.tree.grid_rows(w["grid"]), src.people.grid[person])
    closed = (status == WarningStatus.VERIFIED) | (status == WarningStatus.DISMISSED)
    out.add("warn_raised", grid, day)
    out.add("warn_open", grid, day)
    out.add("warn_open", grid[closed], changed[closed], -1.0)
    dispatched = w["dispatched"] == 1
    out.add("warn_dispatched", grid[dispatched], changed[dispatched])
    for name, st in (("warn_verified", WarningStatus.VERIFIED), ("warn_dismissed", WarningStatus.DISMISSED)):
        out.add(name, grid[status == st], changed[status == st])
    out.add_within("warn_persons_w14", PersonDays(person, day), src.people.home, 14)
