"""The language is part of the console's state: switching it from the menu re-translates the whole window at once
(no restart), both ways, keeps the command picture, and is remembered for the next start."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QAction

from app.console import Console
from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.domain.tasks import TaskStatus
from app.views import settings
from tests.views.dialogs import Answers
from tests.views.test_draw_area import SQUARE, click_corners
from tests.views.test_language import CITY, KEPT_WORDS, LANGUAGE_NAMES, PLATE
from tests.views.test_undo import keys, settle, view
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


def _chinese_window(qtbot, console: Console, undo=None):  # noqa: ANN001, ANN202
    from app.views.main_window import MainWindow

    window = MainWindow(console, english=False, undo=undo)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.canvas.zoom_to_extent()
    qtbot.waitUntil(lambda: window._counter.isFinished())
    return window


def test_a_language_switch_keeps_the_undo_history(qtbot, console: Console, map_world, settings_dir,  # noqa: ANN001
                                                  chinese_translations) -> None:  # noqa: ANN001
    """Navigation and a bulk dispatch made in Chinese are undone, in order, by Ctrl+Z in English: the stack is the
    session's (handed to the window by the composition root), not the window's."""
    from app.views.undo_history import ConsoleUndo

    city = map_world.add_city("上海")
    map_world.add_risk_area(city, "2022-03-01 00:00")
    gate = map_world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    for home in ("330382001001001", "330382002002001"):
        person = map_world.add_person(home, kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
        map_world.add_scan(person, gate, "2022-03-10 10:00", direction=Direction.INBOUND, from_city=city)
    undo = ConsoleUndo(console.context)
    window = _chinese_window(qtbot, console, undo)
    settle(qtbot)
    start = view(window)
    window.canvas.zoom_to("330382002001")
    settle(qtbot)
    panel = window.panel("screening")
    panel.city.clear()
    panel.city.addItems(panel._run.cities())
    panel.city.setCurrentText("上海")
    with qtbot.waitSignal(panel._run.events.result, timeout=20_000):
        panel.run()
    panel.worker.wait()
    settle(qtbot)
    Answers(accept=True)
    tasks = panel.dispatch()
    settle(qtbot)
    steps = [undo.stack.text(i) for i in range(undo.stack.count())]
    assert len(tasks) == 2 and "下发" in steps[-1]

    _switch(qtbot, window, "English", english=True)
    settle(qtbot)
    assert window.undo is undo and [undo.stack.text(i) for i in range(undo.stack.count())] == steps
    keys(window, qtbot, "Ctrl+Z")  # the dispatch: its tasks are cancelled
    service = console.tasks
    assert [service.get(t).status for t in tasks] == [TaskStatus.CANCELLED] * 2
    while undo.stack.index() > 0:
        keys(window, qtbot, "Ctrl+Z")
    assert _centre(view(window)) == pytest.approx(_centre(start))  # the rebuilt map may be of another shape


def _centre(rect: QRectF) -> tuple[float, float]:
    return rect.center().x(), rect.center().y()


def test_a_language_switch_keeps_the_wall_and_the_area_being_drawn(qtbot, console: Console, map_world,  # noqa: ANN001
                                                                   settings_dir, chinese_translations) -> None:  # noqa: ANN001
    window = _chinese_window(qtbot, console)
    window.act_draw.trigger()
    click_corners(window, qtbot, SQUARE[:3])
    corners = list(window.canvas.sketch.vertices)
    window.toggle_wall()
    choice = window.wall.choice

    _switch(qtbot, window, "English", english=True)
    assert window.wall is not None and window.wall.isVisible() and window.wall.choice == choice
    assert window.wall.windowTitle() == "Jingkong — wall"  # made again, in the new language
    sketch = window.canvas.sketch
    assert sketch.active and sketch.vertices == corners and window.act_draw.isChecked()
    window.toggle_wall()
    assert window.wall is None
    keys(window, qtbot, "Ctrl+Z")  # the corner clicked before the switch is taken back on the new map
    assert sketch.vertices == corners[:2] and sketch.active
    click_corners(window, qtbot, SQUARE[2:])
    assert sketch.finish() and console.context.drawn_area is not None
