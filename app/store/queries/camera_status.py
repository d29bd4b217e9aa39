"""Camera status history: what each camera's status was at any moment, and the one write that changes it.

Every camera has at least one event (the demo generator, an import and the migration that made the table see to
that), so the status at a moment is the status of the camera's last event at or before it; before its first event
a camera counts in its first recorded status (the store knows nothing earlier).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import Connection, bindparam, select, text, update

from app.store.queries.arrays import fetch_ints
from app.store.tables.cameras import Camera, CameraStatusEvent

if TYPE_CHECKING:  # the migrations import this module, and the store imports them
    from app.store.store import Store


@dataclass(frozen=True)
class StatusEvents:
    """Every camera status event as flat arrays, sorted by camera, then time, then id (the order of recording)."""

    camera: np.ndarray  # int64 camera ids
    at: np.ndarray  # int64 Unix seconds
    status: np.ndarray  # int64 CameraStatus

    def __len__(self) -> int:
        return len(self.camera)


def status_events(store: Store) -> StatusEvents:
    with store.engine.connect() as conn:  # fetch_ints: numpy over SQLAlchemy rows probes each row (2 s, not 20 ms)
        cols = fetch_ints(conn, "SELECT camera_id, at, status FROM camera_status_events ORDER BY camera_id, at, id",
                          ("camera", "at", "status"))
    return StatusEvents(cols["camera"], cols["at"], cols["status"])


def record_status(conn: Connection, changes: Sequence[tuple[int, int, int]], source: str) -> None:
    """Record ``(camera id, at, status)`` changes in the caller's transaction, and set ``cameras.status`` of the
    cameras whose change is now their latest (a change recorded late, for an earlier moment, leaves it)."""
    if not changes:
        return
    e, c = CameraStatusEvent.__table__, Camera.__table__
    conn.execute(e.insert(), [{"camera_id": i, "at": at, "status": s, "source": source} for i, at, s in changes])
    latest = select(e.c.at).where(e.c.camera_id == bindparam("i")).order_by(e.c.at.desc(), e.c.id.desc()).limit(1)
    conn.execute(update(c).where(c.c.id == bindparam("i"), latest.scalar_subquery() <= bindparam("at"))
                 .values(status=bindparam("s")), [{"i": i, "at": at, "s": s} for i, at, s in changes])


def seed_statuses(conn: Connection, at: int, source: str) -> int:
    """One event at ``at`` for every camera that has none, at its current status; returns how many."""
    return conn.execute(text(
        "INSERT INTO camera_status_events (camera_id, at, status, source) SELECT id, :at, status, :source "
        "FROM cameras WHERE NOT EXISTS (SELECT 1 FROM camera_status_events e WHERE e.camera_id = cameras.id)"),
        {"at": at, "source": source}).rowcount


__all__ = ["StatusEvents", "record_status", "seed_statuses", "status_events"]
