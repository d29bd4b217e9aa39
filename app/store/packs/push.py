"""Sending a pack's changes to the centre: each change applied exactly once, field by field, or kept as a
conflict — never written over what the centre changed meanwhile.

A change of a row carries its tracked fields before and after. For each field the pack changed, the centre's
current value decides: still the pack's "before" → the pack's value is taken; already the pack's value →
nothing to do; anything else → the centre changed it too, and the field is a conflict kept for a person. The
fields taken are written compare-and-set on the row's version; the change's uuid goes into ``sync_applied`` in
the same transaction, so a sync killed half-way and run again skips what the centre already has.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app.store.packs.journal import BY_TABLE, DELETES, INSERTS, NEW_ROWS
from app.store.packs.new_rows import REFERENCES, LocalIds, NewRow, insert_new, load_local_ids
from app.store.queries import task_writes as w
from app.store.store import Store
from app.store.tables import Base
from app.store.tables.sync import PackChange, PackOut, SyncApplied, SyncConflict

APPLIED, CONFLICT = "applied", "conflict"
BATCH = 1_000  # changes per centre transaction: progress between them, little lost to a kill
NEW_ROW = "(new row)"


@dataclass(frozen=True)
class ChangeRow:
    seq: int
    uuid: str
    kind: str
    entity: str
    entity_id: int
    base_version: int | None
    before: dict[str, Any]
    after: dict[str, Any]
    parent_uuid: str | None
    author: str | None
    device: str
    at: int


@dataclass
class PushReport:
    sent: int = 0
    applied: int = 0
    conflicts: int = 0  # fields kept as conflicts
    already: int = 0  # changes the centre had from an earlier (perhaps interrupted) sync
    new_rows: int = 0  # rows made offline the centre took as new rows (people, tasks, incidents)
    outcomes: dict[str, str] = field(default_factory=dict)


def unsynced(pack: Store) -> list[ChangeRow]:
    """The pack's changes the centre has not confirmed, oldest first."""
    c, a = PackChange.__table__, SyncApplied.__table__
    query = select(c).where(c.c.uuid.not_in(select(a.c.uuid))).order_by(c.c.seq)
    with pack.engine.connect() as conn:
        return [_change(r._mapping) for r in conn.execute(query)]


def _change(m: Any) -> ChangeRow:
    return ChangeRow(m["seq"], m["uuid"], m["kind"], m["entity"], m["entity_id"], m["base_version"],
                     json.loads(m["before"] or "{}"), json.loads(m["after"] or "{}"), m["parent_uuid"], m["author"],
                     m["device"], m["at"])


def push(centre: Store, pack_id: str, changes: Sequence[ChangeRow], now: int,
         progress: Callable[[int, int], None] | None = None, made: Sequence[NewRow] = ()) -> PushReport:
    """Apply ``changes`` at the centre in batches; each batch one transaction with its ``sync_applied`` rows.
    ``made``: the pack's new rows since its last pull, whose ids later changes may name."""
    report = PushReport(sent=len(changes))
    with centre.engine.connect() as conn:
        local = load_local_ids(conn, made)
    for start in range(0, len(changes), BATCH):
        batch = changes[start:start + BATCH]
        with centre.begin() as conn:
            _apply_batch(conn, pack_id, batch, now, report, local)
            if batch:
                o = PackOut.__table__
                conn.execute(update(o).where(o.c.pack_id == pack_id).values(
                    last_sync_at=now, last_device=batch[-1].device, changes_in=o.c.changes_in + len(batch)))
        if progress is not None:
            progress(start + len(batch), len(changes))
    return report


def _apply_batch(conn: Connection, pack_id: str, batch: Sequence[ChangeRow], now: int, report: PushReport,
                 local: LocalIds) -> None:
    a = SyncApplied.__table__
    done = dict(conn.execute(select(a.c.uuid, a.c.outcome).where(a.c.uuid.in_([c.uuid for c in batch]))).all())
    applied_rows = []
    appended: dict[str, list[dict[str, Any]]] = defaultdict(list)  # written once per batch: 1,000 rows, 1 statement
    for change in batch:
        if change.uuid in done:
            report.already += 1
            report.outcomes[change.uuid] = done[change.uuid]
            continue
        centre_id = None
        try:
            change = _carried(change, local)
        except LookupError:  # about a row made offline that the centre kept as a conflict: kept beside it
            change = replace(change, kind="orphan")
        if change.kind == "new" and change.entity in NEW_ROWS and change.after:  # (a pack older than its table)
            centre_id = insert_new(conn, change.entity, change.after)
            local.centre_ids[change.uuid] = centre_id
            outcome = APPLIED
            report.new_rows += 1
        elif change.kind == "update" and change.entity in BY_TABLE:
            outcome = _merge_update(conn, pack_id, change, now, report)
        elif change.kind == "insert" and change.entity in INSERTS:
            appended[change.entity].append(_appended(change, _parent_outcome(conn, change, report)))
            outcome = APPLIED
        elif change.kind == "delete" and change.entity in DELETES:
            _write_appended(conn, appended)  # a row added earlier in this batch is at the centre before it goes
            _remove_matching(conn, change)
            outcome = APPLIED
        else:  # a row made offline that sync cannot place: kept as a conflict, so it is seen and never lost
            _conflict(conn, pack_id, change, NEW_ROW, {}, {"id": change.entity_id}, None)
            outcome = CONFLICT
            report.conflicts += 1
        report.outcomes[change.uuid] = outcome
        report.applied += outcome == APPLIED
        applied_rows.append({"uuid": change.uuid, "pack_id": pack_id, "outcome": outcome, "applied_at": now,
                             "centre_id": centre_id})
    _write_appended(conn, appended)
    if applied_rows:
        conn.execute(insert(a), applied_rows)


