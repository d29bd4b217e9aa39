"""One command picture: after every action (indicator chosen, date moved, drill-down, search, Home, a run that
recolours, another console's writes) the map colours, the legend, the breadcrumb, the panels and the dashboard
tell the same story — the one the engine computes for the state the console is in.

Driven through the real main window on a copy of the tiny demo county, in both interface languages.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage

from app.console import Console
from app.domain.admin import Level
from app.map.language import unit_names
from app.map.point_painter import PointPainter
from app.views.as_of_control import AsOfControl
from app.views.dashboard import DashboardPanel
from app.views.indicator_format import format_value
from app.views.indicator_panel import IndicatorPanel
from app.views.map_text import legend

INDICATOR = "vax_d1_cov"  # first-dose coverage: grows day by day in the demo county, a rate with thresholds


@pytest.fixture
def store_copy(tiny_store_path: str, tmp_path: Path) -> str:
    path = tmp_path / "tiny.gpkg"
    shutil.copy(tiny_store_path, path)
    return str(path)


def _open_window(qtbot, store_path: str, english: bool):
    from app.views.main_window import MainWindow

    console = Console.open(store_path)
    window = MainWindow(console, english=english)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = _panel(window, IndicatorPanel)
    qtbot.waitUntil(lambda: console.indicators.ready and bool(panel.model.rows), timeout=60_000)
    return window


@pytest.fixture
def window(qtbot, store_copy: str, settings_dir: Path):
    w = _open_window(qtbot, store_copy, english=True)
    yield w
    w.console.close()


@pytest.fixture(params=["en", "zh"])
def window_in_each_language(request, qtbot, store_copy: str, settings_dir: Path):
    if request.param == "zh":
        request.getfixturevalue("chinese_translations")
    w = _open_window(qtbot, store_copy, english=request.param == "en")
    yield w
    w.console.close()


def _panel(window, kind: type):
    return next(p for key in window.docks if isinstance(p := window.panel(key), kind))


def _click_indicator(qtbot, window, indicator_id: str) -> None:
    panel = _panel(window, IndicatorPanel)
    panel.group.setCurrentIndex(0)
    row = next(i for i, r in enumerate(panel.model.rows) if r.indicator.id == indicator_id)
    panel.table.scrollTo(panel.model.index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(panel.model.index(row, 0)).center())


def _settle(qtbot, window) -> None:
    """Let the posted refreshes and repaints run."""
    qtbot.wait(50)
    window.canvas.viewport().repaint()


def _engine_values(window, level: Level, indicator: str = INDICATOR) -> np.ndarray:
    """The engine's values of ``indicator`` for the atlas's units of ``level``, as of the context's date."""
    c = window.console
    engine = c.indicators
    by_code = dict(zip(map(str, engine.codes(level)), engine.level_values(indicator, level, c.context.as_of)))
    return np.array([by_code.get(str(code), np.nan) for code in c.atlas.levels[level].data.codes])


def assert_picture_agrees(window) -> None:
    """Every view shows the state of the command picture."""
    c, canvas = window.console, window.canvas
    thematic, drill = c.thematic, c.drill
    # the legend drawn on the map is the legend of the thematic model, and names the painter's classes and colours
    title, entries = legend(thematic, c.layers)
    assert canvas._legend() == (title, entries)
    assert canvas._furniture_key[:2] == (title, tuple(entries))  # the legend last painted is this one
    classes = [e.colour for e in thematic.legend() if not e.no_data]
    assert [colour for colour, _ in entries[: len(classes)]] == classes == thematic.colours == canvas.choropleth.colours
    assert canvas.choropleth.level == thematic.level
    # then the classes of the point layers shown, in the colours their painters draw with
    own = legend(thematic)[1]
    painted = [colour for key, p in canvas.layer_painters.items() if isinstance(p, PointPainter) and c.layers[key].visible
               for colour in p.layer.class_colours]
    assert entries[: len(own)] == own and [colour for colour, _ in entries[len(own):] if colour] == painted
    # the breadcrumb names the unit in focus, and the map shows it
    names = [str(unit_names(c.atlas.find(code)[0].data)[c.atlas.find(code)[1]]) for code in drill.path]
    assert [b.text() for b in window.breadcrumb.buttons] == names
    x0, y0, x1, y1 = c.atlas.bounds(drill.path[-1])
    assert canvas.vb.viewRect().adjusted(-1, -1, 1, 1).contains(QRectF(x0, y0, x1 - x0, y1 - y0))
    # an indicator is shown at the level below the focus, with the engine's values for the date
    if c.context.indicator is not None:
        assert thematic.level == drill.child_level
        assert str(c.context.as_of) in title
        np.testing.assert_array_equal(thematic.values, _engine_values(window, thematic.level, c.context.indicator))
    # the dashboard shows the engine's figures for the selected unit (the county when none) and the date
    dashboard = _panel(window, DashboardPanel)
    code = c.context.selected_unit or drill.path[0]
    values = c.indicators.unit_values(code, c.context.as_of, [t.indicator for t in dashboard.tiles])
    for tile in dashboard.tiles:
        assert tile.value.text() == format_value(tile.indicator, values[tile.indicator.id])
    assert str(c.context.as_of) in dashboard.heading.text()
    window.show_panel("indicators")  # a hidden panel (the laptop starts with the strip closed) catches up when shown
    assert str(c.context.as_of) in _panel(window, IndicatorPanel).title.text()


