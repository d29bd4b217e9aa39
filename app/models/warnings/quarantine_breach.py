"""Quarantine breach — a venue or checkpoint scan while under a home-quarantine order.

A scan means the person was out at a place, which a home-quarantine order forbids wherever the place is.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models.warnings.evaluator import Evaluator, seconds
from app.models.warnings.evidence import Evidence
from app.models.warnings.inputs import RecordWindow
from app.store.queries import health_records as q


@dataclass(frozen=True)
class Params:
    lookback_hours: float


def reach_hours(p: Params) -> float:
    return p.lookback_hours


def evaluate(w: RecordWindow, p: Params) -> Evidence:
    scans = q.scans_under_home_orders(w.store, w.as_of - seconds(p.lookback_hours), w.as_of)
    return Evidence.of(scans["person_id"], "scans", scans["id"], scans["at"], "scan_away_from_home")


EVALUATOR = Evaluator(Params, reach_hours, evaluate)
