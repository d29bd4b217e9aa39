"""Time travel of the command picture: moving the as-of date moves the task queue (the tasks created by then, in
the status their audit trail had reached then, read-only), the open-tasks map and a task's details likewise, the
facility status (beds used then) and the cameras' status (list and map, from their status history)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtWidgets import QAbstractButton

from app.console import Console
from app.domain.cameras import CameraStatus as CS
from app.domain.facilities import FacilityKind
from app.domain.tasks import OPEN_STATUSES
from app.domain.tasks import TaskStatus as S
from app.models.dispatch.service import TaskService, TaskSpec
from app.store.queries.camera_status import record_status
from app.store.queries.tasks import TaskFilter, task_page
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


def test_cameras_follow_the_date_in_the_list_and_on_the_map(qtbot, map_world: World, settings_dir) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    grid = "330382001001001"
    cams = [map_world.add_camera(grid, code=f"HX{i}") for i in range(3)]
    with map_world.store.begin() as conn:  # as the demo generator starts them: online from the period's start
        record_status(conn, [(c, at("2022-03-01 00:00"), int(CS.ONLINE)) for c in cams], "test")
    map_world.set_camera_status(cams[0], CS.OFFLINE, "2022-03-05 09:00")
    map_world.set_camera_status(cams[0], CS.ONLINE, "2022-03-06 09:00")
    map_world.set_camera_status(cams[1], CS.FAULT, "2022-03-12 09:00")
    map_world.set_camera_status(cams[2], CS.OFFLINE, "2022-03-20 09:00")
    console = Console(map_world.store)
    w = MainWindow(console, english=True)
    qtbot.addWidget(w)
    console.context.selected_unit = grid
    panel, layer = w.camera_panel, console.layers["cameras"]
    shown_ids = {int(i): k for k, i in enumerate(layer.ids)}

    def listed() -> dict[str, int]:
        return {panel.table.item(r, 4).text(): panel.table.item(r, 2).text() for r in range(panel.table.rowCount())}

    def on_map() -> list[int]:
        return [int(layer.classes[shown_ids[c]]) for c in cams]

    words = {CS.ONLINE: "online", CS.OFFLINE: "offline", CS.FAULT: "fault"}
    events = _camera_events(Path(map_world.store.engine.url.database))
    for day in ("2022-03-31", "2022-03-05", "2022-03-06", "2022-03-15", "2022-03-21"):
        console.context.as_of = dt.date.fromisoformat(day)
        expected = [events(c, end_of_day_seconds(dt.date.fromisoformat(day))) for c in cams]
        assert on_map() == expected, day
        assert {k: v for k, v in listed().items() if k.startswith("HX")} == {f"HX{i}": words[CS(s)] for i, s in enumerate(expected)}, day
        assert list(layer.fields["status"][[shown_ids[c] for c in cams]]) == [words[CS(s)] for s in expected]
    assert on_map() == [CS.ONLINE, CS.FAULT, CS.OFFLINE]
    console.context.as_of = dt.date(2022, 3, 15)
    assert "2022-03-15" in panel.summary.text()
    identified = lambda: dict(console.features.attributes("cameras", shown_ids[cams[1]]))["status"]  # noqa: E731
    assert identified() == "fault"
    console.context.as_of = dt.date(2022, 3, 5)
    assert identified() == "online"


def _camera_events(db: Path):  # noqa: ANN202
    """camera id, moment -> status then, from the raw event table alone."""
    with __import__("sqlite3").connect(db) as conn:
        events = pd.read_sql("SELECT id, camera_id, at, status FROM camera_status_events", conn)

    def status(camera: int, moment: int) -> int:
        mine = events[(events["camera_id"] == camera) & (events["at"] <= moment)].sort_values(["at", "id"])
        return int(mine.status.iloc[-1])

    return status


def test_the_open_tasks_map_shows_the_tasks_open_then(window, history: Console, map_world: World) -> None:  # noqa: ANN001
    panel = _panel(window)
    db = Path(map_world.store.engine.url.database)
    for day in ("2022-03-04", "2022-03-11", "2022-03-31"):
        history.context.as_of = dt.date.fromisoformat(day)
        panel.show_open_tasks()
        then = _queue_then(db, end_of_day_seconds(dt.date.fromisoformat(day)))
        open_then = sum(1 for s in then.values() if S(s) in OPEN_STATUSES)
        assert history.context.choropleth.values == {"330382001001001": float(open_then)}, day
        past = history.context.in_past
        assert ("past, read-only" in history.context.choropleth.title_en) == past and (day in history.context.choropleth.title_en) == past
    history.context.as_of = dt.date(2022, 3, 4)  # the map follows the date while it shows open tasks
    then = _queue_then(db, end_of_day_seconds(dt.date(2022, 3, 4)))
    assert history.context.choropleth.values == {"330382001001001": float(sum(S(s) in OPEN_STATUSES for s in then.values()))}


def test_the_task_detail_shows_the_task_as_it_stood_then(window, history: Console) -> None:  # noqa: ANN001
    panel = _panel(window)
    [task] = task_page(history.store, TaskFilter(statuses=(int(S.IN_PROGRESS),)))
    history.context.as_of = dt.date(2022, 3, 11)  # the task was dispatched then, in progress only on the 25th
    _shown(panel)
    row = next(i for i, r in enumerate(panel.model.rows) if r.id == task.id)
    panel.table.selectRow(row)
    text = panel.detail.summary.text()
    assert "Status dispatched" in text and "in progress" not in text.lower()
    assert "2022-03-11" in text and "past, read only" in text
    history.context.as_of = history.context.today
    _shown(panel)
    row = next(i for i, r in enumerate(panel.model.rows) if r.id == task.id)
    panel.table.selectRow(row)
    assert "Status in progress" in panel.detail.summary.text() and "past" not in panel.detail.summary.text()


def test_the_past_task_detail_shows_who_held_it_and_its_version_then(window, history: Console, clock: Clock) -> None:  # noqa: ANN001
    """Claimed by A on the 4th, started by B on the 8th (still A's claim), noted on the 9th (no new version)."""
    tasks = history.tasks
    clock.now = at("2022-03-02 09:00")
    [task] = tasks.create_many([TaskSpec("screening", "manual", "claimant then", "330382001001001")])
    tasks.transition(task, S.DISPATCHED, by="op")
    clock.now = at("2022-03-04 09:00")
    tasks.claim(task, by="A")
    clock.now = at("2022-03-08 09:00")
    tasks.transition(task, S.IN_PROGRESS, by="B")
    clock.now = at("2022-03-09 09:00")
    tasks.note(task, "on the way", by="B")
    clock.now = at("2022-03-31 12:00")
    panel = _panel(window)

    def summary(day: dt.date) -> str:
        history.context.as_of = day
        _shown(panel)
        panel.table.selectRow(next(i for i, r in enumerate(panel.model.rows) if r.id == task))
        return panel.detail.summary.text()

    assert "version 4" in summary(history.context.today) and "claimed by A" in summary(history.context.today)
    before = summary(dt.date(2022, 3, 3))
    assert "Status dispatched" in before and "version 2" in before and "claimed by -" in before
    between = summary(dt.date(2022, 3, 5))
    assert "Status acknowledged" in between and "version 3" in between and "claimed by A" in between
    later = summary(dt.date(2022, 3, 9))
    assert "Status in progress" in later and "version 4" in later and "claimed by A" in later
    assert tasks.get(task, end_of_day_seconds(dt.date(2022, 3, 5))).claimed_by == "A"


def test_an_open_camera_table_follows_the_date_keeping_filter_sort_and_selection(qtbot, map_world: World, settings_dir) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    from app.models.camera_history import statuses_at
    from app.store.queries.camera_status import status_events
    from app.views.main_window import MainWindow

    grid = "330382001001001"
    cams = [map_world.add_camera(grid, code=f"HX{i}") for i in range(3)]
    with map_world.store.begin() as conn:
        record_status(conn, [(c, at("2022-03-01 00:00"), int(CS.ONLINE)) for c in cams], "test")
    map_world.set_camera_status(cams[1], CS.FAULT, "2022-03-12 09:00")
    map_world.set_camera_status(cams[2], CS.OFFLINE, "2022-03-20 09:00")
    console = Console(map_world.store)
    w = MainWindow(console, english=True)
    qtbot.addWidget(w)
    w.show()
    w.feature_tools.open_table("cameras")
    panel = w.panel("attributes")
    qtbot.waitUntil(panel.isVisible)
    status_column = panel.model.table.keys.index("status")
    code_column = panel.model.table.keys.index("code")
    panel.filter.setText("HX")
    panel.view.sortByColumn(code_column, Qt.SortOrder.DescendingOrder)
    panel.view.selectRow(1)  # HX1
    layer = console.layers["cameras"]
    assert layer.fields["code"][console.feature_selection.rows("cameras")].tolist() == ["HX1"]
    words = {CS.ONLINE: "online", CS.OFFLINE: "offline", CS.FAULT: "fault"}
    events, row_of = status_events(map_world.store), {int(i): k for k, i in enumerate(console.cameras.ids)}

    def cells() -> dict[str, str]:
        return {panel.model.index(r, code_column).data(): panel.model.index(r, status_column).data()
                for r in range(panel.model.rowCount())}

    for day in ("2022-03-31", "2022-03-05", "2022-03-15", "2022-03-21"):
        console.context.as_of = dt.date.fromisoformat(day)
        then = statuses_at(events, console.cameras.ids, console.cameras.status, end_of_day_seconds(dt.date.fromisoformat(day)))
        assert cells() == {f"HX{i}": words[CS(int(then[row_of[c]]))] for i, c in enumerate(cams)}, day
        assert [panel.model.index(r, code_column).data() for r in range(panel.model.rowCount())] == ["HX2", "HX1", "HX0"]
        assert [panel.model.index(i.row(), code_column).data() for i in panel.view.selectionModel().selectedRows()] == ["HX1"]
        assert layer.fields["code"][console.feature_selection.rows("cameras")].tolist() == ["HX1"]
    # a filter on the status follows the date as well: at fault on the 15th, not on the 5th
    panel.filter.setText("fault")
    assert list(cells()) == ["HX1"]
    console.context.as_of = dt.date(2022, 3, 5)
    assert cells() == {}
    console.context.as_of = dt.date(2022, 3, 15)
    assert cells() == {"HX1": "fault"}