def test_every_view_agrees_after_each_action(qtbot, window_in_each_language) -> None:
    window = window_in_each_language
    c = window.console
    _settle(qtbot, window)
    assert_picture_agrees(window)
    _click_indicator(qtbot, window, INDICATOR)
    _settle(qtbot, window)
    assert_picture_agrees(window)
    control = window.findChild(AsOfControl)
    control.slider.setValue(control.slider.value() - 5)
    _settle(qtbot, window)
    assert c.context.as_of == c.period_end - dt.timedelta(days=5)
    assert_picture_agrees(window)
    town = str(c.atlas.levels[Level.TOWN].data.codes[0])
    c.drill.drill_to(town)
    _settle(qtbot, window)
    assert_picture_agrees(window)
    window.show_county()
    _settle(qtbot, window)
    assert_picture_agrees(window)


def test_the_legend_on_screen_is_the_new_one_after_a_recolour(qtbot, window) -> None:
    """Defect 1: the legend is repainted whole (no old title with fragments of the new one until a pan)."""
    canvas = window.canvas
    # a view wider than the county leaves the legend's corner outside the layers, where a partial repaint missed it
    canvas.vb.scaleBy((3, 3))
    _settle(qtbot, window)
    _click_indicator(qtbot, window, INDICATOR)
    qtbot.wait(100)  # the repaint the recolour asks for, as the screen shows it (no forced repaint here)
    title = legend(window.console.thematic)[0]
    pixmap = canvas._furniture()
    box = QRect(canvas.viewport().mapTo(window, canvas.viewport().rect().topLeft()), pixmap.deviceIndependentSize().toSize())
    on_screen = window.screen().grabWindow(window.winId()).toImage().copy(box).convertToFormat(QImage.Format.Format_RGB32)
    fresh = window.grab().toImage().copy(box).convertToFormat(QImage.Format.Format_RGB32)
    assert title.startswith(window.console.indicators.catalogue[INDICATOR].name_en)
    assert on_screen == fresh


def test_the_map_follows_the_as_of_date(qtbot, window) -> None:
    """Defect 2: moving the date recolours the map with that day's values and dates its legend."""
    c = window.console
    _click_indicator(qtbot, window, INDICATOR)
    before = c.thematic.values.copy()
    window.findChild(AsOfControl).step(-10)
    _settle(qtbot, window)
    day = c.period_end - dt.timedelta(days=10)
    assert c.context.as_of == day
    np.testing.assert_array_equal(c.thematic.values, _engine_values(window, c.thematic.level))
    assert not np.array_equal(before, c.thematic.values, equal_nan=True)  # the demo county vaccinates every day
    assert str(day) in legend(c.thematic)[0]


def test_drilling_down_colours_the_child_level(qtbot, window) -> None:
    """Defect 3: inside a town the indicator colours its villages (as DHIS2's thematic layer follows the level)."""
    c = window.console
    _click_indicator(qtbot, window, INDICATOR)
    assert c.thematic.level == Level.TOWN
    town = str(c.atlas.levels[Level.TOWN].data.codes[0])
    units, row = c.atlas.find(town)
    x, y = units.label_points[row]
    window.canvas.double_click_at(float(x), float(y))
    _settle(qtbot, window)
    assert c.drill.path[-1] == town
    assert c.thematic.level == Level.VILLAGE
    np.testing.assert_array_equal(c.thematic.values, _engine_values(window, Level.VILLAGE))
    assert window.canvas.choropleth.level == Level.VILLAGE


def test_search_moves_the_breadcrumb(qtbot, window) -> None:
    """Defect 4: after a search the breadcrumb names the unit found, and the keyboard is the map's."""
    c = window.console
    villages = c.atlas.levels[Level.VILLAGE]
    name = str(unit_names(villages.data)[1])
    window.search.setFocus()
    qtbot.keyClicks(window.search, name)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    code = str(villages.data.codes[1])
    assert c.drill.path[-1] == code and c.context.selected_unit == code
    assert window.breadcrumb.buttons[-1].text() == name
    assert not window.search.hasFocus()


def test_home_works_while_the_search_box_has_focus(qtbot, window) -> None:
    """Defect 4: Home shows the whole county even while the search box has the keyboard."""
    c = window.console
    c.drill.drill_to(str(c.atlas.levels[Level.VILLAGE].data.codes[1]))
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClick(window.search, Qt.Key.Key_Home)
    assert c.drill.depth == 0
    assert len(window.breadcrumb.buttons) == 1


def test_open_warnings_follow_another_console(qtbot, window, store_copy: str) -> None:
    """Defect 5: warnings recorded by another console on the same store reach this dashboard by themselves."""
    from sqlalchemy import text

    from app.store import Store
    from app.store.warning_writes import NewWarning, insert_new
    from app.timebase import end_of_day_seconds

    c = window.console
    dashboard = _panel(window, DashboardPanel)
    tile = next(t for t in dashboard.tiles if t.indicator.id == "warn_open")
    before = c.indicators.unit_values(c.drill.path[0], c.context.as_of, [tile.indicator])["warn_open"]
    other = Store.open(store_copy)
    with other.engine.connect() as conn:
        people = conn.execute(text("SELECT id, home_grid_id FROM persons WHERE home_grid_id IS NOT NULL LIMIT 7")).fetchall()
    when = end_of_day_seconds(c.context.as_of) - 3600
    added = insert_new(other, [NewWarning("test_rule", int(p), int(g), "[]", when) for p, g in people])
    other.close()
    assert added == 7
    expected = format_value(tile.indicator, before + 7)
    qtbot.waitUntil(lambda: tile.value.text() == expected, timeout=10_000)
    assert not math.isnan(before)
