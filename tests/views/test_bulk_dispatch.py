"""Bulk dispatch says what it will do and asks; Ctrl+Z takes it back by cancelling the tasks, in their audit trail."""

from __future__ import annotations

import pytest

from app.console import Console
from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.domain.tasks import TaskStatus
from app.views.screening_panel import ScreeningPanel
from tests.factories import World
from tests.views.dialogs import Answers

# three returned people in two grids (two grid leaders), one still in 上海
HOMES = ("330382001001001", "330382001001001", "330382002002001")


@pytest.fixture
def panel(world: World, qtbot) -> ScreeningPanel:  # noqa: ANN001
    city = world.add_city("上海")
    world.add_risk_area(city, "2022-03-01 00:00")
    gate = world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    for home in HOMES:
        person = world.add_person(home, kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
        world.add_scan(person, gate, "2022-03-10 10:00", direction=Direction.INBOUND, from_city=city)
    world.add_person(kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
    console = Console(world.store)
    widget = ScreeningPanel(console.screening, console.atlas, console.period, console.period_end)
    qtbot.addWidget(widget)
    widget.city.setCurrentText("上海")
    with qtbot.waitSignal(console.screening.events.result, timeout=20_000):
        widget.run()
    widget.worker.wait()
    return widget


def test_dispatch_states_tasks_and_receivers_and_asks(panel: ScreeningPanel) -> None:
    answers = Answers(accept=False)
    assert panel.dispatch() == []
    question = answers.asked[0]
    assert "Dispatch 2 task" in question and "to 2 grid leader" in question and "3 person" in question
    assert panel._run.tasks.store.engine.connect().exec_driver_sql("SELECT count(*) FROM tasks").scalar() == 0
    assert "no task created" in panel.dispatch_status.text()


def test_undo_cancels_the_dispatched_tasks_in_their_audit_trail(panel: ScreeningPanel) -> None:
    Answers(accept=True)
    tasks = panel.dispatch()
    service = panel._run.tasks
    assert len(tasks) == 2 and all(service.get(t).status == TaskStatus.NEW for t in tasks)
    stack = panel.bulk.undo_stack
    assert stack.count() == 1 and stack.undoText().startswith("Dispatch 2 task")
    stack.undo()
    for task in tasks:
        assert service.get(task).status == TaskStatus.CANCELLED
        last = service.events(task)[-1]
        assert (last.action, last.to_status, last.by) == ("transition", int(TaskStatus.CANCELLED), "console")
        assert last.note.startswith("undo in the console: Dispatch 2 task")
    assert "2 task" in panel.dispatch_status.text() and "cancelled" in panel.dispatch_status.text()
    stack.redo()  # dispatching again creates new tasks; the cancelled ones stay in the log
    assert len({*tasks, *panel.bulk.undo_stack.command(0).dispatch.task_ids}) == 4


def test_undo_leaves_a_task_someone_finished(panel: ScreeningPanel) -> None:
    Answers(accept=True)
    first, second = panel.dispatch()
    service = panel._run.tasks
    for status in ("dispatched", "acknowledged", "in_progress", "done"):
        service.transition(first, status, by="grid leader")
    panel.bulk.undo_stack.undo()
    assert service.get(first).status == TaskStatus.DONE and service.get(second).status == TaskStatus.CANCELLED
    assert "1 already closed" in panel.dispatch_status.text()
