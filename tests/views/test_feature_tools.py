"""Identify, point tooltips, attribute tables and the selection they share with the map (issue 10, defect 10).

The map world (tests/views/conftest.py) has one checkpoint at the centre of grid 330382002001002, a test site
at the centre of 330382001002001, a quarantine hotel at 330382002001001 and cameras C1, C2 (grid
330382001001001) and C3 (330382002002002).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from app.views.attribute_table import AttributeTablePanel
from app.views.identify_panel import IdentifyPanel
from tests.factories import World
from tests.views.test_main_window import display

CHECKPOINT_GRID = "330382002001002"


def _screen(window, x: float, y: float) -> QPoint:  # noqa: ANN001
    """Viewport pixel of a map point."""
    canvas = window.canvas
    return canvas.mapFromScene(canvas.vb.mapViewToScene(QPointF(x, y)))


def _panel(window, key: str):  # noqa: ANN001, ANN202
    return window.panel(key)


def _tree_texts(panel: IdentifyPanel) -> dict[str, list[str]]:
    tree = panel.tree
    return {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(0)
                                          for j in range(tree.topLevelItem(i).childCount())]
            for i in range(tree.topLevelItemCount())}


def test_identify_at_a_checkpoint_lists_it_and_the_units_under_it(main_window, map_world: World, qtbot) -> None:  # noqa: ANN001
    main_window.canvas.zoom_to(CHECKPOINT_GRID)
    main_window.feature_tools.act_identify.trigger()
    assert main_window.canvas.identify_active
    where = _screen(main_window, *display(map_world, CHECKPOINT_GRID)) + QPoint(4, -3)  # a few pixels off the symbol
    selected_before = main_window.console.context.selected_unit
    qtbot.mouseClick(main_window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)
    panel: IdentifyPanel = _panel(main_window, "identify")
    listed = _tree_texts(panel)
    assert list(listed) == ["Checkpoints", "Micro-grids", "Villages", "Towns"]
    assert listed["Checkpoints"] == [f"highway@{CHECKPOINT_GRID}"]
    assert listed["Micro-grids"] == ["Grid 2 · 单元002"] and listed["Towns"] == ["单元002"]
    checkpoint = panel.tree.topLevelItem(0).child(0)
    attributes = {checkpoint.child(k).text(0): checkpoint.child(k).text(1) for k in range(checkpoint.childCount())}
    assert attributes["Category"] == "expressway checkpoint" and attributes["Grid code"] == CHECKPOINT_GRID
    assert main_window.console.context.selected_unit == selected_before  # identifying is not selecting
    # far from every point, only the polygons are listed
    main_window.canvas.sigIdentify.emit(*display(map_world, CHECKPOINT_GRID, dy=0.006))
    assert list(_tree_texts(panel)) == ["Micro-grids", "Villages", "Towns"]


def test_hover_over_a_point_describes_the_point_not_the_grid(main_window, map_world: World) -> None:  # noqa: ANN001
    main_window.canvas.zoom_to(CHECKPOINT_GRID)
    x, y = display(map_world, CHECKPOINT_GRID)
    text = main_window.canvas.hover_at(x + 3 * main_window.canvas.pixel_m(), y)
    assert text.startswith("[Checkpoints]") and f"highway@{CHECKPOINT_GRID}" in text and "Grid leader" not in text
    assert "[Grid]" in main_window.canvas.hover_at(*display(map_world, CHECKPOINT_GRID, dy=0.006))


def test_attribute_table_filters_sorts_and_selects_with_the_map(main_window, map_world: World, qtbot) -> None:  # noqa: ANN001
    main_window.feature_tools.open_table("grid")
    panel: AttributeTablePanel = _panel(main_window, "attributes")
    assert panel.key == "grid" and panel.model.rowCount() == 8
    panel.filter.setText("330382002")
    assert panel.model.rowCount() == 4
    codes = lambda: [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]  # noqa: E731
    panel.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert codes() == ["330382002002002", "330382002002001", "330382002001002", "330382002001001"]
    # table → map: choosing a row selects the unit everywhere
    panel.view.selectRow(1)
    assert main_window.console.context.selected_unit == "330382002002001"
    assert not main_window.canvas.highlight._selected.isEmpty()
    # map → table: a click on another grid selects its row
    main_window.canvas.zoom_to("330382002001001")
    main_window.canvas.click_at(*display(map_world, "330382002001001", dy=0.006))
    assert main_window.console.context.selected_unit == "330382002001001"
    assert [panel.model.index(i.row(), 0).data() for i in panel.view.selectionModel().selectedRows()] == ["330382002001001"]


def test_points_selected_in_the_table_are_ringed_and_a_map_click_selects_a_point(main_window, map_world: World) -> None:  # noqa: ANN001
    main_window.feature_tools.open_table("cameras")
    panel: AttributeTablePanel = _panel(main_window, "attributes")
    panel.filter.setText("C3")
    assert panel.model.rowCount() == 1
    panel.view.selectRow(0)
    camera_rows = main_window.console.feature_selection.rows("cameras")
    assert main_window.console.layers["cameras"].fields["code"][camera_rows].tolist() == ["C3"]
    assert len(main_window.feature_tools.marks) == 1
    assert "1 of 3 features, 1 selected" == panel.count.text()
    # a click on the quarantine hotel selects it, and no camera any more
    main_window.canvas.zoom_to("330382002001001")
    main_window.canvas.click_at(*display(map_world, "330382002001001"))
    assert main_window.console.feature_selection.rows("quarantine").tolist() == [0]
    assert len(main_window.console.feature_selection.rows("cameras")) == 0
    assert panel.view.selectionModel().selectedRows() == []
    panel.filter.clear()
    panel.show_layer("quarantine")
    assert len(panel.view.selectionModel().selectedRows()) == 1


def test_zoom_to_feature_shows_it(main_window, map_world: World) -> None:  # noqa: ANN001
    main_window.canvas.zoom_to_extent()
    before = main_window.canvas.vb.viewRect()
    main_window.feature_tools.open_table("cameras")
    panel: AttributeTablePanel = _panel(main_window, "attributes")
    panel.filter.setText("C3")
    panel.view.selectRow(0)
    panel.zoom_to_selection()
    after = main_window.canvas.vb.viewRect()
    x, y = display(map_world, "330382002002002")
    assert after.width() < before.width() / 5 and after.contains(QPointF(x, y))
    assert np.hypot(after.center().x() - x, after.center().y() - y) < after.width() * 0.05


@pytest.mark.usefixtures("chinese_translations")
def test_in_chinese_grids_read_di_n_wangge_and_identify_speaks_chinese(console, settings_dir, qtbot, map_world: World) -> None:  # noqa: ANN001
    from app.domain.admin import Level
    from app.views.main_window import MainWindow

    window = MainWindow(console)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.canvas.labels[Level.GRID].texts == ["第1网格", "第2网格"] * 4
    window.canvas.zoom_to(CHECKPOINT_GRID)
    window.canvas.sigIdentify.emit(*display(map_world, CHECKPOINT_GRID))
    panel: IdentifyPanel = _panel(window, "identify")
    assert list(_tree_texts(panel)) == ["卡口", "微网格", "村（社区）", "乡镇（街道）"]
    checkpoint = panel.tree.topLevelItem(0).child(0)
    attributes = {checkpoint.child(k).text(0): checkpoint.child(k).text(1) for k in range(checkpoint.childCount())}
    assert attributes["类别"] == "高速卡口" and attributes["村（社区）"] == "单元001"
    qtbot.waitUntil(lambda: window._counter.isFinished())
