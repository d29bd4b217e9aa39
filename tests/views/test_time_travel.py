"""Time travel of the command picture: moving the as-of date moves the task queue (the tasks created by then, in
the status their audit trail had reached then, read-only) and the facility status (beds used then)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtWidgets import QAbstractButton

from app.console import Console
from app.domain.facilities import FacilityKind
from app.domain.tasks import TaskStatus as S
from app.models.dispatch.service import TaskService, TaskSpec
from app.timebase import end_of_day_seconds
from tests.factories import Clock, World, at


@pytest.fixture
def clock() -> Clock:
    return Clock(at("2022-03-02 09:00"))


@pytest.fixture
def history(map_world: World, clock: Clock) -> Console:
    """Tasks created and moved on over March: three on the 2nd, two on the 10th, one on the 20th; statuses change
    on the 5th, the 12th and the 25th."""
    console = Console(map_world.store)
    tasks = console.__dict__["tasks"] = TaskService(map_world.store, clock=clock)

    def make(n: int) -> list[int]:
        return tasks.create_many([TaskSpec("screening", "manual", f"task {clock.now}-{i}", "330382001001001")
                                  for i in range(n)])

    first = make(3)
    clock.now = at("2022-03-05 10:00")
    tasks.transition(first[0], S.DISPATCHED, by="op")
    tasks.transition(first[1], S.CANCELLED, by="op")
    clock.now = at("2022-03-10 10:00")
    second = make(2)
    clock.now = at("2022-03-12 10:00")
    tasks.transition(first[0], S.ACKNOWLEDGED, by="op")
    tasks.transition(second[0], S.DISPATCHED, by="op")
    clock.now = at("2022-03-20 10:00")
    make(1)
    clock.now = at("2022-03-25 10:00")
    tasks.transition(first[0], S.IN_PROGRESS, by="op")
    tasks.transition(second[0], S.CANCELLED, by="op")
    clock.now = at("2022-03-31 12:00")
    return console


def _queue_then(db: Path, moment: int) -> dict[int, int]:
    """task id -> status at ``moment``, worked out from the events table alone (the last status an event set)."""
    with __import__("sqlite3").connect(db) as conn:
        events = pd.read_sql("SELECT id, task_id, at, to_status FROM task_events WHERE to_status IS NOT NULL", conn)
    then = events[events["at"] <= moment].sort_values(["at", "id"]).groupby("task_id")["to_status"].last()
    return {int(k): int(v) for k, v in then.items()}


@pytest.fixture
def window(qtbot, history: Console, settings_dir):  # noqa: ANN001, ANN201
    from app.views.main_window import MainWindow

    w = MainWindow(history, english=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _panel(window):  # noqa: ANN001, ANN202
    return window.panel("task_queue")


def _shown(panel) -> dict[int, int]:  # noqa: ANN001
    panel.status.setCurrentIndex(panel.status.findText("all"))
    panel.reload()
    return {row.id: row.status for row in panel.model.rows}


@pytest.mark.parametrize("day", ["2022-03-01", "2022-03-04", "2022-03-11", "2022-03-21"])
def test_an_earlier_date_shows_the_queue_as_it_stood_then(window, history: Console, map_world: World, day: str) -> None:  # noqa: ANN001
    panel = _panel(window)
    today = _shown(panel)
    assert today == _queue_then(Path(map_world.store.engine.url.database), at("2022-03-31 23:59"))
    history.context.as_of = dt.date.fromisoformat(day)
    expected = _queue_then(Path(map_world.store.engine.url.database), end_of_day_seconds(dt.date.fromisoformat(day)))
    assert _shown(panel) == expected
    assert panel.model.total == len(expected)
    assert panel.past.isVisibleTo(panel) and day in panel.past.text()


def test_the_past_queue_is_read_only_and_today_acts_again(window, history: Console) -> None:  # noqa: ANN001
    panel = _panel(window)
    history.context.as_of = dt.date(2022, 3, 11)
    _shown(panel)
    panel.table.selectRow(0)
    assert panel.selected()
    action_buttons = [b for b in panel.findChildren(QAbstractButton) if b in panel.buttons.values()]
    assert not any(b.isEnabled() for b in action_buttons)
    assert not panel.detail.add.isEnabled()
    history.context.as_of = history.context.today
    _shown(panel)
    assert not panel.past.isVisibleTo(panel)
    panel.table.selectRow(0)
    assert any(b.isEnabled() for b in action_buttons)


def test_facility_beds_follow_the_date(qtbot, map_world: World, settings_dir) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    hotel = map_world.add_facility(FacilityKind.QUARANTINE_HOTEL, "330382001001002", capacity=10)
    people = [map_world.add_person() for _ in range(3)]
    map_world.add_quarantine(people[0], "2022-03-02 10:00", "2022-03-16 10:00", facility=hotel)
    map_world.add_quarantine(people[1], "2022-03-08 10:00", "2022-03-22 10:00", facility=hotel)
    map_world.add_quarantine(people[2], "2022-03-20 10:00", "2022-04-03 10:00", facility=hotel)
    console = Console(map_world.store)
    w = MainWindow(console, english=True)
    qtbot.addWidget(w)
    panel = w.panel("facilities")

    def beds() -> tuple[int, int]:
        row = next(r for r in range(panel.facilities.rowCount()) if panel.facilities.item(r, 0).text() == name)
        return int(panel.facilities.item(row, 2).text()), int(panel.facilities.item(row, 3).text())

    name = next(f.name for f in console.facility_status.rows if f.id == hotel)
    for day, used in (("2022-03-01", 0), ("2022-03-05", 1), ("2022-03-10", 2), ("2022-03-18", 1), ("2022-03-21", 2),
                      ("2022-03-31", 1)):
        console.context.as_of = dt.date.fromisoformat(day)
        assert beds() == (used, 10 - used), day


def test_the_camera_list_says_its_status_is_todays_on_an_earlier_date(window, history: Console) -> None:  # noqa: ANN001
    assert not window.camera_panel.history.isVisibleTo(window.camera_panel)
    history.context.as_of = dt.date(2022, 3, 11)
    assert window.camera_panel.history.isVisibleTo(window.camera_panel)
