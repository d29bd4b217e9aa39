"""Vehicle trips of the dispatch queue and the room left where they go: free beds, lab samples a day."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text

from app.domain.quarantine import QuarantineKind
from app.domain.tasks import OPEN_STATUSES, TaskStatus, TripCargo
from app.store.store import Store
from app.store.tables.facilities import Facility
from app.store.tables.quarantine import QuarantineOrder
from app.store.tables.tasks import Task, TaskPerson, Trip

_OPEN = [int(s) for s in OPEN_STATUSES]
_FACILITY_LOCKS = 7262  # advisory-lock namespace of facilities being assigned


@dataclass(frozen=True)
class FacilityRow:
    id: int
    kind: int
    name: str
    capacity: int


@dataclass(frozen=True)
class TripRow:
    id: int
    task_id: int
    cargo: int
    vehicle: str
    origin: str
    origin_facility_id: int | None
    destination_id: int
    samples: int
    planned_at: int
    pickup_at: int | None
    arrival_at: int | None


def facility(conn: Connection, facility_id: int, lock: bool = False) -> FacilityRow | None:
    """One facility; ``lock`` holds it against concurrent assignment until the transaction ends."""
    f = Facility.__table__
    if lock and conn.dialect.name == "postgresql":
        # An advisory lock keyed by the facility rather than FOR UPDATE, which would need the right to change
        # facilities that operators planning a transfer do not have. (SQLite: the write lock is already held.)
        conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :id)"), {"ns": _FACILITY_LOCKS, "id": facility_id})
    query = select(f.c.id, f.c.kind, f.c.name, f.c.capacity).where(f.c.id == facility_id)
    row = conn.execute(query).first()
    return FacilityRow(**row._mapping) if row else None


def facilities(store: Store, kind: int) -> list[FacilityRow]:
    f = Facility.__table__
    with store.engine.connect() as conn:
        rows = conn.execute(select(f.c.id, f.c.kind, f.c.name, f.c.capacity).where(f.c.kind == kind).order_by(f.c.id))
        return [FacilityRow(**row._mapping) for row in rows]


def beds_used(conn: Connection, facility_ids: list[int], now: int) -> dict[int, int]:
    """facility id -> people staying at ``now`` plus people on open transfers heading there."""
    o, t, p = QuarantineOrder.__table__, Task.__table__, TaskPerson.__table__
    staying = conn.execute(select(o.c.facility_id, func.count()).where(
        o.c.facility_id.in_(facility_ids), o.c.kind == int(QuarantineKind.CENTRALISED),
        o.c.start_at <= now, o.c.end_at > now).group_by(o.c.facility_id))
    coming = conn.execute(select(t.c.facility_id, func.count()).select_from(p.join(t, t.c.id == p.c.task_id)).where(
        t.c.facility_id.in_(facility_ids), t.c.kind == "transfer", t.c.status.in_(_OPEN)).group_by(t.c.facility_id))
    used = dict.fromkeys(facility_ids, 0)
    for fid, n in [*staying, *coming]:
        used[fid] += int(n)
    return used


def samples_booked(conn: Connection, lab_id: int, day_start: int, day_end: int) -> int:
    """Specimens on trips to a lab planned within one day (a lab's capacity is samples a day)."""
    r, t = Trip.__table__, Task.__table__
    query = (select(func.coalesce(func.sum(r.c.samples), 0)).select_from(r.join(t, t.c.id == r.c.task_id))
             .where(r.c.destination_id == lab_id, r.c.cargo == int(TripCargo.SPECIMENS),
                    r.c.planned_at >= day_start, r.c.planned_at < day_end, t.c.status != int(TaskStatus.CANCELLED)))
    return int(conn.scalar(query) or 0)


def trip_of(conn: Connection, task_id: int) -> TripRow | None:
    r = Trip.__table__
    row = conn.execute(select(r).where(r.c.task_id == task_id)).first()
    return TripRow(**row._mapping) if row else None


__all__ = ["FacilityRow", "TripRow", "beds_used", "facilities", "facility", "samples_booked", "trip_of"]
