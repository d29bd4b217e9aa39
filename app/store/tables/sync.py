"""Offline packs and their sync: the change log a pack records, what the centre has applied, the conflicts
kept for a person to resolve, and the packs the centre has handed out.

Every store has these tables (a pack is a normal store): in a pack ``pack_changes`` fills as work is done
offline; at the centre ``sync_applied`` remembers every change uuid applied (in the same transaction as the
change, so a sync killed half-way and run again adds nothing twice) and ``sync_conflicts`` keeps each field a
change could not take because the centre had changed it too.
"""

from __future__ import annotations

from sqlalchemy import DDL, BigInteger, Index, LargeBinary, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, BigPK, Name, OptSeconds, Seconds


class PackChange(Base):
    """One change made in a pack (append-only): a row of a tracked table changed (``before``/``after`` of its
    tracked fields, the row's ``base_version``) or a row appended (``after``). ``parent_uuid`` ties an audit
    event to the task change it belongs to."""

    __tablename__ = "pack_changes"
    __table_args__ = (Index("ix_pack_changes_entity", "entity", "entity_id"),)

    seq: Mapped[BigPK]
    uuid: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # update | insert
    entity: Mapped[str] = mapped_column(String(32))  # the table
    entity_id: Mapped[int] = mapped_column()
    base_version: Mapped[int | None] = mapped_column()
    before: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the tracked fields before
    after: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the tracked fields after (or the new row)
    parent_uuid: Mapped[str | None] = mapped_column(String(32))
    author: Mapped[str | None] = mapped_column(String(80))
    device: Mapped[str] = mapped_column(String(80))
    at: Mapped[Seconds]


class SyncApplied(Base):
    """A pack change the centre has taken (``outcome`` applied | conflict | skipped), exactly once; for a row
    made offline, the id the centre gave it (``centre_id``)."""

    __tablename__ = "sync_applied"

    uuid: Mapped[str] = mapped_column(String(32), primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(8))
    applied_at: Mapped[Seconds]
    centre_id: Mapped[int | None] = mapped_column(BigInteger)


class SyncConflict(Base):
    """One field a pack change could not take: the value at the pack's base, the pack's (mine) and the
    centre's (theirs). Resolved by a person: which side was taken (or a merged value), by whom, when."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_status", "status", "entity", "entity_id"),)

    id: Mapped[BigPK]
    change_uuid: Mapped[str] = mapped_column(String(32))
    pack_id: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column()
    field: Mapped[str] = mapped_column(String(32))
    base: Mapped[str] = mapped_column(Text)  # JSON values
    mine: Mapped[str] = mapped_column(Text)
    theirs: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(80))
    device: Mapped[str] = mapped_column(String(80))
    at: Mapped[Seconds]  # when the pack made its change
    status: Mapped[str] = mapped_column(String(8), default="open")  # open | resolved
    resolution: Mapped[str | None] = mapped_column(String(8))  # mine | theirs | merged
    value: Mapped[str | None] = mapped_column(Text)  # JSON of the value kept
    resolved_by: Mapped[Name | None] = mapped_column()
    resolved_at: Mapped[OptSeconds]


class PackOut(Base):
    """A pack the centre handed out: for which unit and role, when, and when it last synced back."""

    __tablename__ = "packs_out"

    pack_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(24))
    role: Mapped[str] = mapped_column(String(24))
    path: Mapped[str] = mapped_column(Text)
    created_at: Mapped[Seconds]
    last_sync_at: Mapped[OptSeconds]
    last_device: Mapped[str | None] = mapped_column(String(80))
    changes_in: Mapped[int] = mapped_column(default=0)


class PackFile(Base):
    """A file a pack carries so it works on its own (the camera panel's sample clip): name and bytes."""

    __tablename__ = "pack_files"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


_NO_DELETE = {
    "sqlite": ["CREATE TRIGGER pack_changes_no_delete BEFORE DELETE ON pack_changes "
               "BEGIN SELECT RAISE(ABORT, 'pack_changes is append-only'); END",
               # the author of a task change is filled in by its audit event, once; nothing else may change
               "CREATE TRIGGER pack_changes_no_update BEFORE UPDATE ON pack_changes "
               "WHEN OLD.author IS NOT NULL OR NEW.uuid IS NOT OLD.uuid OR NEW.after IS NOT OLD.after "
               "OR NEW.before IS NOT OLD.before BEGIN SELECT RAISE(ABORT, 'pack_changes is append-only'); END"],
}
for _dialect, _statements in _NO_DELETE.items():
    for _sql in _statements:
        event.listen(PackChange.__table__, "after_create", DDL(_sql).execute_if(dialect=_dialect))
