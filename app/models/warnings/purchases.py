"""Abnormal medicine purchases — fever, cough or antibiotic purchases not followed by a test within
``test_within_hours``, or ``repeat_count`` or more such purchases within the last ``repeat_within_hours``."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.models.warnings.evaluator import Evaluator, seconds
from app.models.warnings.evidence import Evidence, earliest_after
from app.models.warnings.inputs import RecordWindow
from app.models.warnings.rules import check_names
from app.store.queries import health_records as q
from app.store.tables.health import DRUGS


@dataclass(frozen=True)
class Params:
    drugs: tuple[str, ...]
    lookback_hours: float
    test_within_hours: float
    repeat_count: int
    repeat_within_hours: float

    def __post_init__(self) -> None:
        check_names(self.drugs, DRUGS, "drug categories")


def reach_hours(p: Params) -> float:
    return max(p.lookback_hours, p.repeat_within_hours)


def evaluate(w: RecordWindow, p: Params) -> Evidence:
    buys = q.purchases_between(w.store, w.as_of - seconds(reach_hours(p)), w.as_of, [DRUGS.index(d) for d in p.drugs])
    person, at, ids = buys["person_id"], buys["at"], buys["id"]
    within = seconds(p.test_within_hours)
    # Only purchases whose follow-up window has closed by ``as_of`` can be judged untested.
    judged = (at >= w.as_of - seconds(p.lookback_hours)) & (at + within <= w.as_of)
    s = w.samples
    next_test = earliest_after(s["person_id"], s["sampled_at"], person, at)
    untested = judged & ((next_test < 0) | (next_test > at + within))

    recent = at >= w.as_of - seconds(p.repeat_within_hours)
    people, counts = np.unique(person[recent], return_counts=True)
    repeaters = people[counts >= max(p.repeat_count, 1)]
    repeated = recent & np.isin(person, repeaters)
    return Evidence.concat([
        Evidence.of(person[untested], "pharmacy_purchases", ids[untested], at[untested], "untested_purchase"),
        Evidence.of(person[repeated & ~untested], "pharmacy_purchases", ids[repeated & ~untested],
                    at[repeated & ~untested], "repeated_purchase"),
    ])


EVALUATOR = Evaluator(Params, reach_hours, evaluate)
