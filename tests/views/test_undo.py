"""Ctrl+Z / Ctrl+Shift+Z in the real window: map navigation, selection, corners of a drawn area and bulk dispatch
(undo cancels the created tasks, in their audit trail); Edit menu and the undo history view."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QUndoView

from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.domain.tasks import TaskStatus
from app.views.undo_history import SETTLE_MS
from tests.views.dialogs import Answers
from tests.views.test_draw_area import SQUARE, click_corners


def keys(window, qtbot, sequence: str) -> None:  # noqa: ANN001
    """Press a shortcut as a user does, on the focused map."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # a closed dialog hands the focus back
    window.canvas.setFocus()
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.canvas, combo.key(), combo.keyboardModifiers())
    # a shortcut that opens a window moves the focus before its modifiers' release arrive: release them where the
    # focus is now, or the application goes on believing Shift is held (and a later test's click extends a selection)
    target = QApplication.focusWidget() or window
    for key, modifier in ((Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier),
                          (Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)):
        if QGuiApplication.keyboardModifiers() & modifier:
            qtbot.keyRelease(target, key)


def settle(qtbot) -> None:  # noqa: ANN001
    qtbot.wait(SETTLE_MS + 100)


def view(window) -> QRectF:  # noqa: ANN001
    return QRectF(window.canvas.vb.viewRect())


def same(a: QRectF, b: QRectF) -> bool:
    return bool(np.allclose([a.x(), a.y(), a.width(), a.height()], [b.x(), b.y(), b.width(), b.height()], rtol=1e-6))


def test_edit_menu_and_shortcuts(main_window) -> None:  # noqa: ANN001
    undo = main_window.undo
    assert undo.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in undo.redo_action.shortcuts()
    edit = next(a.menu() for a in main_window.menuBar().actions() if a.menu() and undo.undo_action in a.menu().actions())
    assert undo.redo_action in edit.actions()
    history = main_window.panel("undo_history")
    assert isinstance(history, QUndoView) and history.stack() is undo.stack


def test_navigation_is_undone_and_redone(main_window, qtbot) -> None:  # noqa: ANN001
    settle(qtbot)
    start = view(main_window)
    main_window.canvas.zoom_to("330382002001")
    settle(qtbot)
    village = view(main_window)
    main_window.canvas.zoom_to("330382001001001")
    settle(qtbot)
    assert main_window.undo.stack.count() == 2
    keys(main_window, qtbot, "Ctrl+Z")
    assert same(view(main_window), village)
    keys(main_window, qtbot, "Ctrl+Z")
    assert same(view(main_window), start)
    keys(main_window, qtbot, "Ctrl+Shift+Z")
    assert same(view(main_window), village)
    settle(qtbot)
    assert main_window.undo.stack.count() == 2  # replaying a view records nothing new


def test_a_resize_is_not_a_step(main_window, qtbot) -> None:  # noqa: ANN001
    settle(qtbot)
    main_window.resize(1000, 700)
    settle(qtbot)
    assert main_window.undo.stack.count() == 0


def test_selection_is_undone(main_window, qtbot) -> None:  # noqa: ANN001
    context = main_window.console.context
    context.selected_unit = "330382001"
    context.selected_unit = "330382002"
    assert main_window.undo.stack.undoText() == "Select Unit 330382002"  # the English interface names in pinyin
    main_window.undo.undo_action.trigger()
    assert context.selected_unit == "330382001"
    main_window.undo.undo_action.trigger()
    assert context.selected_unit is None
    main_window.undo.redo_action.trigger()
    assert context.selected_unit == "330382001"


def test_corners_of_a_drawn_area_are_undone(main_window, qtbot) -> None:  # noqa: ANN001
    main_window.act_draw.trigger()
    click_corners(main_window, qtbot, SQUARE[:3])
    sketch = main_window.canvas.sketch
    assert len(sketch.vertices) == 3
    keys(main_window, qtbot, "Ctrl+Z")
    assert len(sketch.vertices) == 2 and sketch.active
    keys(main_window, qtbot, "Ctrl+Shift+Z")
    assert len(sketch.vertices) == 3
    click_corners(main_window, qtbot, SQUARE[3:])
    assert sketch.finish() and main_window.console.context.drawn_area is not None


def test_bulk_dispatch_goes_on_the_window_stack_and_is_undone(main_window, map_world, qtbot) -> None:  # noqa: ANN001
    city = map_world.add_city("上海")
    map_world.add_risk_area(city, "2022-03-01 00:00")
    gate = map_world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    for home in ("330382001001001", "330382002002001"):
        person = map_world.add_person(home, kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
        map_world.add_scan(person, gate, "2022-03-10 10:00", direction=Direction.INBOUND, from_city=city)
    panel = main_window.panel("screening")
    panel.city.clear()
    panel.city.addItems(panel._run.cities())
    panel.city.setCurrentText("上海")
    with qtbot.waitSignal(panel._run.events.result, timeout=20_000):
        panel.run()
    panel.worker.wait()
    settle(qtbot)
    answers = Answers(accept=True)
    tasks = panel.dispatch()
    settle(qtbot)
    assert "Dispatch 2 task" in answers.asked[0] and "2 grid leader" in answers.asked[0]
    stack = main_window.undo.stack
    assert stack.undoText().startswith("Dispatch 2 task"), [stack.text(i) for i in range(stack.count())]
    keys(main_window, qtbot, "Ctrl+Z")
    service = main_window.console.tasks
    assert [service.get(t).status for t in tasks] == [TaskStatus.CANCELLED] * 2
    assert all(service.events(t)[-1].note.startswith("undo in the console") for t in tasks)
