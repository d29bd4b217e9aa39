"""Evaluate the warning rules over the whole store (what the principal may see of it) as of any time, and route
each warning to its grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.models.as_of import check_time, store_period
from app.models.warnings import clinic_visits, purchases, quarantine_breach, risk_arrival, should_test
from app.models.warnings.evaluator import Evaluator, seconds
from app.models.warnings.evidence import Evidence
from app.models.warnings.inputs import RecordWindow
from app.models.warnings.rules import RULES_FILE, Rule, RuleError, load_rules, parse_params
from app.store.queries.health_records import home_grids
from app.store.queries.scope import scoped, visible_people
from app.store.store import Store

EVALUATORS: dict[str, Evaluator] = {
    "should_test_not_tested": should_test.EVALUATOR,
    "abnormal_purchase": purchases.EVALUATOR,
    "repeated_clinic_visits": clinic_visits.EVALUATOR,
    "quarantine_breach": quarantine_breach.EVALUATOR,
    "risk_area_arrival": risk_arrival.EVALUATOR,
}


def rules(path: Path = RULES_FILE) -> list[Rule]:
    """The declared rules, validated against the evaluators' parameters."""
    return load_rules(path, {rid: ev.params for rid, ev in EVALUATORS.items()})


@dataclass(frozen=True)
class Findings:
    """What one rule found as of a time: one row per person, evidence grouped by person in time order."""

    rule: Rule
    as_of: int
    person_id: np.ndarray  # int64, ascending
    grid_id: np.ndarray  # int64, -1: the person has no home grid
    evidence: Evidence  # sorted by person, then time
    offsets: np.ndarray  # person i's evidence is rows offsets[i]:offsets[i + 1]

    def __len__(self) -> int:
        return len(self.person_id)

    def refs(self, i: int) -> list[dict[str, object]]:
        return self.evidence.refs(int(self.offsets[i]), int(self.offsets[i + 1]))


def evaluate(store: Store, as_of: int, rule_ids: Sequence[str] | None = None,
             declared: Sequence[Rule] | None = None) -> list[Findings]:
    """Every (selected) rule as of ``as_of``: records after it are never read. OutsidePeriod if ``as_of`` is not a
    day of the store's data (before it every key worker would look untested)."""
    check_time(as_of, store_period(store.meta()))
    chosen = list(declared if declared is not None else rules())
    if rule_ids is not None:
        unknown = sorted(set(rule_ids) - {r.id for r in chosen})
        if unknown:
            raise RuleError(f"unknown rule(s) {', '.join(unknown)} (rules: {', '.join(r.id for r in chosen)})")
        chosen = [r for r in chosen if r.id in rule_ids]
    params = {r.id: parse_params(EVALUATORS[r.id].params, r.parameters, f"rule {r.id!r}") for r in chosen}
    reach = max((EVALUATORS[r.id].reach_hours(params[r.id]) for r in chosen), default=0.0)
    window = RecordWindow(store, as_of, as_of - seconds(reach))
    found = [(r, EVALUATORS[r.id].evaluate(window, params[r.id]).sorted()) for r in chosen]
    everyone = np.unique(np.concatenate([ev.person_id for _, ev in found] or [np.zeros(0, np.int64)]))
    if scoped(store):  # a unit operator's warnings are its own people's (row-level security's rule, kept here too)
        everyone = everyone[visible_people(store, everyone)]
        found = [(r, ev.take(np.isin(ev.person_id, everyone))) for r, ev in found]
    homes = home_grids(store, everyone)
    out = []
    for rule, ev in found:
        people, starts = np.unique(ev.person_id, return_index=True)
        grid = homes["grid_id"][np.searchsorted(homes["person_id"], people)] if len(people) else np.zeros(0, np.int64)
        out.append(Findings(rule, as_of, people, grid, ev, np.r_[starts, len(ev)].astype(np.int64)))
    return out
