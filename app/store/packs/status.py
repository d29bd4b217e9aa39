"""How a pack stands (age, unsynced changes, open conflicts) and which packs a centre has handed out."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.store.packs.meta import CREATED, PACK_ID, ROLE, SYNCED, UNIT
from app.store.store import Store
from app.store.tables.sync import PackChange, PackOut, SyncApplied, SyncConflict


@dataclass(frozen=True)
class PackStatus:
    pack_id: str
    unit_code: str
    role: str
    created_at: int
    synced_at: int
    unsynced: int
    open_conflicts: int


@dataclass(frozen=True)
class PackOutRow:
    pack_id: str
    unit_code: str
    role: str
    path: str
    created_at: int
    last_sync_at: int | None
    last_device: str | None
    changes_in: int


def pack_status(store: Store) -> PackStatus | None:
    """The pack's status, or None for a store that is not a pack."""
    meta = store.meta()
    if PACK_ID not in meta:
        return None
    c, a, k = PackChange.__table__, SyncApplied.__table__, SyncConflict.__table__
    with store.engine.connect() as conn:
        unsynced = conn.scalar(select(func.count()).select_from(c).where(c.c.uuid.not_in(select(a.c.uuid))))
        conflicts = conn.scalar(select(func.count()).select_from(k).where(k.c.status == "open"))
    return PackStatus(meta[PACK_ID], meta[UNIT], meta.get(ROLE, ""), int(meta[CREATED]), int(meta[SYNCED]),
                      int(unsynced or 0), int(conflicts or 0))


def packs_out(store: Store) -> list[PackOutRow]:
    o = PackOut.__table__
    with store.engine.connect() as conn:
        return [PackOutRow(**r._mapping) for r in conn.execute(select(o).order_by(o.c.created_at))]
