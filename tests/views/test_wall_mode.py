"""The wall mode: one shortcut in and out, large type on a dark ground, nothing to edit, the open alarms
refreshing by themselves, and a cycle through the chosen units and indicators that leaves the console as it was."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSpinBox

from app.console import Console
from app.store.warning_writes import NewWarning, insert_new
from app.views.poller import THREAD_PREFIX
from app.views.store_follower import StoreFollower
from app.views.wall_mode import WallMode
from tests.factories import World
from tests.views.test_undo import keys

TOWNS = ["330382001", "330382002"]


def test_one_shortcut_enters_and_leaves(main_window, qtbot) -> None:  # noqa: ANN001
    main_window.console.context.selected_unit = "330382001001"
    keys(main_window, qtbot, "F11")
    wall = main_window.wall
    assert wall is not None and wall.isFullScreen()
    qtbot.waitUntil(wall.isActiveWindow)
    qtbot.keyClick(wall, Qt.Key.Key_F11)
    assert main_window.wall is None and not wall.isVisible()
    assert main_window.console.context.selected_unit == "330382001001"  # the console shows what it showed


def test_large_type_dark_and_nothing_to_edit(qtbot, console: Console) -> None:  # noqa: ANN001
    wall = WallMode(console)
    qtbot.addWidget(wall)
    wall.start()
    qtbot.waitExposed(wall)
    assert not [w for kind in (QAbstractButton, QLineEdit, QComboBox, QSpinBox) for w in wall.findChildren(kind)]
    assert wall.canvas.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks select nothing
    k = wall.screen().geometry().height() / 1080  # type scales with the screen: 40-pt figures on 1080 lines
    assert wall.heading.font().pointSizeF() >= round(28 * k) and wall.overdue_list.font().pointSizeF() >= round(20 * k)
    assert all(t.value.font().pointSizeF() >= round(40 * k) for t in wall.figures.tiles)
    assert wall.palette().window().color().lightness() < 40  # a dark ground
    wall.close()


def test_alarms_refresh_by_themselves(qtbot, console: Console, map_world: World) -> None:  # noqa: ANN001
    follower = StoreFollower(console.indicators, console.context, console.changes)  # the console's one change feed
    wall = WallMode(console)
    qtbot.addWidget(wall)
    wall.start()
    qtbot.waitUntil(lambda: wall.alarms is not None)
    assert (wall.alarms.overdue, wall.alarms.new_warnings) == (0, 0)
    past = int(time.time()) - 10 * 86400
    console.tasks.clock = lambda: past  # a task created ten days ago is long overdue
    console.tasks.create(kind="control", source="manual", title="Seal checkpoint 7", target_unit_code=TOWNS[0])
    rule = console.warnings.rules[0]
    insert_new(console.store, [NewWarning(rule.id, map_world.add_person(), None, "[]", past)])
    qtbot.waitUntil(lambda: (wall.alarms.overdue, wall.alarms.new_warnings) == (1, 1), timeout=5_000)
    assert wall.overdue.text() == "Overdue tasks: 1" and "Seal checkpoint 7" in wall.overdue_list.item(0).text()
    assert wall.warnings.text() == "New warnings: 1" and rule.name_en in wall.warning_list.item(0).text()
    wall.close()
    follower.stop()


def test_a_task_falling_overdue_shows_with_no_write_to_announce_it(qtbot, console: Console) -> None:  # noqa: ANN001
    due_after = console.tasks.levels.due_after("control", 2)
    console.tasks.clock = lambda: int(time.time()) - due_after + 2  # falls due two seconds from now
    console.tasks.create(kind="control", source="manual", title="Seal checkpoint 8", target_unit_code=TOWNS[0])
    wall = WallMode(console)  # no store follower: nothing tells the wall of any write
    qtbot.addWidget(wall)
    wall.start()
    qtbot.waitUntil(lambda: wall.alarms is not None)
    assert wall.alarms.overdue == 0 and wall.alarms.next_due is not None
    qtbot.waitUntil(lambda: wall.alarms.overdue == 1, timeout=10_000)
    wall.close()


@pytest.mark.postgres
def test_on_postgis_alarms_follow_another_consoles_write_and_nothing_polls(qtbot, postgres) -> None:  # noqa: ANN001
    earlier = set(threading.enumerate())  # pollers of earlier tests' consoles end in their own time
    world = World.create(postgres.new_database())
    here, there = Console.open(world.store.url), Console.open(world.store.url)  # two consoles, two engines
    try:
        follower = StoreFollower(here.indicators, here.context, here.changes)
        assert here.changes.wait_ready()
        wall = WallMode(here)
        qtbot.addWidget(wall)
        wall.start()
        qtbot.waitUntil(lambda: wall.alarms is not None and not follower.look.busy, timeout=10_000)
        assert (wall.alarms.overdue, wall.alarms.new_warnings) == (0, 0)
        past = int(time.time()) - 10 * 86400
        there.tasks.clock = lambda: past
        there.tasks.create(kind="control", source="manual", title="Seal checkpoint 9", target_unit_code=TOWNS[0])
        qtbot.waitUntil(lambda: wall.alarms.overdue == 1, timeout=1000)
        insert_new(there.store, [NewWarning(there.warnings.rules[0].id, world.add_person(), None, "[]", past)])
        qtbot.waitUntil(lambda: wall.alarms.new_warnings == 1, timeout=1000)
        assert follower.poller is None
        assert not [t.name for t in set(threading.enumerate()) - earlier if t.name.startswith(THREAD_PREFIX)]
        wall.close()
        follower.stop()
        for reader in (wall.reader, follower.look):
            reader.join()
    finally:
        here.close()
        there.close()
        world.store.close()


def test_cycles_through_units_and_indicators_then_restores(qtbot, console: Console) -> None:  # noqa: ANN001
    console.indicators.ensure()
    wall = WallMode(console, units=TOWNS, indicators=["pop_present"], cycle_ms=50)
    qtbot.addWidget(wall)
    context = console.context
    assert context.selected_unit == TOWNS[0] and context.choropleth.title_en.startswith("Population present")
    assert wall.figures.heading.text().startswith("Unit 330382001")  # the figures follow the unit shown
    wall.start()
    qtbot.waitUntil(lambda: context.selected_unit == TOWNS[1])
    qtbot.waitUntil(lambda: context.selected_unit == TOWNS[0])
    wall.close()
    assert context.selected_unit is None and context.choropleth is None


def test_the_wall_cycles_through_exactly_the_units_and_indicators_chosen(main_window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialogButtonBox, QListWidget

    from app.models.wall import WallChoice, WallStep
    from app.views import settings
    from app.views.wall_chooser import WallChooserDialog

    def check(view: QListWidget, keys_: set[str]) -> None:
        for i in range(view.count()):
            item = view.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in keys_ else Qt.CheckState.Unchecked)

    main_window.console.indicators.ensure()
    units, indicators = ["330382002", "330382001001"], ["pop_present", "coverage_1d"]
    keys(main_window, qtbot, "Ctrl+Shift+F11")
    dialog = main_window.findChild(WallChooserDialog)
    assert dialog is not None and dialog.isVisible()
    check(dialog.units, set(units))
    check(dialog.indicators, set(indicators))
    dialog.seconds.setValue(7)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.wall_choice() == WallChoice(tuple(units), tuple(indicators), 7)  # kept for the next start

    main_window.toggle_wall()
    wall = main_window.wall
    assert wall._cycle.interval() == 7_000
    wall._cycle.setInterval(30)  # the test's own short period: no waiting for 7 s steps
    seen = [wall.scene_.current]
    wall._cycle.timeout.connect(lambda: seen.append(wall.scene_.current))
    qtbot.waitUntil(lambda: len(seen) >= 9)
    wall.close()
    steps = [WallStep(u, i) for u in units for i in indicators]
    assert seen[:9] == (steps * 3)[:9]  # every chosen pair in turn, nothing else, round again
