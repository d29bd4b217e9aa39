"""Transfers and specimen runs: capacity respected (free beds shown, over-assignment refused), and the
closed loop planned → picked up → arrived writes the transfer and quarantine records."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.facilities import FacilityKind
from app.domain.tasks import TaskStatus as S
from app.models.dispatch.errors import CapacityExceeded, TaskError
from app.models.dispatch.service import TaskService
from app.models.dispatch.transport import TransportService
from tests.factories import Clock, World, at

T0 = at("2022-03-10 08:00")


@pytest.fixture
def transport(world: World, clock: Clock) -> TransportService:
    return TransportService(TaskService(world.store, clock=clock))


def test_free_beds_count_guests_and_people_on_the_way(world: World, transport: TransportService) -> None:
    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=5, name="酒店A")
    guest, gone = world.add_person(), world.add_person()
    world.add_quarantine(guest, "2022-03-05 00:00", "2022-03-19 00:00", kind=0, facility=hotel)
    world.add_quarantine(gone, "2022-02-01 00:00", "2022-02-15 00:00", kind=0, facility=hotel)
    transport.plan_transfer([world.add_person(), world.add_person()], hotel, vehicle="浙C1", origin="家", by="cmd")
    [load] = transport.hotels()
    assert (load.name, load.capacity, load.used, load.free) == ("酒店A", 5, 3, 2)


def test_over_assignment_is_refused_and_leaves_nothing_behind(world: World, transport: TransportService) -> None:
    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=2, name="酒店B")
    people = [world.add_person() for _ in range(3)]
    with pytest.raises(CapacityExceeded, match="酒店B has 2 free beds: cannot take 3 people"):
        transport.plan_transfer(people, hotel, vehicle="浙C1", origin="家", by="cmd")
    with world.store.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM tasks")) == 0
        assert conn.scalar(text("SELECT count(*) FROM trips")) == 0
    transport.plan_transfer(people[:2], hotel, vehicle="浙C1", origin="家", by="cmd")
    with pytest.raises(CapacityExceeded, match="0 free beds"):
        transport.plan_transfer(people[2:], hotel, vehicle="浙C2", origin="家", by="cmd")


def test_transfer_closed_loop_writes_transfers_and_orders(world: World, transport: TransportService, clock: Clock) -> None:
    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=4)
    people = [world.add_person("330382002001001"), world.add_person("330382002001001")]
    task = transport.plan_transfer(people, hotel, vehicle="浙C·8", origin="乐成", by="cmd")
    assert transport.tasks.get(task).assignee_code == "330382002001001"
    with pytest.raises(TaskError, match="not been picked up"):
        transport.arrive(task, by="driver")
    clock.now = T0 + 600
    assert transport.pick_up(task, by="driver").status == S.IN_PROGRESS
    clock.now = T0 + 3000
    assert transport.arrive(task, by="driver").status == S.DONE
    with world.store.engine.connect() as conn:
        rows = conn.execute(text("SELECT person_id, vehicle, pickup_at, arrival_at FROM transfers ORDER BY person_id")).all()
        orders = conn.execute(text("SELECT person_id, kind, start_at, end_at FROM quarantine_orders ORDER BY person_id")).all()
        planned = conn.execute(text("SELECT pickup_at, arrival_at FROM trips WHERE task_id = :t"), {"t": task}).one()
    assert [tuple(r) for r in rows] == [(p, "浙C·8", T0 + 600, T0 + 3000) for p in people]
    assert [tuple(o) for o in orders] == [(p, 0, T0 + 3000, T0 + 3000 + 14 * 86_400) for p in people]
    assert tuple(planned) == (T0 + 600, T0 + 3000)
    assert transport.hotels()[0].used == 2


def test_specimen_batches_respect_the_labs_daily_capacity(world: World, transport: TransportService, clock: Clock) -> None:
    lab = world.add_facility(FacilityKind.LAB, capacity=1000, name="检测所")
    site = world.add_facility(FacilityKind.TEST_SITE, "330382001002001", name="采样点")
    first = transport.plan_specimens(lab, 700, vehicle="浙C·S1", site_id=site, by="cmd")
    with pytest.raises(CapacityExceeded, match="300 more samples today"):
        transport.plan_specimens(lab, 301, vehicle="浙C·S2", site_id=site, by="cmd")
    transport.plan_specimens(lab, 300, vehicle="浙C·S2", site_id=site, by="cmd")
    clock.now = at("2022-03-11 00:30")
    transport.plan_specimens(lab, 1000, vehicle="浙C·S3", site_id=site, by="cmd")
    trip = transport.trip(first)
    assert (trip.samples, trip.origin, trip.destination_id, trip.vehicle) == (700, "采样点", lab, "浙C·S1")
    with pytest.raises(TaskError, match="not a lab"):
        transport.plan_specimens(site, 1, vehicle="x", site_id=site, by="cmd")