def _write_appended(conn: Connection, appended: dict[str, list[dict[str, Any]]]) -> None:
    for table_name, rows in appended.items():
        if table_name == "task_events":
            w.insert_events(conn, rows)
        elif rows:
            conn.execute(insert(Base.metadata.tables[table_name]), rows)
    appended.clear()


def _remove_matching(conn: Connection, change: ChangeRow) -> None:
    """Take out one centre row saying what the removed row said (none left: someone took it out already)."""
    table = Base.metadata.tables[change.entity]
    _parent_column, columns = DELETES[change.entity]
    said = {**{c: change.before.get(c) for c in columns}, _parent_column: change.entity_id}
    match = [table.c[c].is_(None) if v is None else table.c[c] == v for c, v in said.items()]
    row_id = conn.scalar(select(table.c.id).where(*match).order_by(table.c.id).limit(1))
    if row_id is not None:
        conn.execute(delete(table).where(table.c.id == row_id))


def _carried(change: ChangeRow, local: LocalIds) -> ChangeRow:
    """The change with the pack's ids of rows made offline replaced by the centre's."""
    entity_id = change.entity_id
    if change.kind in ("insert", "delete") and change.entity in {**INSERTS, **DELETES}:  # the row names its parent
        parent_column = (INSERTS.get(change.entity) or DELETES[change.entity])[0]
        parent = REFERENCES.get(change.entity, {}).get(parent_column)
        entity_id = local.centre_id(parent, entity_id, change.seq) if parent else entity_id
    elif change.kind == "update":
        entity_id = local.centre_id(change.entity, entity_id, change.seq)
    return replace(change, entity_id=entity_id, before=local.carried(change.entity, change.before, change.seq),
                   after=local.carried(change.entity, change.after, change.seq))


def _merge_update(conn: Connection, pack_id: str, change: ChangeRow, now: int, report: PushReport) -> str:
    tracked = BY_TABLE[change.entity]
    table = Base.metadata.tables[change.entity]
    cols = [table.c[f] for f in tracked.fields] + ([table.c[tracked.version]] if tracked.version else [])
    current = conn.execute(select(*cols).where(table.c.id == change.entity_id).with_for_update()).first()
    if current is None:
        _conflict(conn, pack_id, change, NEW_ROW, change.before, change.after, None)
        report.conflicts += 1
        return CONFLICT
    theirs = dict(current._mapping)
    take: dict[str, Any] = {}
    clashes = []
    for name in tracked.fields:
        before, mine = change.before.get(name), change.after.get(name)
        if name in tracked.followers or before == mine:
            continue
        if theirs[name] == before:
            take[name] = mine
        elif theirs[name] != mine:
            clashes.append(name)
    for name in clashes:
        _conflict(conn, pack_id, change, name, change.before.get(name), change.after.get(name), theirs[name])
    report.conflicts += len(clashes)
    if take:
        if "status" in take and "closed_at" in change.after:
            take["closed_at"] = change.after["closed_at"]
        if "updated_at" in table.c:
            take["updated_at"] = change.after.get("updated_at", now)
        if tracked.version:  # compare-and-set on the version read under the lock: the dispatch service's rule
            if not w.compare_and_set(conn, change.entity_id, theirs[tracked.version], take):
                raise RuntimeError(f"task {change.entity_id} changed under its lock")
        else:
            conn.execute(update(table).where(table.c.id == change.entity_id).values(**take))
    return CONFLICT if clashes else APPLIED


def _parent_outcome(conn: Connection, change: ChangeRow, report: PushReport) -> str:
    if change.parent_uuid is None:
        return APPLIED
    if change.parent_uuid in report.outcomes:
        return report.outcomes[change.parent_uuid]
    a = SyncApplied.__table__
    return conn.scalar(select(a.c.outcome).where(a.c.uuid == change.parent_uuid)) or APPLIED


def _appended(change: ChangeRow, parent: str) -> dict[str, Any]:
    """The row an event made offline adds to the centre's log, marked with its device. The event of a change that
    ended in conflict is kept as a note: it did not happen at the centre, and the task's replay must not
    count it as a status change."""
    _parent_column, columns = INSERTS[change.entity]
    row = {c: change.after.get(c) for c in columns}
    if "note" in row:
        row["note"] = f"[offline {change.device}] {row.get('note') or ''}".rstrip()
    if change.entity == "task_events" and parent != APPLIED:
        row["note"] = (f"[offline {change.device}] not applied (conflict): {row['action']} "
                       f"{row['from_status']}→{row['to_status']} {change.after.get('note') or ''}").rstrip()
        row.update(action="offline", from_status=None, to_status=None)
    return row


def _conflict(conn: Connection, pack_id: str, change: ChangeRow, name: str, base: Any, mine: Any, theirs: Any) -> None:
    conn.execute(insert(SyncConflict.__table__).values(
        change_uuid=change.uuid, pack_id=pack_id, entity=change.entity, entity_id=change.entity_id, field=name,
        base=json.dumps(base, ensure_ascii=False), mine=json.dumps(mine, ensure_ascii=False),
        theirs=json.dumps(theirs, ensure_ascii=False), author=change.author, device=change.device, at=change.at,
        status="open"))
