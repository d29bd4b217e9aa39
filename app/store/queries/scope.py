"""What the store's principal may see of the engines' results: units under its unit, people living there.

PostgreSQL's row-level security already hides other units' people and records from a unit operator; the
embedded store has no such thing, so the engines (indicators, warnings, screening, tracing) ask here and keep
only what these answer on either backend — the same rule in both places. The rule is PostgreSQL's policy
(``app.store.access``): a unit operator sees the records of the people living in its unit, wherever they were
made, and none of anyone else's — so a figure by place (scans at a town's markets) counts its own people only,
on both backends (:func:`visible_rows` applies it to the indicator engine's reads on the embedded store).
"""

from __future__ import annotations

import numpy as np

from app.domain.roles import COUNTY_CODE, code_range
from app.store.queries.arrays import fetch_ints_for
from app.store.store import Store
from app.store.tables import RECORD_TABLES

_UNITS = "SELECT id FROM admin_units WHERE code >= :scope_low AND code < :scope_high"
# PostgreSQL's policy per table, as the embedded store's data layer keeps it (persons by home grid, warnings by
# grid, records by their person)
_RULES = {"persons": f"home_grid_id IN ({_UNITS})", "warnings": f"grid_id IN ({_UNITS})",
          **{t: f"person_id IN (SELECT id FROM persons WHERE home_grid_id IN ({_UNITS}))" for t in RECORD_TABLES}}


def scoped(store: Store) -> bool:
    """True when the principal sees less than the whole county (a town or grid operator)."""
    return store.principal.scope != COUNTY_CODE


def visible_codes(store: Store, codes: np.ndarray) -> np.ndarray:
    """Which of these unit codes lie under the principal's unit (bool, row-aligned)."""
    codes = np.asarray(codes).astype(str)
    return np.char.startswith(codes, store.principal.scope) if scoped(store) else np.ones(len(codes), bool)


def visible_people(store: Store, person_ids: np.ndarray) -> np.ndarray:
    """Which of these people live under the principal's unit (bool, row-aligned; no home grid: only the county
    sees them, as on PostgreSQL, whose policy keys on the home grid)."""
    person_ids = np.asarray(person_ids, np.int64)
    if not scoped(store):
        return np.ones(len(person_ids), bool)
    low, high = code_range(store.principal.scope)
    seen = fetch_ints_for(store, "SELECT p.id FROM persons p JOIN admin_units g ON g.id = p.home_grid_id "
                                 "WHERE p.id IN :ids AND g.code >= :low AND g.code < :high",
                          ("id",), person_ids, {"low": low, "high": high})["id"]
    return np.isin(person_ids, seen)


def visible_rows(store: Store, table: str) -> tuple[str, dict[str, str]]:
    """An SQL condition (`` AND …``) and its parameters keeping the rows of ``table`` the principal may see, on
    the embedded store; ``("", {})`` where nothing is hidden or where PostgreSQL's row-level security hides it."""
    rule = _RULES.get(table)
    if rule is None or store.dialect != "sqlite" or not scoped(store):
        return "", {}
    low, high = code_range(store.principal.scope)
    return f" AND {rule}", {"scope_low": low, "scope_high": high}


__all__ = ["scoped", "visible_codes", "visible_people", "visible_rows"]
