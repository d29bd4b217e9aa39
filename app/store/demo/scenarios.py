"""Planted scenarios the engines must find: the outbreak city and its returning natives, travellers
arriving unreported, quarantine breaches, and the drill's index case with its close and secondary contacts."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from app.domain.facilities import FacilityKind
from app.domain.people import PersonKind
from app.domain.places import Direction
from app.domain.quarantine import QUARANTINE_REASONS, QuarantineKind
from app.domain.testing import TestResult
from app.store.demo.infrastructure import Infrastructure
from app.store.demo.people import OUTBREAK_CITY_ID, People
from app.store.demo.records import Columns, sample_rows
from app.store.demo.sampling import END_S, Picker
from app.store.demo.scale import OUTBREAK_SINCE, TRACE_CASE_ONSET, Scale
from app.timebase import DAY, to_seconds

MINUTE = 60


@dataclass
class Planted:
    scans: list[Columns] = field(default_factory=list)
    samples: list[Columns] = field(default_factory=list)
    quarantine: list[Columns] = field(default_factory=list)
    transfers: list[Columns] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def _scans(persons: np.ndarray, places: np.ndarray, at: np.ndarray, direction: int = Direction.NONE,
           from_city: int | None = None) -> Columns:
    n = len(persons)
    return {"person_id": persons + 1, "place_id": places + 1, "at": at.astype(np.int64),
            "direction": np.full(n, int(direction)), "from_city_id": np.full(n, from_city, object)}


def _orders(persons: np.ndarray, kind: QuarantineKind, reason: str, start: np.ndarray, days: int,
            facility: np.ndarray | None = None) -> Columns:
    n = len(persons)
    return {"person_id": persons + 1, "kind": np.full(n, int(kind)), "reason": np.full(n, QUARANTINE_REASONS.index(reason)),
            "facility_id": (facility + 1 if facility is not None else np.full(n, None)).astype(object),
            "start_at": start, "end_at": start + days * DAY}


def plant(rng: np.random.Generator, people: People, inf: Infrastructure, scale: Scale) -> Planted:
    out = Planted()
    _outbreak_city(rng, people, inf, out)
    _travellers(rng, people, inf, scale, out)
    _trace_case(rng, people, inf, scale, out)
    return out


def _outbreak_city(rng: np.random.Generator, people: People, inf: Infrastructure, out: Planted) -> None:
    city = people.columns["current_city_id"]
    there = np.flatnonzero(city == OUTBREAK_CITY_ID)
    city_places = inf.outside_rows[OUTBREAK_CITY_ID]
    since = to_seconds(OUTBREAK_SINCE)
    returned = there[people.returned_at[there] > 0]
    ret_t = people.returned_at[returned]
    # Evidence of being there: scans at places in the city (most of those still there, all who came back).
    seen = there[rng.random(len(there)) < 0.6]
    k = rng.integers(1, 4, len(seen))
    who = np.repeat(seen, k)
    out.scans.append(_scans(who, rng.choice(city_places, len(who)), since + rng.integers(0, 30 * DAY, len(who))))
    before = np.repeat(returned, 2)
    out.scans.append(_scans(before, rng.choice(city_places, len(before)),
                            np.repeat(ret_t, 2) - rng.integers(DAY, 8 * DAY, len(before))))
    # Coming home: an inbound checkpoint scan from the outbreak city, then everyday life at home.
    checkpoints = inf.checkpoint_rows[Picker(inf.place_town[inf.checkpoint_rows]).pick(rng, people.home_town[returned], 0.7)]
    out.scans.append(_scans(returned, checkpoints, ret_t, Direction.INBOUND, OUTBREAK_CITY_ID))
    # Home quarantine for 7 days; about one in twelve goes out anyway (a breach).
    out.quarantine.append(_orders(returned, QuarantineKind.HOME, "risk_area_arrival", ret_t + 2 * 3600, 7))
    breach = returned[rng.random(len(returned)) < 0.08]
    if len(breach):
        bt = people.returned_at[breach] + rng.integers(2 * DAY, 5 * DAY, len(breach))
        venues = inf.venue_rows[Picker(inf.place_town[inf.venue_rows]).pick(rng, people.home_town[breach], 1.0)]
        out.scans.append(_scans(breach, venues, bt))
    # Most test within a day of arriving and again on day 3; the rest are what 应检未检 looks for.
    tested = returned[rng.random(len(returned)) < 0.7]
    t = people.returned_at[tested]
    persons = np.concatenate([tested, tested])
    at = np.concatenate([t + rng.integers(3600, 20 * 3600, len(t)), t + 3 * DAY + rng.integers(0, 8 * 3600, len(t))])
    keep = at <= END_S
    out.samples.append(sample_rows(rng, inf, people, persons[keep], at[keep]))


def _travellers(rng: np.random.Generator, people: People, inf: Infrastructure, scale: Scale, out: Planted) -> None:
    """Residents who visited the outbreak city and came back through a checkpoint without reporting."""
    residents = np.flatnonzero((people.columns["kind"] == PersonKind.RESIDENT) & (people.age >= 18) & (people.home_town >= 0))
    travellers = rng.choice(residents, max(3, scale.outbreak_returned // 3), replace=False)
    visit = to_seconds(OUTBREAK_SINCE) + rng.integers(2 * DAY, 25 * DAY, len(travellers))
    out.scans.append(_scans(travellers, rng.choice(inf.outside_rows[OUTBREAK_CITY_ID], len(travellers)), visit))
    back = visit + rng.integers(DAY, 5 * DAY, len(travellers))
    checkpoints = inf.checkpoint_rows[rng.integers(0, len(inf.checkpoint_rows), len(travellers))]
    out.scans.append(_scans(travellers, checkpoints, back, Direction.INBOUND, OUTBREAK_CITY_ID))


def _co_visitors(rng: np.random.Generator, pool: np.ndarray, exclude: set[int], n: int) -> np.ndarray:
    candidates = pool[~np.isin(pool, np.fromiter(exclude, np.int64, len(exclude)))]
    return rng.choice(candidates, n, replace=False)


def _trace_case(rng: np.random.Generator, people: People, inf: Infrastructure, scale: Scale, out: Planted) -> None:
    """The drill's index case: positive at onset, with planted co-visits making close and secondary contacts."""
    onset = to_seconds(TRACE_CASE_ONSET)
    adults = np.flatnonzero(people.present & (people.age >= 25) & (people.age <= 50) & (people.home_town >= 0))
    case = int(rng.choice(adults))
    town = people.home_town[case]
    local = np.flatnonzero(people.present & (people.home_town == town))
    town_venues = inf.venue_rows[inf.place_town[inf.venue_rows] == town]
    n_close, n_secondary = scale.trace_contacts
    exclude = {case}
    visits = 8
    visit_venue = rng.choice(town_venues, visits, replace=False)
    visit_t = onset - rng.integers(1, 14, visits) * DAY + rng.integers(-4, 8, visits) * 3600
    out.scans.append(_scans(np.full(visits, case), visit_venue, visit_t))
    close = _co_visitors(rng, local, exclude, n_close)
    exclude.update(close.tolist())
    slot = rng.integers(0, visits, n_close)
    exposure = visit_t[slot] + rng.integers(-25, 26, n_close) * MINUTE
    out.scans.append(_scans(close, visit_venue[slot], exposure))
    # Each close contact later meets a few others: the secondary contacts.
    owner = rng.integers(0, n_close, n_secondary)
    secondary = _co_visitors(rng, local, exclude, n_secondary)
    meet_venue = rng.choice(town_venues, n_close)
    meet_t = np.minimum(exposure + rng.integers(6, 72, n_close) * 3600, onset - 3600)
    out.scans.append(_scans(close, meet_venue, meet_t))
    out.scans.append(_scans(secondary, meet_venue[owner], meet_t[owner] + rng.integers(-25, 26, n_secondary) * MINUTE))
    # The case tests positive; contacts go to quarantine hotels (with transfers) or home quarantine.
    out.samples.append(sample_rows(rng, inf, people, np.array([case]), np.array([onset + 2 * 3600]), result=TestResult.POSITIVE))
    hotels = np.flatnonzero(inf.facilities.columns["kind"] == FacilityKind.QUARANTINE_HOTEL)
    hotel = rng.choice(hotels, n_close)
    start = onset + rng.integers(10, 30, n_close) * 3600
    out.quarantine.append(_orders(close, QuarantineKind.CENTRALISED, "close_contact", start, 14, hotel))
    out.transfers.append({"person_id": close + 1, "facility_id": hotel + 1,
                          "vehicle": np.array([f"浙C·{v:05d}" for v in rng.integers(10000, 99999, n_close)], dtype=object),
                          "origin": np.full(n_close, "住所", object), "pickup_at": start - 3 * 3600,
                          "arrival_at": start - 3600})
    out.quarantine.append(_orders(secondary, QuarantineKind.HOME, "secondary_contact", onset + DAY + rng.integers(0, 12, n_secondary) * 3600, 7))
    out.meta.update(trace_case_person_id=str(case + 1), trace_case_at=str(onset))
