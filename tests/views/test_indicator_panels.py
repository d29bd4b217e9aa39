"""The indicator panels on a built world: values of the selected unit, the map re-colouring, the as-of control,
the vaccination table (sort, filter, export) and the dashboard tiles."""

from __future__ import annotations

import csv
import datetime as dt
import math

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QLocale, Qt
from sqlalchemy import text

from app.console import Console
from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.views.as_of_control import AsOfControl
from app.views.dashboard import DashboardPanel
from app.views.indicator_loader import IndicatorLoader
from app.views.indicator_panel import IndicatorPanel
from app.views.vaccination_table import VaccinationTablePanel
from tests.factories import World

# Names come in the interface language (the default QLocale, as app.install_language sets it).
pytestmark = pytest.mark.usefixtures("chinese_ui")


@pytest.fixture
def console(world: World) -> Console:
    """Town 001: 3 people aged 65 in grid …001001001, 2 with a first dose on 2022-03-10; town 002: 1, with one on the 5th."""
    site = world.add_facility(FacilityKind.VACCINATION_SITE)
    people = [world.add_person("330382001001001", born="1957-01-01") for _ in range(3)]
    people.append(world.add_person("330382002001001", born="1957-01-01"))
    for p, day in ((people[0], "10"), (people[1], "10"), (people[3], "05")):
        world.add_vaccination(p, 1, f"2022-03-{day} 09:00", site)
    c = Console(world.store)
    yield c
    c.close()


def rows_by_id(panel: IndicatorPanel) -> dict[str, tuple[str, ...]]:
    m = panel.model
    return {r.indicator.id: tuple(m.data(m.index(i, c)) for c in range(m.columnCount()))
            for i, r in enumerate(m.rows)}


def test_panel_computes_off_the_gui_thread_then_shows_the_county(qtbot, console: Console, chinese_translations) -> None:  # noqa: ANN001
    loader = IndicatorLoader.of(console.indicators)
    with qtbot.waitSignal(loader.sigReady, timeout=30_000):
        panel = IndicatorPanel(console.indicators, console.context)
        qtbot.addWidget(panel)
    rows = rows_by_id(panel)
    assert rows["pop_present"][:2] == ("在地人口", "4 人")
    assert rows["vax_d1_cov_a60_69"][1:] == ("75.0%", "—", "1/1")
    assert "330382" in panel.title.text()


def test_panel_follows_selection_and_as_of_and_colours_the_map(qtbot, console: Console) -> None:  # noqa: ANN001
    console.indicators.ensure()
    thematic = console.thematic  # the map's model, as the main window builds it
    panel = IndicatorPanel(console.indicators, console.context)
    qtbot.addWidget(panel)
    console.context.selected_unit = "330382001"
    assert rows_by_id(panel)["vax_d1_cov_a60_69"][1:] == ("66.7%", "75.0%", "2/2")
    console.context.as_of = dt.date(2022, 3, 9)
    assert rows_by_id(panel)["vax_d1_cov_a60_69"][1:3] == ("0.0%", "25.0%")
    panel.group.setCurrentIndex(panel.group.findData("vaccination"))
    assert all(r.indicator.group == "vaccination" for r in panel.model.rows)
    row = next(i for i, r in enumerate(panel.model.rows) if r.indicator.id == "vax_d1_cov_a60_69")
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(panel.model.index(row, 0)).center())
    assert console.context.indicator == "vax_d1_cov_a60_69" and console.context.choropleth is None
    assert thematic.title == "60–69岁第一剂接种率 2022-03-09"  # the map re-coloured, at the level shown: towns
    assert thematic.level == Level.TOWN and thematic.good == "up"
    console.drill.drill_to("330382001")  # inside town 001 the map shows villages
    villages = console.atlas.levels[Level.VILLAGE].index
    assert thematic.level == Level.VILLAGE and thematic.values[villages["330382001001"]] == 0
    assert math.isnan(thematic.values[villages["330382002002"]])
    x, y = panel.curve.getData()
    assert list(y) == [0.0] * 9  # March 1st to 9th


