"""Writes to the ``warnings`` table: record new warnings once, and move them along their lifecycle.

Both writes are safe with several consoles on one store: inserts skip any (rule, person) that already has an
open warning (the partial unique index decides), and status changes are compare-and-set on the old status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite

from app.domain.warnings import WarningStatus
from app.store.masking import mask_identities_in
from app.store.store import Store
from app.store.tables.warnings import WarningRecord

_T = WarningRecord.__table__


@dataclass(frozen=True)
class NewWarning:
    rule_id: str
    person_id: int
    grid_id: int | None
    evidence: str  # JSON
    as_of: int


def insert_new(store: Store, rows: Sequence[NewWarning], now: int | None = None) -> int:
    """Insert each warning unless its (rule, person) already has an open one; returns how many were added.

    A warning is created at ``now``, or by default at its ``as_of``: the moment on the store's timeline when
    the rule fired (the wall clock in live use, the replayed day in a drill or on the demo county)."""
    if not rows:
        return 0
    dialect = postgresql if store.dialect == "postgresql" else sqlite
    values = [{"rule_id": r.rule_id, "person_id": r.person_id, "grid_id": r.grid_id, "evidence": r.evidence,
               "as_of": r.as_of, "status": int(WarningStatus.NEW), "created_at": r.as_of if now is None else now,
               "updated_at": r.as_of if now is None else now} for r in rows]
    with store.begin() as conn:
        # RETURNING counts the rows actually added on both backends (executemany rowcount is not portable).
        return len(conn.execute(dialect.insert(_T).on_conflict_do_nothing().returning(_T.c.id), values).all())


def change_status(store: Store, ids: Sequence[int], allowed_from: Sequence[WarningStatus], to: WarningStatus, now: int,
                  reason: str | None = None, task_ids: Sequence[int] | None = None) -> list[int]:
    """Move each warning whose status is in ``allowed_from`` to ``to``; returns the ids actually changed."""
    changed = []
    with store.begin() as conn:
        for i, wid in enumerate(ids):
            values: dict[str, object] = {"status": int(to), "updated_at": now}
            if reason is not None:
                values["reason"] = mask_identities_in(reason)  # the store keeps no identity number typed in clear
            if task_ids is not None:
                values["task_id"] = task_ids[i]
            statement = update(_T).where(_T.c.id == wid, _T.c.status.in_([int(s) for s in allowed_from])).values(**values)
            if conn.execute(statement).rowcount == 1:
                changed.append(int(wid))
    return changed


__all__ = ["NewWarning", "change_status", "insert_new"]
