"""Camera feed links: the list for a selected village, playback in the embedded player or the system handler."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from app.models.cameras import SAMPLES

MULTIMEDIA_NOISE = (r"qt\.multimedia", r".*RHI.*", r".*HW decoder.*", r".*FFmpeg.*", r".*pipewire.*")


def test_the_panel_lists_the_cameras_of_a_selected_village(main_window) -> None:  # noqa: ANN001
    main_window.console.context.selected_unit = "330382001001"
    table = main_window.camera_panel.table
    assert table.rowCount() == 2
    assert sorted(table.item(r, 4).text() for r in range(2)) == ["C1", "C2"]
    assert {table.item(r, 2).text() for r in range(2)} == {"online", "offline"}
    assert main_window.camera_panel.summary.text() == "2 camera(s)"


@pytest.mark.qt_log_ignore(*MULTIMEDIA_NOISE)
def test_the_sample_clip_plays_in_the_embedded_player(main_window, qtbot) -> None:  # noqa: ANN001
    main_window.console.context.selected_unit = "330382001001001"
    panel = main_window.camera_panel
    row = [panel.table.item(r, 4).text() for r in range(panel.table.rowCount())].index("C1")
    assert panel.open_row(row) == "player"
    player = panel.player
    qtbot.addWidget(player)
    assert player.isVisible()
    assert player.player.source() == QUrl.fromLocalFile(str(SAMPLES / "camera_demo.mp4"))
    qtbot.waitUntil(lambda: "Playing" in player.status.text() or "End" in player.status.text(), timeout=10_000)
    player.close()


@pytest.mark.qt_log_ignore(*MULTIMEDIA_NOISE, r".*[Cc]onnection.*", r".*[Cc]ould not open.*")
def test_an_unreachable_stream_says_so(main_window, qtbot) -> None:  # noqa: ANN001
    from app.views.video_player import VideoPlayerDialog, open_stream

    player = VideoPlayerDialog()
    qtbot.addWidget(player)
    assert open_stream("rtsp://127.0.0.1:9/none", player) == "player"
    qtbot.waitUntil(lambda: "Cannot play" in player.status.text(), timeout=15_000)
    assert "rtsp://127.0.0.1:9/none" in player.status.text()
    player.close()


def test_other_links_go_to_the_systems_handler(main_window, monkeypatch) -> None:  # noqa: ANN001
    opened: list[str] = []
    monkeypatch.setattr("app.views.video_player.QDesktopServices.openUrl", lambda url: opened.append(url.toString()) or True)
    main_window.console.context.selected_unit = "330382002"
    assert main_window.camera_panel.open_row(0) == "handler"
    assert opened == ["jingkong-unknown://cam/3"]
