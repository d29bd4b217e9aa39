"""A pack opens in the console: status bar with the pack's age, unsynced changes and conflicts; a unit outside
the pack says "not in this pack"; the conflict panel shows mine and theirs (read-only on a pack)."""

from __future__ import annotations

from app.console import Console
from app.models.dispatch.service import TaskService
from app.models.packs.service import sync
from tests.models.pack_world import OTHER_TOWN, centre_with_tasks, pack_copy


def test_a_pack_opens_in_the_console_and_knows_its_area(tmp_path, qtbot, settings_dir) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    world, ids = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "laptop")
    TaskService(world.store).transition(ids[0], "cancelled", by="centre")
    console = Console.open(str(path))
    console.tasks.transition(ids[0], "acknowledged", by="张三")
    sync(console.store, world.store)
    console.tasks.claim(ids[1], by="张三")
    window = MainWindow(console, english=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    label = window.pack_status
    qtbot.waitUntil(lambda: "unsynced" in label.text())
    assert "Pack 330382001" in label.text() and "2 unsynced" in label.text() and "1 conflicts" in label.text()
    console.context.selected_unit = OTHER_TOWN + "001"
    qtbot.waitUntil(lambda: "not in this pack" in label.text())
    panel = window.panel("sync_conflicts")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert panel.table.item(0, 2).text() == "status" and panel.table.item(0, 3).text() == "2"
    assert panel.table.item(0, 4).text() == "6" and not panel.take_mine.isEnabled()
    window.close()
    console.close()