def test_as_of_control_moves_the_context(qtbot, console: Console) -> None:  # noqa: ANN001
    control = AsOfControl(console.context, console.period_start, console.period_end)
    qtbot.addWidget(control)
    control.date.setDate(QDate(2022, 3, 15))
    assert console.context.as_of == dt.date(2022, 3, 15)
    control.step(-1)
    assert console.context.as_of == dt.date(2022, 3, 14)
    console.context.as_of = dt.date(2022, 3, 2)
    assert control.date.date() == QDate(2022, 3, 2)
    control.date.setDate(QDate(2023, 1, 1))  # beyond the data: held at its last day
    assert console.context.as_of == dt.date(2022, 3, 31)


def test_vaccination_table_sorts_filters_and_exports(qtbot, console: Console, tmp_path) -> None:  # noqa: ANN001
    console.indicators.ensure()
    panel = VaccinationTablePanel(console.indicators, console.context)
    qtbot.addWidget(panel)
    column = 3 + 3 * 4  # 60–69, dose 1
    assert panel.model.headerData(column, Qt.Orientation.Horizontal) == "60–69 dose 1 %"
    assert panel.proxy.rowCount() == 2
    panel.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert [panel.proxy.index(r, 0).data() for r in range(2)] == ["330382002", "330382001"]
    assert panel.proxy.index(1, column).data() == "66.7"
    console.context.as_of = dt.date(2022, 3, 9)
    assert panel.model.index(0, column).data() == "0.0"
    panel.filter.setText("330382001")
    assert panel.proxy.rowCount() == 1
    panel.dose.setCurrentIndex(panel.dose.findData(1))
    panel.export(tmp_path / "v.csv")
    with (tmp_path / "v.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 2 and len(rows[0]) == 3 + 6 and rows[1][0] == "330382001"
    panel.level.setCurrentIndex(panel.level.findData(panel.level.itemData(1)))
    panel.filter.clear()
    assert panel.proxy.rowCount() == 4
    panel.export(tmp_path / "v.xlsx")
    assert load_workbook(tmp_path / "v.xlsx").active.max_row == 5


def test_vaccination_table_exports_a_formula_looking_name_as_text(qtbot, world: World, tmp_path) -> None:  # noqa: ANN001
    formula = "=cmd|' /C calc'!A1"  # a town name as a department's boundary file might carry it
    with world.store.begin() as conn:
        conn.execute(text("UPDATE admin_units SET name_zh = :n WHERE code = '330382001'"), {"n": formula})
    console = Console(world.store)
    console.indicators.ensure()
    panel = VaccinationTablePanel(console.indicators, console.context)
    qtbot.addWidget(panel)
    panel.filter.setText("330382001")
    panel.export(tmp_path / "v.csv")
    panel.export(tmp_path / "v.xlsx")
    with (tmp_path / "v.csv").open(encoding="utf-8-sig") as f:
        assert list(csv.reader(f))[1][:2] == ["330382001", "'" + formula]
    cell = load_workbook(tmp_path / "v.xlsx").active["B2"]
    assert (cell.value, cell.data_type) == ("'" + formula, "s")
    console.close()


def test_dashboard_tiles_show_the_unit_and_the_change(qtbot, console: Console) -> None:  # noqa: ANN001
    console.indicators.ensure()
    console.context.as_of = dt.date(2022, 3, 10)
    panel = DashboardPanel(console.indicators, console.context)
    qtbot.addWidget(panel)
    tile = next(t for t in panel.tiles if t.indicator.id == "vax_d1_cov")
    assert tile.value.text() == "75.0%"
    assert tile.change.text().startswith("▲ 50.0")
    console.context.selected_unit = "330382002"
    assert tile.value.text() == "100.0%" and "330382002" not in panel.heading.text()


def test_the_english_interface_names_indicators_in_english(qtbot, console: Console) -> None:  # noqa: ANN001
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    console.indicators.ensure()
    panel = IndicatorPanel(console.indicators, console.context)
    dashboard = DashboardPanel(console.indicators, console.context)
    qtbot.addWidget(panel)
    qtbot.addWidget(dashboard)
    rows = rows_by_id(panel)
    assert rows["pop_present"][0] == "Population present"
    m = panel.model
    row = next(i for i, r in enumerate(m.rows) if r.indicator.id == "pop_present")
    tip = m.data(m.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Population present\n在地人口")  # the whole name (elided in the table), then the other language's
    tile = next(t for t in dashboard.tiles if t.indicator.id == "pop_present")
    assert tile.name.full_text() == "Population present"
