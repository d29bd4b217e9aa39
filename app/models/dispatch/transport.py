"""Transfers (闭环转运): people to quarantine hotels within their free beds, and specimen batches to labs
within their samples a day — each a task with one vehicle trip: planned → picked up → arrived."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from app.domain.facilities import FacilityKind
from app.domain.task_titles import Title
from app.domain.tasks import OPEN_STATUSES, TaskRow, TaskStatus, TripCargo
from app.models import inputs
from app.models.dispatch.changes import Change
from app.models.dispatch.errors import CapacityExceeded, TaskError
from app.models.dispatch.lifecycle import path_to
from app.models.dispatch.service import TaskService, TaskSpec
from app.store.queries import task_writes as w
from app.store.queries import trips as q
from app.store.store import is_transient
from app.store.tables.tasks import Trip
from app.timebase import DAY, date_of_day, day_of, to_seconds

S = TaskStatus
QUARANTINE_DAYS = 14
_RETRIES = 5


def _day_start(now: int) -> int:
    """Unix seconds of the start of the CST day holding ``now``."""
    return to_seconds(date_of_day(int(day_of(now))))


@dataclass(frozen=True)
class FacilityLoad:
    id: int
    name: str
    capacity: int
    used: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.used, 0)


class TransportService:
    """Plans and follows vehicle trips over a :class:`TaskService` (same store, same clock)."""

    def __init__(self, tasks: TaskService) -> None:
        self.tasks = tasks

    def hotels(self) -> list[FacilityLoad]:
        """Every quarantine hotel with its beds taken now (staying plus on the way) and free."""
        rows = q.facilities(self.tasks.store, int(FacilityKind.QUARANTINE_HOTEL))
        with self.tasks.store.engine.connect() as conn:
            used = q.beds_used(conn, [f.id for f in rows], self.tasks.clock())
        return [FacilityLoad(f.id, f.name, f.capacity, used[f.id]) for f in rows]

    def labs(self) -> list[FacilityLoad]:
        """Every lab with the samples booked for today against its samples a day."""
        rows = q.facilities(self.tasks.store, int(FacilityKind.LAB))
        start = _day_start(self.tasks.clock())
        with self.tasks.store.engine.connect() as conn:
            return [FacilityLoad(f.id, f.name, f.capacity, q.samples_booked(conn, f.id, start, start + DAY)) for f in rows]

    def plan_transfer(self, person_ids: Sequence[int], hotel_id: int, *, vehicle: str, origin: str, by: str,
                      priority: int = 1, source: str = "manual", source_ref: str | None = None) -> int:
        """A transfer task for people to a hotel; refused if the hotel has fewer free beds than people."""
        people = list(dict.fromkeys(person_ids))
        if not people:
            raise TaskError("a transfer needs at least one person")
        hotel = self._facility(hotel_id, FacilityKind.QUARANTINE_HOTEL)
        spec = TaskSpec.titled("transfer", source, Title("transfer", {"people": len(people), "hotel": hotel.name}),
                               person_ids=people, priority=priority, source_ref=source_ref)

        def check(conn: Connection, now: int) -> None:
            locked = q.facility(conn, hotel_id, lock=True)
            free = max(locked.capacity - q.beds_used(conn, [hotel_id], now)[hotel_id], 0) if locked else 0
            if locked is not None and len(people) > free:
                raise CapacityExceeded(f"{locked.name} has {free} free beds: cannot take {len(people)} people")

        return self._plan(spec, hotel_id, TripCargo.PEOPLE, vehicle, origin, None, 0, by, check)

    def plan_specimens(self, lab_id: int, samples: int, *, vehicle: str, site_id: int, by: str,
                       priority: int = 1, source: str = "manual") -> int:
        """A specimen batch from a test site to a lab; refused past the lab's samples a day."""
        if samples <= 0:
            raise TaskError(f"a specimen batch needs a positive number of samples, not {samples}")
        lab = self._facility(lab_id, FacilityKind.LAB)
        site = self._facility(site_id, FacilityKind.TEST_SITE)
        spec = TaskSpec.titled("specimen", source, Title("specimen", {"samples": samples, "site": site.name, "lab": lab.name}),
                               priority=priority)

        def check(conn: Connection, now: int) -> None:
            locked = q.facility(conn, lab_id, lock=True)
            start = _day_start(now)
            free = max(locked.capacity - q.samples_booked(conn, lab_id, start, start + DAY), 0) if locked else 0
            if locked is not None and samples > free:
                raise CapacityExceeded(f"{locked.name} can take {free} more samples today: not {samples}")

        return self._plan(spec, lab_id, TripCargo.SPECIMENS, vehicle, site.name, site_id, samples, by, check)

    def pick_up(self, task_id: int, *, by: str) -> TaskRow:
        """The vehicle has the people or specimens on board: the task is in progress."""
        def decide(row: TaskRow) -> Change:
            trip = self._trip(row)
            if trip.pickup_at is not None:
                raise TaskError(f"task {row.id} was already picked up")
            return Change("trip", tuple(path_to(S(row.status), S.IN_PROGRESS)), {"claimed_by": row.claimed_by or by}, "picked up")

        return self.tasks.change(task_id, decide, by=by,
                                 after=lambda conn, row, now: w.update_trip(conn, row.id, {"pickup_at": now}))

    def arrive(self, task_id: int, *, by: str, reason: int = 0) -> TaskRow:
        """The trip reached its destination: the task is done; people start centralised quarantine there."""
        def decide(row: TaskRow) -> Change:
            if self._trip(row).pickup_at is None:
                raise TaskError(f"task {row.id} has not been picked up yet")
            return Change("trip", tuple(path_to(S(row.status), S.DONE)), note="arrived")

        def record(conn: Connection, row: TaskRow, now: int) -> None:
            trip = q.trip_of(conn, row.id)
            assert trip is not None  # checked by decide
            w.update_trip(conn, row.id, {"arrival_at": now})
            if trip.cargo == TripCargo.PEOPLE:
                w.record_arrivals(conn, self.tasks.people(row.id), trip.destination_id,
                                  {"vehicle": trip.vehicle, "origin": trip.origin, "pickup_at": trip.pickup_at},
                                  now, QUARANTINE_DAYS, reason)

        return self.tasks.change(task_id, decide, by=by, after=record)

    def trip(self, task_id: int) -> q.TripRow:
        return self._trip(self.tasks.get(task_id))

    def _trip(self, row: TaskRow) -> q.TripRow:
        with self.tasks.store.engine.connect() as conn:
            trip = q.trip_of(conn, row.id)
        if trip is None:
            raise TaskError(f"task {row.id} is not a transfer or specimen run")
        if S(row.status) not in OPEN_STATUSES:
            raise TaskError(f"task {row.id} is {S(row.status).key}")
        return trip

    def _facility(self, facility_id: int, kind: FacilityKind) -> q.FacilityRow:
        with self.tasks.store.engine.connect() as conn:
            row = q.facility(conn, facility_id)
        if row is None or row.kind != kind:
            raise TaskError(f"facility {facility_id} is not a {kind.name.lower().replace('_', ' ')}")
        return row

    def _plan(self, spec: TaskSpec, destination: int, cargo: TripCargo, vehicle: str, origin: str,
              origin_facility: int | None, samples: int, by: str,
              check: Callable[[Connection, int], None]) -> int:
        vehicle, origin = inputs.text(vehicle, "vehicle", Trip.vehicle), inputs.text(origin, "origin", Trip.origin)
        self.tasks.store.principal.require_write("plan trips")
        rows = self.tasks.prepare([spec])
        rows[0]["facility_id"] = destination
        attempts = 0
        while True:
            now = self.tasks.clock()
            try:
                with self.tasks.store.begin() as conn:
                    # Lock the destination before writing anything that references it: every transfer takes its
                    # locks in the same order (facility, then its own new rows), so concurrent transfers queue,
                    # never deadlock (inserting first took a key-share lock that a later lock waited on).
                    check(conn, now)
                    task_id = self.tasks.insert(conn, [dict(rows[0])], [spec], by, now)[0]
                    w.insert_trip(conn, {"task_id": task_id, "cargo": int(cargo), "vehicle": vehicle,
                                         "origin": origin, "origin_facility_id": origin_facility,
                                         "destination_id": destination, "samples": samples, "planned_at": now})
                return task_id
            except DBAPIError as exc:  # a serialization failure or deadlock victim: the whole plan again
                attempts += 1
                if not is_transient(exc) or attempts == _RETRIES:
                    raise
