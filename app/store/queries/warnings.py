"""Reads of the ``warnings`` table: the stored warnings with their display labels, evidence, counts per grid."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import bindparam, func, inspect, select, text

from app.domain.roles import COUNTY_CODE, code_range
from app.domain.warnings import OPEN_STATUSES
from app.store.masking import mask_identity
from app.store.store import Store
from app.store.tables.warnings import WarningRecord

_T = WarningRecord.__table__
_COLUMNS = ("w.id, w.rule_id, w.person_id, COALESCE(w.grid_id, -1), w.status, COALESCE(w.task_id, -1), w.as_of, "
            "w.reason, p.id_masked, COALESCE(u.code, ''), COALESCE(g.name, '')")


@dataclass(frozen=True)
class StoredWarnings:
    """Row-aligned arrays of stored warnings, newest first, with what a panel shows beside each."""

    ids: np.ndarray
    rule_ids: np.ndarray  # object (str)
    person_ids: np.ndarray
    grid_ids: np.ndarray  # -1: no home grid
    status: np.ndarray
    task_ids: np.ndarray  # -1: no task yet
    as_of: np.ndarray
    reasons: np.ndarray  # object (str | None)
    masked: np.ndarray  # object: the person's masked identity number
    grid_codes: np.ndarray  # object: '' without a home grid
    leaders: np.ndarray  # object: the grid leader's name, '' without a home grid

    def __len__(self) -> int:
        return len(self.ids)


def has_warnings_table(store: Store) -> bool:
    """Stores made before the warnings table existed have none until a warning is first recorded."""
    return inspect(store.engine).has_table(_T.name)


def _where(store: Store, statuses: Sequence[int] | None, rule_id: str | None,
           ids: Sequence[int] | None) -> tuple[str, dict, list[str]]:
    clauses, params, expanding = [], {}, []
    if store.principal.scope != COUNTY_CODE:  # the warnings of people living under the principal's unit only
        clauses.append("w.grid_id IN (SELECT id FROM admin_units WHERE code >= :scope_low AND code < :scope_high)")
        params["scope_low"], params["scope_high"] = code_range(store.principal.scope)
    for name, values, clause in (("statuses", statuses, "w.status IN :statuses"), ("ids", ids, "w.id IN :ids")):
        if values is not None:
            clauses.append(clause)
            params[name] = [int(v) for v in values]
            expanding.append(name)
    if rule_id is not None:
        clauses.append("w.rule_id = :rule")
        params["rule"] = rule_id
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params, expanding


def stored_warnings(store: Store, statuses: Sequence[int] | None = None, rule_id: str | None = None,
                    ids: Sequence[int] | None = None, limit: int | None = None) -> StoredWarnings:
    """The newest ``limit`` warnings (all if None) matching the filters, in one query."""
    where, params, expanding = _where(store, statuses, rule_id, ids)
    sql = (f"SELECT {_COLUMNS} FROM warnings w JOIN persons p ON p.id = w.person_id "
           "LEFT JOIN admin_units u ON u.id = w.grid_id LEFT JOIN grid_leaders g ON g.grid_id = w.grid_id"
           f"{where} ORDER BY w.id DESC" + (f" LIMIT {int(limit)}" if limit is not None else ""))
    statement = text(sql).bindparams(*(bindparam(n, expanding=True) for n in expanding))
    rows = []
    if has_warnings_table(store) and (ids is None or ids):
        with store.engine.connect() as conn:
            rows = conn.execute(statement, params).all()
    cols = list(zip(*rows)) if rows else [()] * 11
    ints = {i: np.asarray(cols[i], np.int64) for i in (0, 2, 3, 4, 5, 6)}
    objs = {i: np.asarray(cols[i], object) for i in (1, 7, 9, 10)}
    objs[8] = np.array([mask_identity(m) for m in cols[8]], object)  # an older store's looser mask is narrowed
    return StoredWarnings(ints[0], objs[1], ints[2], ints[3], ints[4], ints[5], ints[6], objs[7], objs[8], objs[9], objs[10])


def count_warnings(store: Store, statuses: Sequence[int] | None = None, rule_id: str | None = None) -> int:
    if not has_warnings_table(store):
        return 0
    where, params, expanding = _where(store, statuses, rule_id, None)
    statement = text(f"SELECT COUNT(*) FROM warnings w{where}").bindparams(*(bindparam(n, expanding=True) for n in expanding))
    with store.engine.connect() as conn:
        return int(conn.execute(statement, params).scalar() or 0)


def open_keys(store: Store, rule_ids: list[str]) -> set[tuple[str, int]]:
    """(rule id, person id) of every open warning of the given rules."""
    query = select(_T.c.rule_id, _T.c.person_id).where(
        _T.c.status.in_([int(s) for s in OPEN_STATUSES]), _T.c.rule_id.in_(rule_ids))
    with store.engine.connect() as conn:
        return set(conn.execute(query).all())


def evidence_of(store: Store, warning_id: int) -> list[dict[str, object]]:
    with store.engine.connect() as conn:
        raw = conn.scalar(select(_T.c.evidence).where(_T.c.id == warning_id))
    return json.loads(raw) if raw else []


def open_counts_by_grid(store: Store) -> dict[int, int]:
    """grid id -> number of open warnings of people living there."""
    if not has_warnings_table(store):
        return {}
    query = (select(_T.c.grid_id, func.count()).where(_T.c.status.in_([int(s) for s in OPEN_STATUSES]),
                                                      _T.c.grid_id.is_not(None)).group_by(_T.c.grid_id))
    with store.engine.connect() as conn:
        return dict(conn.execute(query).all())


__all__ = ["StoredWarnings", "count_warnings", "evidence_of", "has_warnings_table", "open_counts_by_grid", "open_keys",
           "stored_warnings"]
