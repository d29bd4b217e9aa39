"""After the admin layers are replaced in the console's import wizard (or the replacement undone), the map, the search
and the drill follow the new units at once, without opening the store again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.console import Console
from app.domain.admin import Level
from app.store.export import read_layer
from tests.factories import World

OLD, NEW = "330382002002002", "330382002002009"  # the last grid, given a new code (still nested in its village)


def _renamed_grid_file(world: World, path: Path) -> Path:
    grids = read_layer(world.store, "grids")[["code", "name_zh", "geometry"]].rename(columns={"code": "网格编码",
                                                                                          "name_zh": "网格名称"})
    row = grids.index[grids["网格编码"] == OLD][0]
    grids.loc[row, ["网格编码", "网格名称"]] = [NEW, "新建网格"]
    grids.to_crs(4549).to_file(path, engine="pyogrio")
    return path


def _grids(window) -> set[str]:  # noqa: ANN001
    """The grids the map draws."""
    return {str(c) for c in window.canvas.atlas.levels[Level.GRID].data.codes}


def _search(qtbot, window, text: str) -> None:  # noqa: ANN001
    window.search.setText(text)  # typed (QTest cannot type Chinese)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)


def test_the_map_search_and_drill_follow_a_replacement_and_its_undo(qtbot, main_window, console: Console,  # noqa: ANN001
                                                                    map_world: World, tmp_path: Path) -> None:
    window = main_window
    console.drill.drill_to(OLD)
    console.context.selected_unit = OLD
    console.indicators.compute()  # as the indicator panels do in a worker
    console.context.indicator = "pop_present"
    assert console.thematic.indicator.id == "pop_present"
    wizard = window.import_wizard()
    wizard.file_page.kinds.setCurrentIndex(wizard.file_page.kinds.findData("boundaries"))
    wizard.file_page.path.setText(str(_renamed_grid_file(map_world, tmp_path / "grids.gpkg")))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.topology_page.report is not None, timeout=20_000)
    assert wizard.topology_page.isComplete(), wizard.topology_page.summary.text()
    wizard.next()
    replace = wizard.replace_page
    qtbot.waitUntil(lambda: replace.report is not None, timeout=20_000)
    assert replace.report.replaced["removed"] == 1 and replace.report.replaced["added"] == 1
    assert "opened again" not in replace.status.text()

    assert NEW in _grids(window) and OLD not in _grids(window)
    # the grid in focus is gone: the focus is its village, the selection is cleared
    assert (console.drill.path[-1], console.context.selected_unit) == (OLD[:12], None)
    assert window.breadcrumb.isVisible() and window.canvas.isVisible()
    assert console.context.indicator == "pop_present", (console.context.indicator, console.context.choropleth)
    assert window.canvas.thematic is console.thematic and console.thematic.indicator.id == "pop_present"  # still shown
    _search(qtbot, window, "新建网格")
    assert (console.drill.path[-1], console.context.selected_unit) == (NEW, NEW)
    assert [b.toolTip() for b in window.breadcrumb.buttons][-1] == NEW

    replace.undo.click()
    qtbot.waitUntil(lambda: replace.undone is not None, timeout=20_000)
    assert OLD in _grids(window) and NEW not in _grids(window)
    assert (console.drill.path[-1], console.context.selected_unit) == (OLD[:12], None)
    _search(qtbot, window, OLD)
    assert console.context.selected_unit == OLD
