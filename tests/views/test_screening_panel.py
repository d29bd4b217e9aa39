"""The screening panel runs the engine off the GUI thread, shows classes and counts, exports and dispatches."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.console import Console
from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.views.screening_panel import ScreeningPanel
from tests.factories import World
from tests.views.dialogs import Answers


@pytest.fixture
def panel(world: World, qtbot) -> ScreeningPanel:  # noqa: ANN001
    city = world.add_city("上海")
    world.add_risk_area(city, "2022-03-01 00:00")
    gate = world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    back = world.add_person("330382002002001", kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
    world.add_person(kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
    world.add_scan(back, gate, "2022-03-10 10:00", direction=Direction.INBOUND, from_city=city)
    console = Console(world.store)
    widget = ScreeningPanel(console.screening, console.atlas, console.period, console.period_end)
    qtbot.addWidget(widget)
    return widget


def run(panel: ScreeningPanel, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(panel._run.events.result, timeout=20_000):
        panel.run()
    panel.worker.wait()


def test_screening_from_the_panel(panel: ScreeningPanel, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    panel.city.setCurrentText("上海")
    run(panel, qtbot)
    assert "returned 1" in panel.totals.text() and "still there 1" in panel.totals.text()
    assert panel.people.rowCount() == 2
    panel.level.setCurrentIndex(panel.level.findData("town"))
    units = {panel.counts.index(r, 0).data(): panel.counts.index(r, 1).data() for r in range(panel.counts.rowCount())}
    assert units["Unit 330382002"] == "1"  # one returned person lives in town 002, named (pinyin), not coded
    assert "Unit 330382002002 Grid 1" in {panel.people.index(r, 2).data() for r in range(2)}
    assert panel._run.context.choropleth.values == {"330382002002001": 1.0, "330382001001001": 1.0}
    assert panel.export_to(str(tmp_path / "s.csv")) == 2
    answers = Answers(accept=True)
    tasks = panel.dispatch()
    assert "1 task" in answers.asked[0] and "to 1 grid leader" in answers.asked[0]
    assert len(tasks) == 1 and panel._run.tasks.people(tasks[0]) == [int(panel._run.result.person_id[0])]


def test_bad_area_is_reported(panel: ScreeningPanel) -> None:
    panel.polygon.setText("POLYGON((1 2")
    assert panel.run() is None
    assert "WKT" in panel.totals.text()
