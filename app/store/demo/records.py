"""Everyday records of the demo county: scans, nucleic-acid tests, vaccinations, clinic visits, purchases.

Each function returns the table's columns as arrays. Rates are set so that totals meet the scale's
targets, with daily and weekly rhythms; the outbreak and drill scenarios are planted by ``scenarios``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from app.domain.facilities import FacilityKind
from app.domain.people import KEY_OCCUPATIONS, OCCUPATIONS, PersonKind
from app.domain.places import Direction
from app.domain.testing import TestResult
from app.store.demo.infrastructure import Infrastructure
from app.store.demo.people import CITIES, OUTBREAK_CITY_ID, People
from app.store.demo.sampling import END_S, START_S, Picker, times
from app.store.demo.scale import OUTBREAK_SINCE, Scale
from app.timebase import DAY, to_seconds

Columns = dict[str, np.ndarray]
CLINIC_HOURS = np.array([0.3] * 7 + [3, 8, 9, 8, 5, 3, 6, 7, 6, 4, 2, 1.5, 1, 0.8, 0.6, 0.4, 0.3])
SHOP_HOURS = np.array([0.1] * 7 + [2, 5, 6, 6, 5, 4, 4, 4, 5, 6, 7, 7, 6, 4, 2, 0.5, 0.2])


def activity(people: People) -> np.ndarray:
    """How much each present person moves about (0 for those not in the county)."""
    age = people.age
    w = np.where(age < 6, 0.15, np.where(age < 18, 0.6, np.where(age < 60, 1.0, np.where(age < 75, 0.55, 0.2))))
    return np.where(people.present, w, 0.0)


def _draw(rng: np.random.Generator, weights: np.ndarray, n: int) -> np.ndarray:
    return rng.choice(len(weights), n, p=weights / weights.sum())


def venue_scans(rng: np.random.Generator, people: People, inf: Infrastructure, n: int) -> Columns:
    persons = _draw(rng, activity(people), n)
    picker = Picker(inf.place_town[inf.venue_rows])
    place = inf.venue_rows[picker.pick(rng, people.home_town[persons])]
    return {"person_id": persons + 1, "place_id": place + 1, "at": times(rng, n),
            "direction": np.zeros(n, np.int64), "from_city_id": np.full(n, None, object)}


def checkpoint_scans(rng: np.random.Generator, people: People, inf: Infrastructure, n: int) -> Columns:
    persons = _draw(rng, activity(people), n)
    place = inf.checkpoint_rows[rng.integers(0, len(inf.checkpoint_rows), n)]
    at = times(rng, n)
    direction = rng.choice([Direction.INBOUND, Direction.OUTBOUND], n).astype(np.int64)
    weights = np.array([c[3] for c in CITIES], float)
    weights[OUTBREAK_CITY_ID - 1] = 6  # a busy neighbour until it becomes a risk area
    city = rng.choice(len(CITIES), n, p=weights / weights.sum()) + 1
    # Travel from the outbreak city stops when it is declared; such arrivals are planted as scenarios.
    city = np.where((city == OUTBREAK_CITY_ID) & (at >= to_seconds(OUTBREAK_SINCE)), 3, city)
    from_city = np.where(direction == Direction.INBOUND, city, None).astype(object)
    return {"person_id": persons + 1, "place_id": place + 1, "at": at, "direction": direction, "from_city_id": from_city}


def samples(rng: np.random.Generator, people: People, inf: Infrastructure, scale: Scale,
            purchases: Columns, visits: Columns) -> Columns:
    """Weekly testing of key occupations once the outbreak response starts (a few lapse), one county-wide
    round, tests after fever-clinic visits and fever-drug purchases, and walk-ins."""
    since = to_seconds(OUTBREAK_SINCE)
    present = np.flatnonzero(people.present)
    key_codes = [OCCUPATIONS.index(o) for o in KEY_OCCUPATIONS]
    key = present[np.isin(people.columns["occupation"][present], key_codes)]
    phase = rng.integers(0, 7 * DAY, len(key))
    lapse = np.where(rng.random(len(key)) < 0.015, since + rng.integers(0, END_S - since, len(key)), END_S)
    weeks = (END_S - since) // (7 * DAY) + 1
    key_t = since + phase[:, None] + np.arange(weeks)[None, :] * 7 * DAY + rng.integers(-12, 13, (len(key), weeks)) * 3600
    keep = (key_t <= lapse[:, None]) & (key_t >= since)
    routine, routine_t = np.broadcast_to(key[:, None], key_t.shape)[keep], key_t[keep]
    mass = rng.choice(present, int(len(present) * 0.25), replace=False)
    mass_t = since + 4 * DAY + rng.integers(0, 2, len(mass)) * DAY + rng.integers(7 * 3600, 20 * 3600, len(mass))
    # Most who visit a fever clinic or buy fever, cough or antibiotic medicine are tested soon after.
    fever_visit = visits["fever_clinic"] & (rng.random(len(visits["at"])) < 0.95)
    drug_buy = (purchases["drug"] < 3) & (rng.random(len(purchases["at"])) < 0.85)
    follow = np.concatenate([visits["person_id"][fever_visit], purchases["person_id"][drug_buy]]) - 1
    follow_t = np.concatenate([visits["at"][fever_visit] + rng.integers(600, 6 * 3600, fever_visit.sum()),
                               purchases["at"][drug_buy] + rng.integers(4 * 3600, 40 * 3600, drug_buy.sum())])
    walk_in = present[_draw(rng, activity(people)[present] + 0.05, scale.walk_in_samples)]
    persons = np.concatenate([routine, mass, follow, walk_in])
    at = np.concatenate([routine_t, mass_t, follow_t, times(rng, len(walk_in), hourly=CLINIC_HOURS)])
    inside = at <= END_S
    return sample_rows(rng, inf, people, persons[inside], at[inside])


def sample_rows(rng: np.random.Generator, inf: Infrastructure, people: People, persons: np.ndarray, at: np.ndarray,
                result: TestResult = TestResult.NEGATIVE) -> Columns:
    """Sample columns for given people and times: nearest-town site, 3-48 h turnaround, pending if not back yet."""
    sites = np.flatnonzero(inf.facilities.columns["kind"] == FacilityKind.TEST_SITE)
    site = sites[Picker(inf.facility_town[sites]).pick(rng, people.home_town[persons], 0.95)]
    reported = at + np.clip(rng.lognormal(np.log(9 * 3600), 0.5, len(at)), 3 * 3600, 48 * 3600).astype(np.int64)
    pending = reported > END_S
    return {"person_id": persons + 1, "site_id": site + 1, "sampled_at": at,
            "reported_at": np.where(pending, None, reported).astype(object),
            "result": np.where(pending, None, int(result)).astype(object)}


COVERAGE = [(3, 0.0), (12, 0.85), (18, 0.95), (60, 0.93), (70, 0.86), (80, 0.72), (200, 0.45)]


def vaccinations(rng: np.random.Generator, people: People, inf: Infrastructure) -> Columns:
    """Doses 1-3 by age band; boosters keep arriving during the period."""
    age = people.age
    cover = np.zeros(len(age))
    low = 0
    for high, share in COVERAGE:
        cover[(age >= low) & (age < high)] = share
        low = high
    cover = np.where(people.columns["kind"] == PersonKind.FLOATING, cover * 0.8, cover)  # floating people: less covered
    cover = np.where(people.present, cover, 0.0)
    d1 = np.flatnonzero(rng.random(len(age)) < cover)
    child = age[d1] < 12
    t1 = np.where(child, to_seconds(dt.date(2021, 11, 1)) + rng.integers(0, 75, len(d1)) * DAY,
                  to_seconds(dt.date(2021, 4, 1)) + (rng.gamma(2.0, 35, len(d1)) * DAY).astype(np.int64))
    t1 = t1 + rng.integers(8 * 3600, 17 * 3600, len(d1))
    has2 = rng.random(len(d1)) < 0.96
    d2, t2 = d1[has2], t1[has2] + rng.integers(21, 57, has2.sum()) * DAY
    booster_share = np.where(age[d2] >= 18, 0.74, np.where(age[d2] >= 12, 0.3, 0.0))
    has3 = rng.random(len(d2)) < booster_share
    floor = to_seconds(dt.date(2021, 12, 1))
    t3 = np.maximum(t2[has3] + 180 * DAY, floor) + (rng.exponential(45, has3.sum()) * DAY).astype(np.int64)
    d3 = d2[has3]
    persons = np.concatenate([d1, d2, d3])
    dose = np.concatenate([np.full(len(d1), 1), np.full(len(d2), 2), np.full(len(d3), 3)])
    vaccine = np.concatenate([rng.choice(4, len(d1), p=[0.55, 0.35, 0.04, 0.06])])
    vaccine = np.concatenate([vaccine, vaccine[has2], rng.choice(4, len(d3), p=[0.5, 0.3, 0.05, 0.15])])
    sites = np.flatnonzero(inf.facilities.columns["kind"] == FacilityKind.VACCINATION_SITE)
    site = sites[Picker(inf.facility_town[sites]).pick(rng, people.home_town[persons], 0.95)]
    at = np.concatenate([t1, t2, t3])
    # Doses that would fall after the data period have not been given yet (a later dose always follows an
    # earlier one, so each person's doses stay a run 1, 2, 3): no record ends after the period.
    given = at <= END_S
    return {"person_id": persons[given] + 1, "dose": dose[given], "vaccine": vaccine[given], "at": at[given],
            "site_id": site[given] + 1}


def clinic_visits(rng: np.random.Generator, people: People, inf: Infrastructure, n: int) -> Columns:
    age = people.age
    w = np.where(people.present, np.where((age < 6) | (age >= 60), 2.0, 1.0), 0.0)
    persons = _draw(rng, w, n)
    # A few people keep coming back with fever: they are what the repeated-visit warning looks for.
    repeaters = _draw(rng, w, max(1, n // 1500))
    repeat_rows = rng.choice(n, min(n, len(repeaters) * 3), replace=False)
    persons[repeat_rows] = np.repeat(repeaters, 3)[: len(repeat_rows)]
    fever_clinic = rng.random(n) < 0.12
    diagnosis = np.where(fever_clinic, rng.choice(2, n, p=[0.6, 0.4]), rng.choice(6, n, p=[0.1, 0.22, 0.12, 0.14, 0.3, 0.12]))
    diagnosis[repeat_rows] = 0
    kinds = inf.facilities.columns["kind"]
    clinics = np.flatnonzero(kinds == FacilityKind.CLINIC)
    fever_sites = clinics[inf.facilities.columns["fever_clinic"][clinics]]
    site = clinics[Picker(inf.facility_town[clinics]).pick(rng, people.home_town[persons], 0.9)]
    fever_pick = fever_sites[Picker(inf.facility_town[fever_sites]).pick(rng, people.home_town[persons], 0.6)]
    site = np.where(fever_clinic, fever_pick, site)
    return {"person_id": persons + 1, "facility_id": site + 1, "at": times(rng, n, hourly=CLINIC_HOURS),
            "fever_clinic": fever_clinic, "diagnosis": diagnosis}


def purchases(rng: np.random.Generator, people: People, inf: Infrastructure, n: int) -> Columns:
    persons = _draw(rng, activity(people) + np.where(people.present, 0.1, 0.0), n)
    drug = rng.choice(4, n, p=[0.22, 0.2, 0.1, 0.48])
    # Some people buy fever medicine again and again within days.
    hoarders = _draw(rng, activity(people), max(1, n // 2000))
    rows = rng.choice(n, min(n, len(hoarders) * 3), replace=False)
    persons[rows] = np.repeat(hoarders, 3)[: len(rows)]
    drug[rows] = 0
    at = times(rng, n, hourly=SHOP_HOURS)
    at[rows] = np.repeat(times(rng, len(hoarders), hourly=SHOP_HOURS), 3)[: len(rows)] + rng.integers(0, 4 * DAY, len(rows))
    at = np.clip(at, START_S, END_S)
    pharmacies = np.flatnonzero(inf.facilities.columns["kind"] == FacilityKind.PHARMACY)
    site = pharmacies[Picker(inf.facility_town[pharmacies]).pick(rng, people.home_town[persons])]
    return {"person_id": persons + 1, "facility_id": site + 1, "at": at, "drug": drug,
            "quantity": rng.choice([1, 1, 1, 2, 2, 3], n)}

