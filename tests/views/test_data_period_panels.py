"""The panels ask the engines about days of the data period only: their date editors stay within it, and a run
about a day outside it shows the command line's refusal instead of a confident empty answer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime

from app.console import Console
from app.views.screening_panel import ScreeningPanel
from app.views.trace_panel import TracePanel
from app.views.warning_panel import WarningPanel
from app.views.worker import FunctionWorker
from tests.factories import World

FIRST, LAST = QDate(2022, 3, 1), QDate(2022, 3, 31)  # the test world's period
WIDE = (QDate(2021, 1, 1), QDate(2023, 1, 1))


def test_trace_onset_stays_in_the_period_and_is_refused_outside_it(world: World, qtbot) -> None:  # noqa: ANN001
    console = Console(world.store)
    panel = TracePanel(console.tracing, console.period)
    qtbot.addWidget(panel)
    assert (panel.onset.minimumDate(), panel.onset.maximumDate()) == (FIRST, LAST)
    panel.onset.setDateTime(QDateTime(QDate(2022, 1, 20), panel.onset.time()))
    assert panel.onset.date() == FIRST
    panel.onset.setDateRange(*WIDE)  # whatever the editor allows, the run checks
    panel.onset.setDateTime(QDateTime.fromString("2022-01-20 10:00", "yyyy-MM-dd HH:mm"))
    assert panel.run() is None and panel.worker is None
    assert panel.summary.text() == "onset 2022-01-20 is outside the data period 2022-03-01 .. 2022-03-31"


def test_screening_window_stays_in_the_period_and_is_refused_outside_it(world: World, qtbot) -> None:  # noqa: ANN001
    world.add_city("上海")
    console = Console(world.store)
    panel = ScreeningPanel(console.screening, console.atlas, console.period, console.period_end)
    qtbot.addWidget(panel)
    assert all((e.minimumDate(), e.maximumDate()) == (FIRST, LAST) for e in (panel.since, panel.until))
    panel.default_window.setChecked(False)
    for edit, day in ((panel.since, QDate(2022, 1, 1)), (panel.until, QDate(2022, 1, 31))):
        edit.setDateRange(*WIDE)
        edit.setDate(day)
    panel.city.setCurrentText("上海")
    assert panel.run() is None and panel.worker is None
    assert panel.totals.text() == "window start 2022-01-01 is outside the data period 2022-03-01 .. 2022-03-31"


def test_warnings_are_not_evaluated_as_of_a_day_outside_the_period(world: World, qtbot) -> None:  # noqa: ANN001
    console = Console(world.store)
    panel = WarningPanel(console.warnings, console.context, console.atlas, console.period)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.listing is not None, timeout=20_000)
    for thread in panel.findChildren(FunctionWorker):
        thread.wait()
    console.context.as_of = dt.date(2022, 1, 15)
    assert panel.evaluate() is None
    assert panel.summary.text() == "as-of date 2022-01-15 is outside the data period 2022-03-01 .. 2022-03-31"
