"""The trace panel draws the contact graph, lists contacts with evidence, exports and dispatches."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.console import Console
from app.views.trace_panel import TracePanel
from tests.factories import World, at
from tests.views.dialogs import Answers


@pytest.fixture
def panel(world: World, qtbot) -> TracePanel:  # noqa: ANN001
    market, shop = world.add_place(name="菜场"), world.add_place(name="超市")
    case, a, b = world.add_person(), world.add_person(), world.add_person(grid=None)
    world.add_scan(case, market, "2022-03-20 10:00")
    world.add_scan(a, market, "2022-03-20 10:20")
    world.add_scan(a, shop, "2022-03-21 10:00")
    world.add_scan(b, shop, "2022-03-21 10:05")
    widget = TracePanel(Console(world.store).tracing)
    qtbot.addWidget(widget)
    widget.person.setValue(case)
    widget.onset.setDateTime(widget.onset.dateTime().fromString("2022-03-25 10:00", "yyyy-MM-dd HH:mm"))
    return widget


def test_trace_from_the_panel(panel: TracePanel, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    with qtbot.waitSignal(panel._run.events.result, timeout=20_000):
        panel.run()
    panel.worker.wait()
    result = panel._run.result
    assert result.onset == at("2022-03-25 10:00")
    assert [(c.person_id, c.depth) for c in result.contacts] == [(2, 1), (3, 2)]
    assert panel.model.rowCount() == 2 and panel.model.index(0, 4).data() == "菜场"
    assert len(panel.graph.pos) == 3 and panel.graph.adjacency.tolist() == [[0, 1], [1, 2]]
    assert panel._run.context.highlighted_persons == [2, 3]
    assert panel.export_to(str(tmp_path / "c.csv")) == 2
    Answers(accept=True)
    tasks = panel.dispatch()
    assert sorted(p for t in tasks for p in panel._run.tasks.people(t)) == [2, 3]
