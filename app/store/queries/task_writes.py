"""Writing the dispatch queue inside a caller's transaction: inserts and compare-and-set updates.

On SQLite a writer should make its first statement a write (it then holds the write lock and reads the
latest data); callers read what they need beforehand on another connection and write here afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from app.domain.quarantine import QuarantineKind
from app.domain.tasks import TaskRow
from app.store.masking import mask_identities_in
from app.store.queries.arrays import IN_CHUNK
from app.store.queries.tasks import task_row
from app.store.tables.quarantine import QuarantineOrder, Transfer
from app.store.tables.tasks import Task, TaskEvent, TaskPerson, Trip

_FREE_TEXT = ("title", "note")


def _masked(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` with any identity number typed into its free text masked: the store keeps none in clear."""
    return {k: mask_identities_in(v) if k in _FREE_TEXT and isinstance(v, str) else v for k, v in row.items()}


def insert_tasks(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert tasks and return their ids in the order given."""
    if not rows:
        return []
    t = Task.__table__
    result = conn.execute(insert(t).returning(t.c.id, sort_by_parameter_order=True), [_masked(r) for r in rows])
    return [int(i) for i in result.scalars()]


def insert_events(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert(TaskEvent.__table__), [_masked(r) for r in rows])


def insert_people(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert(TaskPerson.__table__), list(rows))


def compare_and_set(conn: Connection, task_id: int, version: int, values: Mapping[str, Any]) -> bool:
    """Apply ``values`` only if the task is still at ``version``; bump the version. True if it was applied."""
    t = Task.__table__
    statement = (update(t).where(t.c.id == task_id, t.c.version == version)
                 .values(**_masked(values), version=t.c.version + 1))
    return conn.execute(statement).rowcount == 1


def set_all(conn: Connection, task_ids: Sequence[int], values: Mapping[str, Any]) -> int:
    """Apply ``values`` to every task of ``task_ids`` and bump their versions: one statement per ``IN_CHUNK`` ids.
    For tasks the transaction has locked (see ``task_rows(lock=True)``), so no compare-and-set is needed."""
    t, changed = Task.__table__, 0
    for start in range(0, len(task_ids), IN_CHUNK):
        chunk = list(task_ids[start : start + IN_CHUNK])
        changed += conn.execute(update(t).where(t.c.id.in_(chunk)).values(**_masked(values), version=t.c.version + 1)).rowcount
    return changed


def lock_task(conn: Connection, task_id: int) -> TaskRow | None:
    """The task's current row, locked until the transaction ends (PostgreSQL; SQLite holds the write lock)."""
    t = Task.__table__
    conn.execute(select(t.c.id).where(t.c.id == task_id).with_for_update())
    return task_row(conn, task_id)


def next_claimable(conn: Connection, status: int, low: str, high: str) -> TaskRow | None:
    """The most urgent unclaimed task at ``status`` among assignee codes in [low, high), locked; tasks other
    transactions hold are skipped (PostgreSQL's SKIP LOCKED), so claimers never queue behind each other."""
    t = Task.__table__
    query = (select(t.c.id).where(t.c.status == status, t.c.claimed_by.is_(None), t.c.assignee_code >= low,
                                  t.c.assignee_code < high)
             .order_by(t.c.priority, t.c.due_at, t.c.id).limit(1).with_for_update(skip_locked=True))
    task_id = conn.scalar(query)
    return None if task_id is None else task_row(conn, task_id)


def children(conn: Connection, parent_id: int) -> list[TaskRow]:
    t = Task.__table__
    ids = conn.scalars(select(t.c.id).where(t.c.parent_id == parent_id).order_by(t.c.id).with_for_update()).all()
    return [row for i in ids if (row := task_row(conn, i)) is not None]


def insert_trip(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(Trip.__table__).values(**values))


def update_trip(conn: Connection, task_id: int, values: Mapping[str, Any]) -> None:
    r = Trip.__table__
    conn.execute(update(r).where(r.c.task_id == task_id).values(**values))


def record_arrivals(conn: Connection, person_ids: Sequence[int], facility_id: int, trip: Mapping[str, Any],
                    arrived_at: int, quarantine_days: int, reason: int) -> None:
    """People delivered to a quarantine facility: a transfer record and a centralised order for each."""
    if not person_ids:
        return
    conn.execute(insert(Transfer.__table__), [
        {"person_id": p, "facility_id": facility_id, "vehicle": trip["vehicle"], "origin": trip["origin"],
         "pickup_at": trip["pickup_at"], "arrival_at": arrived_at} for p in person_ids])
    conn.execute(insert(QuarantineOrder.__table__), [
        {"person_id": p, "kind": int(QuarantineKind.CENTRALISED), "reason": reason, "facility_id": facility_id,
         "start_at": arrived_at, "end_at": arrived_at + quarantine_days * 86_400} for p in person_ids])


__all__ = ["children", "compare_and_set", "next_claimable", "insert_events", "insert_people", "insert_tasks", "insert_trip",
           "lock_task", "record_arrivals", "set_all", "update_trip"]
