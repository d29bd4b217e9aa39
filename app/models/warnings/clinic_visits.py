"""Repeated clinic visits — ``min_visits`` or more visits with a listed diagnosis within ``within_hours``."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.models.warnings.evaluator import Evaluator, seconds
from app.models.warnings.evidence import Evidence
from app.models.warnings.inputs import RecordWindow
from app.models.warnings.rules import check_names
from app.store.queries import health_records as q
from app.store.tables.health import DIAGNOSES


@dataclass(frozen=True)
class Params:
    diagnoses: tuple[str, ...]
    min_visits: int
    within_hours: float

    def __post_init__(self) -> None:
        check_names(self.diagnoses, DIAGNOSES, "diagnoses")


def reach_hours(p: Params) -> float:
    return p.within_hours


def evaluate(w: RecordWindow, p: Params) -> Evidence:
    visits = q.clinic_visits_between(w.store, w.as_of - seconds(p.within_hours), w.as_of,
                                     [DIAGNOSES.index(d) for d in p.diagnoses])
    people, counts = np.unique(visits["person_id"], return_counts=True)
    hit = np.isin(visits["person_id"], people[counts >= max(p.min_visits, 1)])
    return Evidence.of(visits["person_id"][hit], "clinic_visits", visits["id"][hit], visits["at"][hit], "repeated_visit")


EVALUATOR = Evaluator(Params, reach_hours, evaluate)
