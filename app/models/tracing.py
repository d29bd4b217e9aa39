"""Contact tracing from a case: close contacts (same venue or checkpoint within ± a window during the days
before onset) and, level by level, the contacts of contacts up to a depth of 3.

Every depth searches the same days before the case's onset. Each contact is found once, at the lowest depth
that reaches it; the case and everyone already found are never found again, so cycles in the contact graph
end the search instead of looping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from app.models.as_of import check_time, store_period
from app.store.queries.health_records import home_grids
from app.store.queries.people import person_exists
from app.store.queries.scans import place_labels, scans_in_windows, scans_of_people
from app.store.queries.scope import scoped, visible_people
from app.store.store import Store
from app.timebase import DAY

MAX_DEPTH = 3


class TraceError(ValueError):
    """A trace that cannot be run as asked (unknown person, bad window or depth)."""


@dataclass(frozen=True)
class Link:
    """Evidence of one exposure: ``source`` and ``contact`` scanned at ``place_id`` close in time."""

    source: int
    contact: int
    place_id: int
    source_scan: int
    source_at: int
    contact_scan: int
    contact_at: int


@dataclass(frozen=True)
class Contact:
    person_id: int
    depth: int  # 1 close, 2 secondary, 3 tertiary
    grid_id: int | None  # home micro-grid
    links: tuple[Link, ...]  # exposures to people of the previous depth


@dataclass
class Trace:
    case_id: int
    onset: int
    window_minutes: float
    depth: int
    days: int
    contacts: list[Contact] = field(default_factory=list)
    places: dict[int, tuple[str, int, int | None]] = field(default_factory=dict)  # place id -> (name, kind, grid)

    def at_depth(self, depth: int) -> list[Contact]:
        return [c for c in self.contacts if c.depth == depth]


def trace(store: Store, person_id: int, onset: int, window_minutes: float = 30, depth: int = 2, days: int = 14) -> Trace:
    """Trace the contacts of ``person_id`` with onset at ``onset`` (Unix seconds): TraceError for a bad question,
    OutsidePeriod for an onset on a day the store holds no data for (it would find no contacts)."""
    if window_minutes < 0:
        raise TraceError(f"the window must not be negative (got {window_minutes:g} minutes)")
    if not 1 <= depth <= MAX_DEPTH:
        raise TraceError(f"depth must be between 1 and {MAX_DEPTH} (got {depth})")
    if days <= 0:
        raise TraceError(f"the look-back must be at least one day (got {days})")
    check_time(onset, store_period(store.meta()), "onset")
    if not person_exists(store, person_id) or not visible_people(store, np.array([person_id]))[0]:
        raise TraceError(f"no person with id {person_id} in this store")
    since, half = onset - days * DAY, int(round(window_minutes * 60))
    result = Trace(person_id, onset, window_minutes, depth, days)
    found = {person_id}
    frontier = np.array([person_id], np.int64)
    for level in range(1, depth + 1):
        src = scans_of_people(store, frontier, since, onset)
        if not len(src["id"]):
            break
        hits = scans_in_windows(store, src["place_id"], src["at"] - half, src["at"] + half)
        w = hits["window"]
        links: dict[int, list[Link]] = {}
        for i, scan, person, at in zip(w.tolist(), hits["id"].tolist(), hits["person_id"].tolist(), hits["at"].tolist()):
            if person not in found:
                links.setdefault(person, []).append(Link(int(src["person_id"][i]), person, int(src["place_id"][i]),
                                                         int(src["id"][i]), int(src["at"][i]), scan, at))
        if scoped(store):  # people the principal may not see are never found, nor traced onwards (as under RLS)
            candidates = np.array(sorted(links), np.int64)
            links = {int(p): links[int(p)] for p in candidates[visible_people(store, candidates)].tolist()}
        if not links:
            break
        new = np.array(sorted(links), np.int64)
        homes = home_grids(store, new)
        for person, grid in zip(homes["person_id"].tolist(), homes["grid_id"].tolist()):
            result.contacts.append(Contact(person, level, grid if grid >= 0 else None, tuple(links[person])))
        found.update(links)
        frontier = new
    result.places = place_labels(store, np.array([ln.place_id for c in result.contacts for ln in c.links], np.int64))
    return result
