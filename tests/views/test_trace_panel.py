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
    widget = TracePanel(Console(world.store).tracing, None)
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
    assert panel.model.rowCount() == 2 and panel.model.index(0, 5).data() == "菜场"
    assert [panel.model.index(0, k).data() for k in (1, 2)] == ["测*2", "Close contact"]
    graph = panel.graph_view.graph
    assert len(graph.pos) == 3 and graph.adjacency.tolist() == [[0, 1], [1, 2]]
    assert panel._run.context.highlighted_persons == [2, 3]
    assert panel.export_to(str(tmp_path / "c.csv")) == 2
    Answers(accept=True)
    tasks = panel.dispatch()
    assert sorted(p for t in tasks for p in panel._run.tasks.people(t)) == [2, 3]


@pytest.fixture
def linked_panel(world: World, qtbot) -> tuple[TracePanel, Console, dict[str, int]]:  # noqa: ANN001
    """A case, a close contact (home 330382002001001) met at a market, and a secondary contact met at a shop."""
    console = Console(world.store)
    market = world.add_place("330382001001001", name="菜场")
    shop = world.add_place("330382001002002", name="超市")
    case, a, b = world.add_person(), world.add_person("330382002001001"), world.add_person("330382002002002")
    world.add_scan(case, market, "2022-03-20 10:00")
    world.add_scan(a, market, "2022-03-20 10:20")
    world.add_scan(a, shop, "2022-03-21 10:00")
    world.add_scan(b, shop, "2022-03-21 10:05")
    widget = TracePanel(console.tracing, console.period, selection=console.feature_selection)
    qtbot.addWidget(widget)
    widget.resize(700, 950)  # a workstation's right column: the graph has room for every label
    widget.show()
    widget.person.setValue(case)
    widget.onset.setDateTime(widget.onset.dateTime().fromString("2022-03-25 10:00", "yyyy-MM-dd HH:mm"))
    with qtbot.waitSignal(console.tracing.events.result, timeout=20_000):
        widget.run()
    widget.worker.wait()
    return widget, console, {"market": market, "shop": shop}


def test_graph_nodes_are_labelled_and_styled_by_role(linked_panel) -> None:  # noqa: ANN001
    panel, _console, _places = linked_panel
    view = panel.graph_view
    texts = [item.toPlainText() for item in view.labels]
    assert texts == ["测*1 · Case\n03-25 10:00", "测*2 · Close contact\n03-20 10:20",
                     "测*3 · Secondary contact\n03-21 10:05"]  # masked names (测试2 → 测*2), never in clear
    assert view.shown_labels() == [0, 1, 2]
    symbols = view.graph.scatter.data["symbol"].tolist()
    brushes = [view.graph.scatter.data["brush"][i].color().name() for i in range(3)]
    assert len(set(symbols)) == 3 and len(set(brushes)) == 3  # case, close and secondary differ in shape and colour
    from PySide6.QtWidgets import QLabel

    legend = [label.text() for label in view.findChildren(QLabel) if label.text()]
    assert legend == ["Case", "Close contact", "Secondary contact", "Tertiary contact"]


def test_clicking_a_node_selects_the_contact_and_shows_home_and_places_on_the_map(linked_panel, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPointF, Qt

    panel, console, places = linked_panel
    view = panel.graph_view
    zooms: list[tuple] = []
    console.feature_selection.events.zoom_to.connect(zooms.append)
    scene = view.box.mapViewToScene(QPointF(*view.pos[1]))
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.canvas.mapFromScene(scene))
    assert view.selected == 1
    assert panel.model.source_row(panel.table.currentIndex().row()) == 0  # the close contact's row in the list
    assert console.context.selected_unit == "330382002001001"  # their home grid, outlined on the map
    venues = console.layers["venues"]
    assert sorted(venues.ids[console.feature_selection.rows("venues")].tolist()) == [places["market"], places["shop"]]
    assert len(zooms) == 1
    # choosing the secondary contact in the list moves the graph and the map with it
    panel.table.selectRow(panel.model.view_row(1))
    assert view.selected == 2 and console.context.selected_unit == "330382002002002"
    assert venues.ids[console.feature_selection.rows("venues")].tolist() == [places["shop"]]


def test_the_graph_follows_a_dark_palette(linked_panel) -> None:  # noqa: ANN001
    from PySide6.QtGui import QColor, QPalette

    panel, _console, _places = linked_panel
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    panel.graph_view.setPalette(dark)
    view = panel.graph_view
    assert view.canvas.backgroundBrush().color().name() == "#1e1e1e"
    assert all(item.color.name() == "#f0f0f0" for item in view.labels)
