"""应检未检 — people in a required-testing cohort without a negative test within the cohort's interval.

Each cohort has a trigger (an arrival from a risk area, a fever-clinic visit, the start of a home-quarantine
order; key occupations are always in) and two durations: the person is *due* once ``grace`` has passed since
the trigger, and is covered by a negative result (reported by ``as_of``) sampled at or after
``max(trigger, as_of - interval)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.domain.people import KEY_OCCUPATIONS, OCCUPATIONS
from app.models.warnings.evaluator import Evaluator, seconds
from app.models.warnings.evidence import Evidence, last_per_person, latest_before
from app.models.warnings.inputs import RecordWindow
from app.store.queries import health_records as q


@dataclass(frozen=True)
class TriggeredCohort:
    lookback_hours: float
    grace_hours: float
    interval_hours: float


@dataclass(frozen=True)
class QuarantineCohort:
    grace_hours: float
    interval_hours: float


@dataclass(frozen=True)
class StandingCohort:
    interval_hours: float


@dataclass(frozen=True)
class Params:
    risk_arrival: TriggeredCohort
    key_occupation: StandingCohort
    home_quarantine: QuarantineCohort
    fever_clinic: TriggeredCohort


def reach_hours(p: Params) -> float:
    return max(p.risk_arrival.lookback_hours, p.risk_arrival.interval_hours, p.key_occupation.interval_hours,
               p.home_quarantine.interval_hours, p.fever_clinic.lookback_hours, p.fever_clinic.interval_hours)


def _untested(w: RecordWindow, person: np.ndarray, trigger: np.ndarray, grace_h: float, interval_h: float) -> np.ndarray:
    """Mask of (person, trigger) pairs that are due and have no covering negative result."""
    due = w.as_of - trigger >= seconds(grace_h)
    start = np.maximum(trigger, w.as_of - seconds(interval_h))
    neg = w.negatives
    last = latest_before(neg["person_id"], neg["sampled_at"], person, np.full(len(person), w.as_of))
    return due & (last < start)


def _latest(person: np.ndarray, at: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    people, idx = last_per_person(person, at)
    return people, at[idx], ids[idx]


def evaluate(w: RecordWindow, p: Params) -> Evidence:
    parts = []
    c = p.risk_arrival
    arrivals = q.risk_arrivals(w.store, w.as_of - seconds(c.lookback_hours), w.as_of)
    person, trig, rec = _latest(arrivals["person_id"], arrivals["at"], arrivals["id"])
    hit = _untested(w, person, trig, c.grace_hours, c.interval_hours)
    parts.append(Evidence.of(person[hit], "scans", rec[hit], trig[hit], "risk_arrival"))

    c = p.fever_clinic
    visits = q.clinic_visits_between(w.store, w.as_of - seconds(c.lookback_hours), w.as_of, fever_clinic_only=True)
    person, trig, rec = _latest(visits["person_id"], visits["at"], visits["id"])
    hit = _untested(w, person, trig, c.grace_hours, c.interval_hours)
    parts.append(Evidence.of(person[hit], "clinic_visits", rec[hit], trig[hit], "fever_clinic"))

    h = p.home_quarantine
    orders = q.home_orders_active(w.store, w.as_of)
    person, trig, rec = _latest(orders["person_id"], orders["start_at"], orders["id"])
    hit = _untested(w, person, trig, h.grace_hours, h.interval_hours)
    parts.append(Evidence.of(person[hit], "quarantine_orders", rec[hit], trig[hit], "home_quarantine"))

    workers = q.people_with_occupations(w.store, [OCCUPATIONS.index(o) for o in KEY_OCCUPATIONS])
    hit = _untested(w, workers, np.zeros(len(workers), np.int64), 0, p.key_occupation.interval_hours)
    parts.append(Evidence.of(workers[hit], "persons", workers[hit], np.full(int(hit.sum()), -1), "key_occupation"))
    return Evidence.concat(parts)


EVALUATOR = Evaluator(Params, reach_hours, evaluate)
