"""The warnings panel lists what the engine found, filters it, maps it and turns it into tasks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from app.console import Console
from app.domain.facilities import FacilityKind
from app.domain.people import OCCUPATIONS
from app.views.warning_panel import WarningPanel
from app.views.worker import FunctionWorker
from tests.factories import World
from tests.views.dialogs import Answers

# Names come in the interface language (the default QLocale, as app.install_language sets it).
pytestmark = pytest.mark.usefixtures("chinese_ui")

GRID = "330382002001002"
WAIT = 20_000


@pytest.fixture
def console(world: World) -> Console:
    return Console(world.store)


@pytest.fixture
def panel(world: World, console: Console, qtbot) -> WarningPanel:  # noqa: ANN001
    world.add_facility(FacilityKind.TEST_SITE)
    shop = world.add_facility(FacilityKind.PHARMACY)
    worker = world.add_person(GRID, occupation=OCCUPATIONS.index("medical"))
    buyer = world.add_person()
    world.add_purchase(buyer, shop, "2022-03-28 10:00")
    widget = WarningPanel(console.warnings, console.context, console.atlas)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.listing is not None, timeout=WAIT)
    widget.people = (worker, buyer)
    yield widget
    for thread in widget.findChildren(FunctionWorker):
        thread.wait()


def listed(panel: WarningPanel, qtbot, action) -> object:  # noqa: ANN001
    """Run ``action`` and wait until the panel has listed the warnings again."""
    with qtbot.waitSignal(panel.sigListed, timeout=WAIT):
        result = action()
    return result


def test_lists_what_the_engine_found(panel: WarningPanel, qtbot) -> None:  # noqa: ANN001
    assert panel.model.rowCount() == 0
    listed(panel, qtbot, panel.evaluate)
    assert panel.last_added == 2 and panel.model.rowCount() == 2
    assert sorted(panel.listing.person_ids.tolist()) == sorted(panel.people)
    assert {panel.model.index(r, 0).data() for r in range(2)} == {"应检未检", "异常购药"}
    assert all("*" in panel.model.index(r, 2).data() for r in range(2))
    # grids read as a person says them (village, number), not as 15-digit codes
    assert "单元001 Grid 2" in {panel.model.index(r, 3).data() for r in range(2)}
    listed(panel, qtbot, lambda: panel.rule.setCurrentIndex(panel.rule.findData("abnormal_purchase")))
    assert panel.model.rowCount() == 1 and panel.model.index(0, 0).data() == "异常购药"


def test_evidence_and_map(panel: WarningPanel, console: Console, qtbot) -> None:  # noqa: ANN001
    listed(panel, qtbot, panel.evaluate)
    panel.table.selectRow(0)
    assert panel.evidence.count() >= 1
    panel.show_on_map()
    choropleth = console.context.choropleth
    assert choropleth.level == "grid" and choropleth.values == {GRID: 1.0, "330382001001001": 1.0}


def test_dispatch_dismiss_from_the_panel(panel: WarningPanel, console: Console, qtbot) -> None:  # noqa: ANN001
    listed(panel, qtbot, panel.evaluate)
    panel.table.selectRow(0)
    Answers(accept=True)
    tasks = listed(panel, qtbot, panel.dispatch_selected)
    assert len(tasks) == 1
    assert console.tasks.get(tasks[0]).kind == "warning_verification"
    assert sorted(panel.listing.status.tolist()) == ["dispatched", "new"]
    panel.table.clearSelection()
    panel.table.selectRow(list(panel.listing.status).index("new"))
    assert panel.dismiss_selected() == []  # no reason given
    panel.reason.setText("bought for a relative")
    assert len(listed(panel, qtbot, panel.dismiss_selected)) == 1
    assert panel.model.rowCount() == 1  # the open filter hides the dismissed one


def test_names_rules_in_english_in_the_english_interface(world: World, qtbot) -> None:  # noqa: ANN001
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    console = Console(world.store)
    widget = WarningPanel(console.warnings, console.context, console.atlas)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.listing is not None, timeout=WAIT)
    names = [widget.rule.itemText(i) for i in range(widget.rule.count())]
    assert "Should test, not tested" in names and "应检未检" not in names


def test_a_relisting_keeps_the_selection(panel: WarningPanel, qtbot) -> None:  # noqa: ANN001
    """Live updates relist the warnings whenever any console records some: what the officer selected stays selected."""
    listed(panel, qtbot, panel.evaluate)
    panel.model.sort(0)  # sorted: the selection follows the warning, not the row number
    panel.table.selectRow(1)
    chosen = panel.selected_ids()
    listed(panel, qtbot, panel.reload)
    assert panel.selected_ids() == chosen and len(chosen) == 1
