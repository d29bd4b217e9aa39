"""The rules for values taken at the edge, and the dispatch services refusing the same values on both backends:
text longer than its column (which SQLite would store and PostgreSQL refuse mid-transaction), targets outside
the county, ids too large for the store."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.errors import InputError
from app.domain.facilities import FacilityKind
from app.models import inputs
from app.models.dispatch.errors import TaskError
from app.models.dispatch.service import TaskService
from app.models.dispatch.transport import TransportService
from app.store.tables.health import ClinicVisit
from app.store.tables.tasks import Task
from tests.factories import Clock, World


def tasks_in(world: World) -> int:
    with world.store.engine.connect() as conn:
        return conn.scalar(text("SELECT count(*) FROM tasks"))


def test_a_title_longer_than_its_column_is_refused_on_both_backends(any_world: World, clock: Clock) -> None:
    service = TaskService(any_world.store, clock=clock)
    with pytest.raises(InputError, match="title: 201 characters, more than the 200 it can hold"):
        service.create(kind="custom", source="manual", title="题" * 201, target_unit_code="330382")
    with pytest.raises(InputError, match="by: 81 characters, more than the 80 it can hold"):
        service.create(kind="custom", source="manual", title="t", target_unit_code="330382", by="b" * 81)
    assert tasks_in(any_world) == 0
    task = service.create(kind="custom", source="manual", title="题" * 200, target_unit_code="330382")
    assert service.get(task).title == "题" * 200


def test_a_vehicle_longer_than_its_column_is_refused_before_anything_is_written(any_world: World, clock: Clock) -> None:
    hotel = any_world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=5, name="酒店A")
    transport = TransportService(TaskService(any_world.store, clock=clock))
    with pytest.raises(InputError, match="vehicle: 17 characters, more than the 16"):
        transport.plan_transfer([any_world.add_person()], hotel, vehicle="浙" * 17, origin="家", by="cmd")
    assert tasks_in(any_world) == 0


@pytest.mark.parametrize("wkt,error,message", [
    ("POINT(0 0)", TaskError, "the target 'POINT(0 0)' lies outside the county"),
    ("POINT EMPTY", InputError, "target: 'POINT EMPTY' is empty"),
    ("POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))", InputError, "is not a valid Polygon"),
    ("POINT(400 28)", InputError, "is not in longitude/latitude degrees"),
])
def test_a_target_outside_the_county_is_refused_not_sent_to_the_county(world: World, clock: Clock, wkt: str,
                                                                      error: type, message: str) -> None:
    service = TaskService(world.store, clock=clock)
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        service.create(kind="custom", source="manual", title="t", target_wkt=wkt)
    assert tasks_in(world) == 0
    x, y = world.grid_center("330382001001001")
    task = service.get(service.create(kind="custom", source="manual", title="t", target_wkt=f"POINT({x} {y})"))
    assert (task.assignee_code, task.assignee_role) == ("330382001001001", "grid_leader")


def test_ids_are_checked_against_what_their_column_holds() -> None:
    assert inputs.record_id("2147483647", "id", Task.id) == 2**31 - 1
    with pytest.raises(InputError, match="id: '2147483648' is out of range: give 1 .. 2147483647"):
        inputs.record_id("2147483648", "id", Task.id)  # PostgreSQL's integer
    assert inputs.record_id("2147483648", "id", ClinicVisit.id) == 2**31  # a BigInteger key
    with pytest.raises(InputError, match="is out of range"):
        inputs.record_id("9" * 5000, "id", ClinicVisit.id)  # past int()'s digit limit: still one clear line


@pytest.mark.parametrize("value,end_of_day,seconds", [
    ("2022-03-01", True, 1646150399), ("2022-03-01", False, 1646064000), ("2022-03-01T08:30", True, 1646094600),
    ("1646064000", True, 1646064000),
])
def test_a_moment_is_read_as_china_standard_time(value: str, end_of_day: bool, seconds: int) -> None:
    assert inputs.moment(value, "--at", end_of_day) == seconds


@pytest.mark.parametrize("value", ["", " ", "tomorrow", "2022-02-30", "99999999999999999999", "-5", "2100-01-01"])
def test_a_bad_moment_names_the_field_and_the_value(value: str) -> None:
    with pytest.raises(InputError, match=r"^--at: '") as err:
        inputs.moment(value, "--at")
    assert repr(value.strip())[1:-1] in str(err.value)
