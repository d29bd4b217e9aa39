"""Arrival from a risk area without report — an inbound checkpoint scan from a city that was a risk area
at the time, by someone whose declared return (报备) is missing or more than ``report_tolerance_hours`` off."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.models.warnings.evaluator import Evaluator, seconds
from app.models.warnings.evidence import Evidence
from app.models.warnings.inputs import RecordWindow
from app.store.queries import health_records as q


@dataclass(frozen=True)
class Params:
    lookback_hours: float
    report_tolerance_hours: float


def reach_hours(p: Params) -> float:
    return p.lookback_hours


def evaluate(w: RecordWindow, p: Params) -> Evidence:
    a = q.risk_arrivals(w.store, w.as_of - seconds(p.lookback_hours), w.as_of)
    declared = a["declared_return_at"]
    reported = (declared >= 0) & (np.abs(declared - a["at"]) <= seconds(p.report_tolerance_hours))
    hit = ~reported
    return Evidence.of(a["person_id"][hit], "scans", a["id"][hit], a["at"][hit], "arrival_without_report")


EVALUATOR = Evaluator(Params, reach_hours, evaluate)
