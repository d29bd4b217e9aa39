"""The console's pack actions: make a pack at the centre (unit, role, file) and sync the open pack with its
centre, each in a worker with progress, the result shown, the packs out, the pack status and the conflicts
refreshed; a bad input is one line in the dialog."""

from __future__ import annotations

from app.console import Console
from app.models.dispatch.service import TaskService
from app.store import Store
from app.store.packs.status import pack_status
from tests.models.pack_world import TOWN, centre_with_tasks


def test_make_a_pack_then_sync_it_from_the_console(tmp_path, qtbot, settings_dir) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    world, ids = centre_with_tasks(tmp_path)
    world.store.close()
    centre = Console.open(str(tmp_path / "centre.gpkg"))
    window = MainWindow(centre, english=True)
    qtbot.addWidget(window)
    panel = window.panel("sync_conflicts")
    assert panel.sync_button is None and panel.packs_out is not None
    dialog = panel.make_pack()
    qtbot.addWidget(dialog)
    dialog.unit.setCurrentIndex(dialog.unit.findData(TOWN))
    dialog.out.setText(str(tmp_path / "no-such-folder" / "laptop.gpkg"))
    dialog.start.click()
    qtbot.waitUntil(lambda: dialog.start.isEnabled() and "no folder" in dialog.result.text())
    assert "Traceback" not in dialog.result.text() and "Error" not in dialog.result.text()
    out = tmp_path / "laptop.gpkg"
    dialog.out.setText(str(out))
    dialog.start.click()
    qtbot.waitUntil(lambda: "written" in dialog.result.text(), timeout=20_000)
    assert dialog.progress.value() == 1000 and out.exists() and "2 people" in dialog.result.text()
    qtbot.waitUntil(lambda: panel.packs_out.rowCount() == 1)
    assert panel.packs_out.item(0, 1).text() == TOWN and panel.packs_out.item(0, 4).text() == "never"
    dialog.close()
    TaskService(centre.store).transition(ids[2], "cancelled", by="centre")
    window.close()
    centre.close()

    laptop = Console.open(str(out))
    laptop.tasks.claim(ids[0], by="张三")
    laptop.tasks.claim(ids[2], by="张三")
    window = MainWindow(laptop, english=True)
    qtbot.addWidget(window)
    label = window.pack_status
    qtbot.waitUntil(lambda: "4 unsynced" in label.text())
    panel = window.panel("sync_conflicts")
    assert panel.make_button is None and panel.packs_out is None
    dialog = panel.sync_pack()
    qtbot.addWidget(dialog)
    assert dialog.target.text() == str(tmp_path / "centre.gpkg")  # the centre the pack came from
    dialog.start.click()
    qtbot.waitUntil(lambda: "Sent" in dialog.result.text(), timeout=20_000)
    assert "Sent 4 changes: 3 applied" in dialog.result.text() and "1 conflicting" in dialog.result.text()
    qtbot.waitUntil(lambda: "0 unsynced" in label.text() and "1 conflicts" in label.text())
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    dialog.close()
    window.close()
    laptop.close()
    pack = Store.open(out)
    assert pack_status(pack).unsynced == 0
    pack.close()
