"""The console shell: layers, selection, hover, search, drill-down, classification, settings."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from app.domain.admin import Level
from app.models.classify import Method
from app.models.context import Choropleth
from app.models.projection import to_display
from tests.factories import World


def display(world: World, grid: str, dx: float = 0.0, dy: float = 0.0) -> tuple[float, float]:
    lon, lat = world.grid_center(grid)
    x, y = to_display(np.array([lon + dx]), np.array([lat + dy]))
    return float(x[0]), float(y[0])


def county_scale(window) -> None:  # noqa: ANN001
    """View the tiny test county as the real one looks at full extent (50 km across: towns only)."""
    from PySide6.QtCore import QRectF

    centre = window.canvas.vb.viewRect().center()
    window.canvas.vb.setRange(QRectF(centre.x() - 25_000, centre.y() - 15_000, 50_000, 30_000), padding=0)


def test_window_opens_with_the_layers_and_counts(main_window) -> None:  # noqa: ANN001
    atlas = main_window.console.atlas
    assert [len(atlas.levels[lv]) for lv in Level] == [1, 2, 4, 8]
    tree = main_window.layer_panel.tree
    assert tree.topLevelItemCount() == len(main_window.console.layers) == 10  # 4 admin levels, 6 point layers
    assert main_window.layer_panel.item_for("cameras").text(0) == "Cameras  (3)"
    assert len(main_window.console.layers["checkpoints"]) == 1
    counts = main_window.status.counts.text()
    assert "Grid 8" in counts and "Cameras 3" in counts
    for spec_key in ("layers", "thematic", "cameras"):
        assert main_window.docks[spec_key].widget() is not None


def test_unticking_a_layer_hides_it(main_window, qtbot) -> None:  # noqa: ANN001
    item = main_window.layer_panel.item_for("town")
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert main_window.console.layers["town"].visible is False
    qtbot.waitUntil(lambda: not main_window.canvas.layer_painters["town"].visible)
    main_window.console.layers["town"].visible = True
    assert item.checkState(0) == Qt.CheckState.Checked


def test_the_layer_panel_reorders_layers(main_window) -> None:  # noqa: ANN001
    panel = main_window.layer_panel
    panel.tree.setCurrentItem(panel.item_for("village"))
    panel.up.click()
    keys = main_window.console.layers.keys()
    assert keys.index("village") == keys.index("town") + 1  # now drawn above the towns
    assert panel.tree.topLevelItem(len(keys) - 1 - keys.index("village")).text(0) == "Villages"
    panel.opacity.setValue(30)
    assert main_window.console.layers["village"].opacity == 0.3


def test_a_click_selects_the_unit_there_and_the_panels_hear(main_window, map_world: World) -> None:  # noqa: ANN001
    heard: list[str | None] = []
    main_window.console.context.events.selected_unit.connect(heard.append)
    county_scale(main_window)
    main_window.canvas.click_at(*display(map_world, "330382002001001"))
    assert heard == ["330382002"]  # at county view a click picks a town
    assert main_window.camera_panel.table.rowCount() == 1
    assert main_window.camera_panel.table.item(0, 4).text() == "C3"


def test_hover_shows_name_code_parent_and_figures(main_window, map_world: World) -> None:  # noqa: ANN001
    county_scale(main_window)
    text = main_window.canvas.hover_at(*display(map_world, "330382001002001"))
    assert "330382001" in text and "单元001" in text
    assert "Parent: 测试县" in text and "Population: 400" in text
    assert main_window.canvas.hover_at(0.0, 0.0) == ""
    main_window.canvas.zoom_to("330382001002001")  # zoomed in, hover picks grids and names their leader
    beside_the_test_site = display(map_world, "330382001002001", dy=0.005)
    assert "Grid leader: 网格长2001  138****0000" in main_window.canvas.hover_at(*beside_the_test_site)


def test_search_zooms_to_the_unit(main_window, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClicks(main_window.search, "330382002001")
    qtbot.keyClick(main_window.search, Qt.Key.Key_Return)
    assert main_window.console.context.selected_unit == "330382002001"
    view = main_window.canvas.vb.viewRect()
    x0, y0, x1, y1 = main_window.console.atlas.bounds("330382002001")
    assert view.contains(x0, y0) and view.contains(x1, y1)
    assert view.height() < 1.3 * (y1 - y0) or view.width() < 1.3 * (x1 - x0)


def test_search_completes_by_pinyin(main_window, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClicks(main_window.search, "unit 3303820020")
    shown = main_window.search.completer().model().stringList()
    assert shown and all("3303820020" in s for s in shown)


@pytest.mark.usefixtures("chinese_ui")
def test_double_click_drills_down_and_the_breadcrumb_goes_back(main_window, map_world: World) -> None:  # noqa: ANN001
    point = display(map_world, "330382001002002")
    county_scale(main_window)
    main_window.canvas.double_click_at(*point)
    main_window.canvas.double_click_at(*point)
    drill = main_window.console.drill
    assert drill.path == ["330382", "330382001", "330382001002"]
    assert [b.text() for b in main_window.breadcrumb.buttons] == ["测试县", "单元001", "单元002"]
    main_window.canvas.click_at(*point)
    assert main_window.console.context.selected_unit == "330382001002002"  # inside a village a click picks grids
    main_window.breadcrumb.buttons[0].click()
    assert drill.path == ["330382"]


def test_the_english_interface_names_places_in_pinyin(main_window, map_world: World) -> None:  # noqa: ANN001
    point = display(map_world, "330382001002002")
    county_scale(main_window)
    main_window.canvas.double_click_at(*point)
    assert [b.text() for b in main_window.breadcrumb.buttons] == ["Unit 330382", "Unit 330382001"]


def _pixel(window, world: World, grid: str) -> QColor:  # noqa: ANN001
    x, y = display(world, grid, dy=-0.006)  # below the label at the grid's centre
    pos = window.canvas.mapFromScene(window.canvas.vb.mapViewToScene(QPointF(x, y)))
    return window.canvas.viewport().grab().toImage().pixelColor(pos)


def test_a_new_classification_changes_colours_and_legend(main_window, map_world: World, qtbot) -> None:  # noqa: ANN001
    for key in ("cameras", "test_sites", "quarantine", "checkpoints"):
        main_window.console.layers[key].visible = False
    codes = map_world.grid_codes()
    values = {code: float(i) for i, code in enumerate(codes)}  # 0..7
    main_window.console.context.choropleth = Choropleth("测试值", "grid", values)
    thematic = main_window.console.thematic
    panel = main_window.thematic_panel
    assert panel.field.currentText() == "测试值" and thematic.level == Level.GRID
    panel.method.setCurrentIndex(panel.method.findData(Method.EQUAL_INTERVAL.value))
    panel.classes.setValue(4)
    assert thematic.method is Method.EQUAL_INTERVAL and thematic.k == 4
    assert [e.label for e in thematic.legend()] == ["0.0 – 1.8", "1.8 – 3.5", "3.5 – 5.2", "5.2 – 7.0"]
    qtbot.wait(20)
    low, high = _pixel(main_window, map_world, codes[0]), _pixel(main_window, map_world, codes[7])
    assert low.name() == thematic.colours[0] and high.name() == thematic.colours[3]
    panel.palette.setCurrentIndex(panel.palette.findData("viridis"))
    qtbot.wait(20)
    assert _pixel(main_window, map_world, codes[7]).name() == thematic.colours[3] != high.name()


def test_settings_restore_the_layout(main_window, console, qtbot) -> None:  # noqa: ANN001
    from app.console import Console
    from app.views.main_window import MainWindow

    # the test screen is a laptop's: panels open one at a time from the strip, all closed at first
    main_window.show_panel("cameras")
    main_window.console.layers["village"].opacity = 0.4
    main_window.close()
    again = MainWindow(Console(console.store), english=True)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not again.docks["cameras"].isHidden() and again.panels.shown == "cameras"
    assert again.console.layers["village"].opacity == pytest.approx(0.4)
    again.reset_layout()
    assert again.docks["cameras"].isHidden() and again.panels.shown is None
    qtbot.waitUntil(lambda: again._counter.isFinished())


def test_every_registered_panel_is_built_in_its_dock(main_window) -> None:  # noqa: ANN001
    from app.views.panels import PANELS
    from app.views.task_queue_panel import TaskQueuePanel
    from app.views.warning_panel import WarningPanel

    built = {spec.key: type(main_window.panel(spec.key)).__name__ for spec in PANELS}
    assert built == {"task_queue": "TaskQueuePanel", "task_transfers": "TaskTransferPanel", "warnings": "WarningPanel",
                     "screening": "ScreeningPanel", "tracing": "TracePanel", "indicators": "IndicatorPanel",
                     "vaccination": "VaccinationTablePanel", "identify": "IdentifyPanel",
                     "attributes": "AttributeTablePanel", "dashboard": "DashboardPanel",
                     "incident": "IncidentPanel", "sync_conflicts": "ConflictPanel", "facilities": "FacilityPanel"}
    queue = main_window.panel("task_queue")
    assert isinstance(queue, TaskQueuePanel) and queue.context is main_window.console.context
    assert isinstance(main_window.panel("warnings"), WarningPanel)


def test_a_panel_that_cannot_be_built_stops_the_window(console, settings_dir, qtbot) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow
    from app.views.panels import PanelSpec

    def broken(_console, _parent):  # noqa: ANN001, ANN202
        raise LookupError("no such model")

    with pytest.raises(LookupError, match="no such model"):
        MainWindow(console, english=True, panels=[PanelSpec("broken", broken, "right", "坏", "Broken", eager=True)])
    window = MainWindow(console, english=True, panels=[PanelSpec("broken", broken, "right", "坏", "Broken")])
    qtbot.addWidget(window)
    with pytest.raises(LookupError, match="no such model"):  # a panel built when first shown fails then
        window.panel("broken")


def test_a_hidden_dock_is_built_when_first_shown(qtbot, console, settings_dir) -> None:  # noqa: ANN001
    """At start only the panels in sight (and the eager task queue) are built; a dock behind a tab is a placeholder
    until it is raised, and then shows its data."""
    from app.views.facility_panel import FacilityPanel
    from app.views.lazy_panel import LazyPanel
    from app.views.main_window import MainWindow
    from app.views.panels import PANELS
    from app.views.task_queue_panel import TaskQueuePanel

    window = MainWindow(console, english=True)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._counter.isFinished())
    contents = {key: dock.widget().widget() for key, dock in window.docks.items()}
    assert isinstance(contents["task_queue"], TaskQueuePanel)  # eager: its pollers escalate overdue tasks
    lazy = {spec.key for spec in PANELS if not spec.eager}
    behind = [key for key, dock in window.docks.items() if key in lazy and not dock.widget().isVisible()]
    assert "facilities" in behind and all(isinstance(contents[k], LazyPanel) for k in behind)
    assert not window.findChildren(FacilityPanel)
    window.show_panel("facilities")
    qtbot.waitUntil(lambda: isinstance(window.docks["facilities"].widget().widget(), FacilityPanel))
    panel = window.docks["facilities"].widget().widget()
    assert panel.isVisible() and panel.facilities.rowCount() == 1  # the quarantine hotel of the test store
