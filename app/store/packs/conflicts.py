"""Conflicts kept by sync, listed and resolved by a person: take the pack's value (mine), keep the centre's
(theirs) or write a merged one. A resolution is a compare-and-set on the row like any other change, and for a
task it is audited in ``task_events`` in the same transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from app.domain.errors import StoreError
from app.domain.tasks import CLOSED_STATUSES
from app.store.packs.journal import BY_TABLE
from app.store.queries import task_writes as w
from app.store.store import Store
from app.store.tables import Base
from app.store.tables.sync import SyncConflict

RESOLUTIONS = ("mine", "theirs", "merged")
_K = SyncConflict.__table__


@dataclass(frozen=True)
class ConflictRow:
    """One field in conflict: its base value, the pack's (mine) and the centre's (theirs)."""

    id: int
    entity: str
    entity_id: int
    field: str
    base: Any
    mine: Any
    theirs: Any
    author: str | None
    device: str
    at: int
    status: str
    resolution: str | None
    value: Any
    resolved_by: str | None


def _row(m: Any) -> ConflictRow:
    load = lambda v: None if v is None else json.loads(v)  # noqa: E731
    return ConflictRow(m["id"], m["entity"], m["entity_id"], m["field"], load(m["base"]), load(m["mine"]),
                       load(m["theirs"]), m["author"], m["device"], m["at"], m["status"], m["resolution"],
                       load(m["value"]), m["resolved_by"])


def list_conflicts(store: Store, open_only: bool = True) -> list[ConflictRow]:
    query = select(_K).order_by(_K.c.id)
    if open_only:
        query = query.where(_K.c.status == "open")
    with store.engine.connect() as conn:
        return [_row(r._mapping) for r in conn.execute(query)]


def open_count(store: Store) -> int:
    return len(list_conflicts(store))


def resolve(store: Store, conflict_id: int, take: str, by: str, now: int, merged: Any = None) -> ConflictRow:
    """Resolve one open conflict; returns it resolved. StoreError for an unknown or already resolved one."""
    if take not in RESOLUTIONS:
        raise StoreError(f"take one of {', '.join(RESOLUTIONS)}, not {take!r}")
    with store.begin() as conn:
        found = conn.execute(select(_K).where(_K.c.id == conflict_id)).first()
        if found is None:
            raise StoreError(f"no conflict with id {conflict_id}")
        c = _row(found._mapping)
        if c.status != "open":
            raise StoreError(f"conflict {conflict_id} was already resolved ({c.resolution}, by {c.resolved_by})")
        if take == "merged" and merged is None:
            raise StoreError("a merged resolution needs the value to keep (--value)")
        if c.entity not in BY_TABLE and take != "theirs":
            raise StoreError(f"conflict {conflict_id} is a row made offline ({c.entity}): it cannot be taken "
                             "automatically; keep theirs and enter it again at the centre")
        value = {"mine": c.mine, "theirs": c.theirs, "merged": merged}[take]
        table = Base.metadata.tables[c.entity]
        if take != "theirs":
            current = conn.execute(select(table).where(table.c.id == c.entity_id).with_for_update()).first()
            if current is None:
                raise StoreError(f"{c.entity} row {c.entity_id} is no longer at the centre")
            values: dict[str, Any] = {c.field: value, "updated_at": now}
            if c.entity == "tasks" and c.field == "status":
                values["closed_at"] = now if value in {int(s) for s in CLOSED_STATUSES} else None
            tracked = BY_TABLE[c.entity]
            if tracked.version:
                if not w.compare_and_set(conn, c.entity_id, current._mapping[tracked.version], values):
                    raise StoreError(f"task {c.entity_id} changed while resolving: try again")
            else:
                conn.execute(update(table).where(table.c.id == c.entity_id).values(**values))
        if c.entity == "tasks":
            before = c.theirs if c.field == "status" and take != "theirs" else None
            w.insert_events(conn, [{"task_id": c.entity_id, "at": now, "by": by, "action": "resolve",
                                    "from_status": before, "to_status": value if before is not None else None,
                                    "note": f"sync conflict {c.id} on {c.field}: took {take} ({value!r}); mine "
                                            f"{c.mine!r} from {c.device}, theirs {c.theirs!r}"}])
        conn.execute(update(_K).where(_K.c.id == conflict_id).values(
            status="resolved", resolution=take, value=json.dumps(value, ensure_ascii=False), resolved_by=by,
            resolved_at=now))
    return next(x for x in list_conflicts(store, open_only=False) if x.id == conflict_id)
