"""The language is part of the console's state: switching it from the menu re-translates the whole window at once
(no restart), both ways, keeps the command picture, and is remembered for the next start."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QAction

from app.console import Console
from app.views import settings
from tests.views.test_language import CITY, KEPT_WORDS, LANGUAGE_NAMES, PLATE
from tests.views.text_walk import cjk_leaks, english_leaks


def _switch(qtbot, window, name: str, english: bool) -> None:  # noqa: ANN001
    action = next(a for a in window.menuBar().findChildren(QAction) if a.text() == name)
    action.trigger()
    qtbot.waitUntil(lambda: window.english == english)
    qtbot.waitUntil(lambda: window._counter.isFinished())


def test_switching_language_retranslates_the_window_both_ways(qtbot, console: Console, map_world, settings_dir,  # noqa: ANN001
                                                              chinese_translations) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    map_world.add_city(CITY)
    window = MainWindow(console, english=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._counter.isFinished())
    console.context.as_of = dt.date(2022, 3, 20)
    console.drill.drill_to("330382001")
    leaders = {name for name, _phone in console.atlas.grid_leaders.values()}

    _switch(qtbot, window, "English", english=True)
    assert cjk_leaks(window, {CITY, PLATE, *LANGUAGE_NAMES, *leaders}) == []
    assert settings.language() == "en"
    assert window.breadcrumb.isVisible() and window.canvas.isVisible() and window.statusBar().isVisible()
    assert (console.context.as_of, console.drill.path[-1]) == (dt.date(2022, 3, 20), "330382001")  # the picture stays

    _switch(qtbot, window, "中文（简体）", english=False)
    assert english_leaks(window, KEPT_WORDS | LANGUAGE_NAMES) == []
    assert settings.language() == "zh"

    console.context.as_of = dt.date(2022, 3, 25)  # the models speak only to the views of the new window
    console.context.selected_unit = "330382001001"
    console.drill.go_up_to(0)
    qtbot.wait(50)
