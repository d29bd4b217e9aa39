"""The dispatch queue panel: pages instead of loading every task, sorts and filters in the store, its
actions change the store, overdue rows are red, another console's change shows within 2 s (within 1 s on
PostGIS, where nothing polls), and the re-reads and the escalation run off the GUI thread."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import event

from app.console import Console
from app.domain.tasks import TaskStatus as S
from app.models.dispatch.service import TaskService, TaskSpec
from app.views.poller import THREAD_PREFIX
from app.views.store_follower import StoreFollower
from app.views.task_queue_panel import TaskQueuePanel
from app.views.task_table_model import DUE_COLUMN, OVERDUE, PAGE, countdown
from tests.factories import Clock, World, at

T0 = at("2022-03-10 08:00")


@pytest.fixture
def console(world: World, clock: Clock) -> Console:
    c = Console(world.store)
    c.__dict__["tasks"] = TaskService(world.store, clock=clock)  # the console's service, on the test's clock
    return c


@pytest.fixture
def panel(qtbot, console: Console, monkeypatch: pytest.MonkeyPatch) -> Iterator[TaskQueuePanel]:  # noqa: ANN001
    monkeypatch.setenv("JINGKONG_USER", "op1")
    widget = TaskQueuePanel(console.tasks, console.context, console.audit)
    qtbot.addWidget(widget)
    follower = StoreFollower(console.indicators, console.context, console.changes)  # the console's one change feed
    yield widget
    follower.stop()
    for reader in (widget.reader, widget.integrity, widget.escalator):
        reader.join()


@pytest.fixture
def statements(world: World) -> list[tuple[int, str]]:
    """(thread id, SQL) of every statement the test store's engine runs from now on."""
    seen: list[tuple[int, str]] = []

    def record(_conn, _cursor, statement: str, *_args) -> None:  # noqa: ANN001
        seen.append((threading.get_ident(), statement))

    event.listen(world.store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(world.store.engine, "before_cursor_execute", record)


def _seed(console: Console, n: int, priority: int = 2) -> list[int]:
    return console.tasks.create_many([TaskSpec("screening", "manual", f"task {i}", "330382001001001", priority=priority)
                                      for i in range(n)])


def _select(panel: TaskQueuePanel, ids: list[int]) -> None:
    selection = panel.table.selectionModel()
    selection.clear()
    for i, row in enumerate(panel.model.rows):
        if row.id in ids:
            selection.select(panel.model.index(i, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_panel_pages_instead_of_loading_every_task(console: Console, panel: TaskQueuePanel) -> None:
    _seed(console, PAGE * 2 + 50)
    panel.reload()
    assert (len(panel.model.rows), panel.model.total) == (PAGE, PAGE * 2 + 50)
    panel.model.fetchMore(panel.model.index(-1, -1))
    assert len(panel.model.rows) == 2 * PAGE
    assert panel.summary.text() == f"{PAGE} of {2 * PAGE + 50} tasks"


def test_sorting_and_filtering_happen_in_the_store(console: Console, panel: TaskQueuePanel) -> None:
    _seed(console, 3, priority=2)
    urgent = _seed(console, 1, priority=1)
    panel.model.sort(2, Qt.SortOrder.AscendingOrder)
    assert panel.model.rows[0].id == urgent[0]
    panel.search.setText("task 2")
    assert [r.title for r in panel.model.rows] == ["task 2"]
    panel.search.setText("")
    panel.status.setCurrentIndex(panel.status.findText("done"))
    assert panel.model.total == 0


def test_actions_change_the_store_one_or_many(console: Console, panel: TaskQueuePanel) -> None:
    ids = _seed(console, 3)
    panel.reload()
    _select(panel, ids)
    assert panel.buttons["dispatch"].isEnabled() and not panel.buttons["done"].isEnabled()
    panel.buttons["dispatch"].click()
    assert {console.tasks.get(i).status for i in ids} == {S.DISPATCHED}
    _select(panel, ids[:1])
    panel.buttons["claim"].click()
    assert console.tasks.get(ids[0]).claimed_by == "op1"
    assert [e.by for e in console.tasks.events(ids[0])][-1] == "op1"
    assert panel.detail.trail.rowCount() == 3
    panel.detail.note.setText("到场核实")
    panel.detail.add.click()
    assert (panel.detail.trail.rowCount(), console.tasks.events(ids[0])[-1].note) == (4, "到场核实")
    _select(panel, ids)
    panel.buttons["cancel"].click()
    assert {console.tasks.get(i).status for i in ids} == {S.CANCELLED}


def test_overdue_rows_are_red_with_a_negative_countdown(console: Console, panel: TaskQueuePanel, clock: Clock) -> None:
    [task] = _seed(console, 1)
    clock.now = console.tasks.get(task).due_at + 3600 + 120
    panel.reload()
    index = panel.model.index(0, DUE_COLUMN)
    assert panel.model.data(index) == "-1h 02m"
    assert panel.model.data(index, Qt.ItemDataRole.ForegroundRole) == OVERDUE
    assert countdown(2 * 86_400 + 3 * 3600) == "2d 3h"


def test_another_consoles_change_shows_within_two_seconds(qtbot, world: World, console: Console,  # noqa: ANN001
                                                          panel: TaskQueuePanel) -> None:
    [task] = _seed(console, 1)
    other = Console.open(world.store.url)  # another console: its own store handle and connections on the file
    try:
        other.tasks.transition(task, "dispatched", by="other")
    finally:
        other.close()
    qtbot.waitUntil(lambda: bool(panel.model.rows) and panel.model.rows[0].status == S.DISPATCHED, timeout=2000)


def test_the_poll_reads_the_store_off_the_gui_thread(qtbot, world: World, console: Console,  # noqa: ANN001
                                                     panel: TaskQueuePanel, statements: list[tuple[int, str]]) -> None:
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(threading.get_ident()))  # runs where the reset happens
    [task] = _seed(console, 1)
    statements.clear()  # the test's own writes above ran on this thread
    qtbot.waitUntil(lambda: [r.id for r in panel.model.rows] == [task], timeout=2000)
    with qtbot.waitSignal(panel.reader.sigResult, timeout=2000):
        panel.reader.request()  # and one more read, which finds nothing new
    gui = threading.main_thread().ident
    assert statements, "the re-read read the store"
    assert gui not in {thread for thread, _sql in statements}
    assert resets and set(resets) == {gui}  # the GUI thread applied the page


def test_overdue_tasks_escalate_off_the_gui_thread(qtbot, console: Console, panel: TaskQueuePanel, clock: Clock,  # noqa: ANN001
                                                   statements: list[tuple[int, str]]) -> None:
    [task] = _seed(console, 1)
    clock.now = console.tasks.get(task).due_at + 1
    statements.clear()
    with qtbot.waitSignal(panel.escalator.sigResult, timeout=5000) as escalated:
        panel.escalator.request()  # what the escalation clock does every minute
    assert escalated.args == [[task]]
    assert panel.message.text() == "1 overdue task(s) escalated"
    escalated_to = console.tasks.router.unit(console.tasks.get(task).escalated_unit_id)
    assert escalated_to.code == "330382001001"  # the grid's village
    writes = [thread for thread, sql in statements if sql.lstrip().upper().startswith("UPDATE TASKS")]
    assert writes and threading.main_thread().ident not in writes


def test_task_targets_and_open_tasks_go_to_the_map(world: World, console: Console, panel: TaskQueuePanel) -> None:
    _seed(console, 2)
    person = world.add_person("330382002002001")
    about = console.tasks.create(kind="warning_verification", source="warning", title="核实", person_ids=[person])
    panel.reload()
    _select(panel, [about])
    panel.show_on_map()
    assert (console.context.selected_unit, console.context.highlighted_persons) == ("330382002002001", [person])
    panel.show_open_tasks()
    assert (console.context.choropleth.level, console.context.choropleth.values) == (
        "grid", {"330382001001001": 2.0, "330382002002001": 1.0})


def test_a_change_from_another_process_shows_within_two_seconds(qtbot, world: World, console: Console,  # noqa: ANN001
                                                                panel: TaskQueuePanel) -> None:
    [task] = _seed(console, 1)
    console.tasks.transition(task, "dispatched", by="cmd")
    panel.reload()
    db = world.store.url.removeprefix("sqlite:///")
    subprocess.run([sys.executable, "-m", "app.cli", "tasks", "claim", str(task), "--by", "far-away", "--db", db],
                   cwd=Path(__file__).resolve().parents[2], check=True, capture_output=True)
    qtbot.waitUntil(lambda: panel.model.rows[0].claimed_by == "far-away", timeout=2000)


def test_a_status_set_behind_the_consoles_back_raises_the_integrity_alarm(qtbot, world: World, console: Console,  # noqa: ANN001
                                                                        panel: TaskQueuePanel) -> None:
    [task] = _seed(console, 1)
    qtbot.waitUntil(lambda: [r.id for r in panel.model.rows] == [task], timeout=2000)
    assert panel.alarm.isHidden()
    with world.store.begin() as conn:  # what `UPDATE tasks SET status=4` in a database shell does
        conn.exec_driver_sql(f"UPDATE tasks SET status = 4 WHERE id = {task}")
    qtbot.waitUntil(lambda: not panel.alarm.isHidden(), timeout=3000)  # the change feed hears it by itself
    assert f"tasks {task})" in panel.alarm.text()


@pytest.mark.postgres
def test_on_postgis_another_connections_write_shows_within_a_second_and_nothing_polls(qtbot, postgres,  # noqa: ANN001
                                                                                       monkeypatch) -> None:
    earlier = set(threading.enumerate())  # pollers of earlier tests' consoles end in their own time
    world = World.create(postgres.new_database())
    here, there = Console.open(world.store.url), Console.open(world.store.url)  # two consoles, two engines
    monkeypatch.setenv("JINGKONG_USER", "op1")
    try:
        panel = TaskQueuePanel(here.tasks, here.context, here.audit)
        qtbot.addWidget(panel)
        follower = StoreFollower(here.indicators, here.context, here.changes)
        assert here.changes.wait_ready()
        qtbot.waitUntil(lambda: not (panel.reader.busy or follower.look.busy), timeout=10_000)
        task = there.tasks.create(kind="screening", source="manual", title="far", target_unit_code="330382001001001")
        qtbot.waitUntil(lambda: [r.id for r in panel.model.rows] == [task], timeout=1000)
        there.tasks.transition(task, "dispatched", by="other")
        qtbot.waitUntil(lambda: panel.model.rows[0].status == S.DISPATCHED, timeout=1000)
        with there.store.begin() as conn:  # a status set in a database shell: pushed, and the alarm goes up
            conn.exec_driver_sql(f"UPDATE tasks SET status = 4 WHERE id = {task}")
        qtbot.waitUntil(lambda: not panel.alarm.isHidden(), timeout=1000)
        assert follower.poller is None
        assert not [t.name for t in set(threading.enumerate()) - earlier if t.name.startswith(THREAD_PREFIX)]
        follower.stop()
        for reader in (panel.reader, panel.integrity, follower.look):
            reader.join()
    finally:
        here.close()
        there.close()
        world.store.close()
