"""Two consoles on one store: what one records — a warning, a claim, a transfer, an incident's change — reaches the
other's command picture and its warning, transfer and incident panels by itself. On PostgreSQL it is pushed
(LISTEN/NOTIFY) and arrives within a second; on the embedded store the other console's follower polls for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.console import Console
from app.domain.facilities import FacilityKind
from app.store.tables.health import DIAGNOSES
from app.views.incident_panel import IncidentPanel
from app.views.store_follower import StoreFollower
from app.views.task_transfer_panel import TaskTransferPanel
from app.views.warning_panel import WarningPanel
from tests.factories import World, at
from tests.models.incident_world import CASE_AT, build_incident_world

GRID = "330382001001001"


def _limit_ms(console: Console) -> int:
    """Pushed changes arrive within a second; polled ones within two polls of a second each (and a slow machine)."""
    return 1000 if console.changes.live else 5000


@pytest.fixture
def pair(shared: tuple[World, str], qtbot) -> Iterator[dict]:  # noqa: ANN001
    world, db = shared
    people = build_incident_world(world)
    fever = DIAGNOSES.index("fever")
    clinic = world.add_facility(FacilityKind.CLINIC, GRID)
    sick = world.add_person(GRID)
    for day in ("2022-03-10 10:00", "2022-03-18 10:00"):
        world.add_clinic_visit(sick, clinic, day, diagnosis=fever)
    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, GRID, capacity=5, name="酒店L")
    here, there = Console.open(db), Console.open(db)
    seen: list[frozenset[str]] = []
    here.context.events.store_changed.connect(seen.append)
    follower = StoreFollower(here.indicators, here.context, here.changes)
    assert here.changes.wait_ready()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)  # its first look (naming every topic) is done
    seen.clear()
    yield {"here": here, "there": there, "seen": seen, "hotel": hotel, "people": people, "sick": sick}
    follower.stop()
    follower.deleteLater()
    here.close()
    there.close()


def _heard(seen: list[frozenset[str]], topic: str) -> bool:
    return any(topic in topics for topics in seen)


def test_a_warning_recorded_by_another_console_reaches_the_warning_panel(pair: dict, qtbot) -> None:  # noqa: ANN001
    here, there = pair["here"], pair["there"]
    panel = WarningPanel(here.warnings, here.context, here.atlas)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.listing is not None, timeout=10_000)
    assert panel.listing.total == 0
    _findings, added = there.warnings.refresh(at("2022-03-20 12:00"), ["repeated_clinic_visits"])
    assert added == 1
    qtbot.waitUntil(lambda: panel.listing.total == 1, timeout=_limit_ms(here))
    assert _heard(pair["seen"], "warnings")
    assert panel.listing.total == 1 and panel.model.rowCount() == 1


def test_a_claim_and_a_transfer_by_another_console_reach_this_one(pair: dict, qtbot) -> None:  # noqa: ANN001
    here, there = pair["here"], pair["there"]
    panel = TaskTransferPanel(here.transport, here.context)
    qtbot.addWidget(panel)

    def used() -> str:
        row = next(r for r in range(panel.loads.rowCount()) if panel.loads.item(r, 0).text() == "酒店L")
        return panel.loads.item(row, 3).text()

    assert used() == "0"
    task = there.tasks.create(kind="screening", source="manual", title="go", target_unit_code=GRID)
    there.tasks.transition(task, "dispatched", by="other")
    pair["seen"].clear()
    there.tasks.claim(task, by="other")
    qtbot.waitUntil(lambda: _heard(pair["seen"], "tasks"), timeout=_limit_ms(here))
    there.transport.plan_transfer([pair["sick"]], pair["hotel"], vehicle="浙C·1", origin="home", by="other")
    qtbot.waitUntil(lambda: used() == "1", timeout=_limit_ms(here))


def test_an_incident_changed_by_another_console_is_re_read_by_this_one(pair: dict, qtbot) -> None:  # noqa: ANN001
    here, there = pair["here"], pair["there"]
    incident = there.incidents.open(at=CASE_AT, person_id=pair["people"]["case"])
    here.incident_desk.take_up(here.incidents.get(incident))
    panel = IncidentPanel(here.incident_desk, here.context, english=True)
    qtbot.addWidget(panel)
    panel.timer.stop()  # the drill clock's tick would re-read the picture anyway: only the change feed may here
    assert here.incident_desk.incident.dispatched_at is None
    there.incidents.dispatch(incident)
    qtbot.waitUntil(lambda: here.incident_desk.incident.dispatched_at is not None, timeout=_limit_ms(here))
    assert _heard(pair["seen"], "incidents")
    assert not panel.dispatch_button.isEnabled()
    panel.wait()
