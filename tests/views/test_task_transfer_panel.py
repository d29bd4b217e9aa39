"""The transfers panel shows free beds, plans within them, refuses past them, and closes the loop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.console import Console
from app.domain.facilities import FacilityKind
from app.domain.tasks import TaskStatus as S
from app.views.store_follower import StoreFollower
from app.views.task_transfer_panel import TaskTransferPanel
from tests.factories import World


@pytest.fixture
def panel(qtbot, world: World) -> Iterator[TaskTransferPanel]:  # noqa: ANN001
    world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=2, name="酒店A")
    for _ in range(3):
        world.add_person()
    console = Console(world.store)
    widget = TaskTransferPanel(console.transport, console.context)
    qtbot.addWidget(widget)
    follower = StoreFollower(console.indicators, console.context, console.changes)  # the console's one change feed
    yield widget
    follower.stop()


def _cells(panel: TaskTransferPanel) -> list[str]:
    return [panel.loads.item(0, j).text() for j in range(5)]


def test_free_beds_are_shown_and_over_assignment_refused(panel: TaskTransferPanel) -> None:
    assert _cells(panel) == ["酒店A", "hotel", "2", "0", "2"]
    assert panel.hotel.currentText() == "酒店A — 2 free beds"
    panel.vehicle.setText("浙C·1")
    panel.people.setText("1,2,3")
    panel.plan_transfer()
    assert panel.message.text() == "酒店A has 2 free beds: cannot take 3 people"
    panel.people.setText("1, 2")
    panel.plan_transfer()
    assert panel.message.text() == "transfer planned: task 1"
    assert _cells(panel)[3:] == ["2", "0"]


def test_pickup_and_arrival_close_the_transfer(panel: TaskTransferPanel) -> None:
    panel.vehicle.setText("浙C·1")
    panel.people.setText("3")
    panel.plan_transfer()
    panel.task.setValue(1)
    panel.arrive()
    assert panel.message.text() == "task 1 has not been picked up yet"
    panel.pick_up()
    panel.arrive()
    assert panel.transport.tasks.get(1).status == S.DONE
    assert _cells(panel)[3:] == ["1", "1"]


def test_another_consoles_transfer_shows_in_the_loads(qtbot, world: World, panel: TaskTransferPanel) -> None:  # noqa: ANN001
    other = Console.open(world.store.url)  # another console on the same file
    try:
        hotel = other.transport.hotels()[0].id
        other.transport.plan_transfer([1], hotel, vehicle="浙C·2", origin="home", by="other")
    finally:
        other.close()
    qtbot.waitUntil(lambda: _cells(panel)[3:] == ["1", "1"], timeout=5000)  # the follower polls; re-read off the GUI thread
