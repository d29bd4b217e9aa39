"""The sample clip travels in the pack: a pack copied alone to a fresh folder, on a machine where the shipped
clip is not where the console looks, still plays its camera's clip — taken out of the pack beside it."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QUrl

from app.console import Console
from app.models import cameras
from app.store.packs.files import SAMPLES
from tests.models.pack_world import centre_with_tasks, pack_copy
from tests.views.test_camera_panel import MULTIMEDIA_NOISE


@pytest.mark.qt_log_ignore(*MULTIMEDIA_NOISE)
def test_a_pack_copied_alone_plays_its_clip(tmp_path, tmp_path_factory, qtbot, settings_dir, monkeypatch) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    world, _ = centre_with_tasks(tmp_path)
    world.add_camera("330382001001001", code="C1", url="sample://camera_demo.mp4")
    path = pack_copy(world, tmp_path, "laptop")
    world.store.close()
    fresh = tmp_path_factory.mktemp("fresh")
    alone = shutil.copy(path, fresh / "laptop.gpkg")  # the pack file only: no key, no clip beside it
    monkeypatch.setattr(cameras, "SAMPLES", tmp_path / "not-installed")  # the shipped clip is not there
    console = Console.open(str(alone))
    window = MainWindow(console, english=True)
    qtbot.addWidget(window)
    console.context.selected_unit = "330382001001001"
    panel = window.camera_panel
    assert panel.table.rowCount() == 1
    assert panel.open_row(0) == "player"
    qtbot.addWidget(panel.player)
    played = fresh / "laptop.files" / "camera_demo.mp4"
    assert panel.player.player.source() == QUrl.fromLocalFile(str(played))
    assert played.read_bytes() == (SAMPLES / "camera_demo.mp4").read_bytes()
    qtbot.waitUntil(lambda: "Playing" in panel.player.status.text() or "End" in panel.player.status.text(),
                    timeout=10_000)
    panel.player.close()
    window.close()
    console.close()
