"""The audit trail: writing entries, sealing them into the hash chain (SQLite), and checking the chain and the
tasks against their events.

An entry's hash covers its id, time, database login, actor, action, subject, detail and the previous entry's
hash (each field length-prefixed, so no two different entries hash the same text). PostgreSQL computes it in a
trigger (``app.store.triggers``) with the same formula as :func:`entry_hash`, which checks both backends.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, text, update
from sqlalchemy.orm import aliased

from app.store.tables.access import AuditEntry
from app.store.tables.tasks import Task, TaskEvent

_A = AuditEntry.__table__
_INSERT = text("INSERT INTO audit_log (at, db_user, actor, action, subject, detail) "
              "VALUES (:at, '', :actor, :action, :subject, :detail)")
_HASHED = ("id", "at", "db_user", "actor", "action", "subject", "detail", "prev_hash")


def entry_hash(entry: dict[str, Any]) -> str:
    """The hash an entry must carry, from its fields (``prev_hash`` included)."""
    fields = ["" if entry[k] is None else str(entry[k]) for k in _HASHED]
    return hashlib.sha256("|".join(f"{len(f)}:{f}" for f in fields).encode()).hexdigest()


def record(conn: Connection, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None,
           at: int | None = None) -> None:
    """Append one entry inside the caller's transaction. On PostgreSQL make it the transaction's last write:
    it holds the chain's lock until commit."""
    # plain text: SQLAlchemy would add RETURNING id, and most roles may insert into the audit but not read it
    conn.execute(_INSERT, {"at": int(time.time()) if at is None else at, "actor": actor, "action": action,
                           "subject": subject, "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)})


def seal(conn: Connection) -> int:
    """Chain the entries not yet sealed (SQLite: inside the write transaction that added them). Returns how many."""
    pending = conn.execute(select(_A).where(_A.c.hash.is_(None)).order_by(_A.c.id)).mappings().all()
    if not pending:
        return 0
    prev = conn.scalar(select(_A.c.hash).where(_A.c.id < pending[0]["id"]).order_by(_A.c.id.desc()).limit(1)) or ""
    sealed = []
    for row in pending:
        entry = {**row, "prev_hash": prev}
        prev = entry_hash(entry)
        sealed.append({"entry": row["id"], "prev": entry["prev_hash"], "hash": prev})
    # one statement for all (a bulk dispatch's 904 entries: one UPDATE built per entry took half a second)
    conn.execute(update(_A).where(_A.c.id == bindparam("entry")).values(prev_hash=bindparam("prev"), hash=bindparam("hash")),
                 sealed)
    return len(pending)


@dataclass(frozen=True)
class Break:
    """The first entry where the chain does not hold, and why."""

    entry_id: int
    reason: str


@dataclass(frozen=True)
class Mismatch:
    """A task whose status is not where its events leave it (changed behind the application's back)."""

    task_id: int
    status: int
    by_events: int | None


@dataclass
class AuditReport:
    entries: int = 0
    broken: Break | None = None
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return self.broken is None and not self.mismatches


def _entries(conn: Connection, batch: int = 10_000) -> Iterator[dict[str, Any]]:
    after = 0
    while True:
        rows = conn.execute(select(_A).where(_A.c.id > after).order_by(_A.c.id).limit(batch)).mappings().all()
        if not rows:
            return
        yield from (dict(r) for r in rows)
        after = rows[-1]["id"]


def check_chain(conn: Connection) -> tuple[int, Break | None]:
    """Walk the chain from its first entry: (entries read, the first break or None)."""
    prev, expected_id, n = "", 1, 0
    for entry in _entries(conn):
        n += 1
        if entry["id"] != expected_id:
            return n, Break(expected_id, f"entry {expected_id} is missing (the next one is {entry['id']})")
        if entry["hash"] is None:
            return n, Break(entry["id"], f"entry {entry['id']} was never sealed into the chain")
        if entry["prev_hash"] != prev:
            return n, Break(entry["id"], f"entry {entry['id']} does not carry the hash of entry {expected_id - 1}")
        if entry_hash(entry) != entry["hash"]:
            return n, Break(entry["id"], f"entry {entry['id']} ({entry['action']} {entry['subject']}) was altered: "
                                         "its contents do not match its hash")
        prev, expected_id = entry["hash"], expected_id + 1
    return n, None


def state_mismatches(conn: Connection, limit: int = 1000) -> list[Mismatch]:
    """Tasks whose status differs from the ``to_status`` of their last status-changing event."""
    t, e = Task.__table__, TaskEvent.__table__
    last_id = (select(e.c.task_id, func.max(e.c.id).label("event_id")).where(e.c.to_status.is_not(None))
               .group_by(e.c.task_id).subquery())
    last = aliased(e)
    query = (select(t.c.id, t.c.status, last.c.to_status)
             .outerjoin(last_id, last_id.c.task_id == t.c.id).outerjoin(last, last.c.id == last_id.c.event_id)
             .where(last.c.to_status.is_(None) | (last.c.to_status != t.c.status)).order_by(t.c.id).limit(limit))
    return [Mismatch(int(i), int(s), None if b is None else int(b)) for i, s, b in conn.execute(query)]


def verify(conn: Connection) -> AuditReport:
    n, broken = check_chain(conn)
    return AuditReport(n, broken, state_mismatches(conn))


def recent(conn: Connection, limit: int = 50) -> list[dict[str, Any]]:
    """The newest entries, newest first."""
    rows = conn.execute(select(_A).order_by(_A.c.id.desc()).limit(limit)).mappings().all()
    return [dict(r) for r in rows]



__all__ = ["AuditReport", "Break", "Mismatch", "check_chain", "entry_hash", "record", "recent", "seal",
           "state_mismatches", "verify"]
