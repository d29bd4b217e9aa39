"""Camera feed links: the list for a selected village, playback in the embedded player or the system handler."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PySide6.QtCore import QUrl

from app.models.cameras import SAMPLES
from app.models.projection import to_display
from app.views.camera_panel import CameraPanel
from app.views.playback_notice import unavailable_text
from app.views.qt_libraries import Unavailable
from tests.factories import STEP, X0, Y0

# Qt Multimedia's reports on optional pieces it probes with dlopen (VA-API hardware decoding, the PipeWire audio
# server): without them the clip plays, decoded in software
MULTIMEDIA_NOISE = (r"qt\.multimedia", r".*RHI.*", r".*HW decoder.*", r".*FFmpeg.*", r"Couldn't (load|resolve) .*")


def test_the_panel_lists_the_cameras_of_a_selected_village(main_window) -> None:  # noqa: ANN001
    main_window.console.context.selected_unit = None  # nothing selected: it says what to do rather than "0 cameras"
    panel = main_window.camera_panel
    assert panel.summary.text() == "Select a town, village or grid on the map to list its cameras"
    panel.nearest.setChecked(True)
    assert panel.summary.text() == "Click the map to list the cameras nearest that point"
    panel.in_unit.setChecked(True)
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
    frames = []
    player.video.videoSink().videoFrameChanged.connect(lambda frame: frames.append(frame.size()))
    qtbot.waitUntil(lambda: "Playing" in player.status.text() or "End" in player.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: len(frames) >= 2 and player.player.position() > 0, timeout=10_000)
    assert frames[-1].width() == 480 and frames[-1].height() == 270  # the clip's own size: decoded, not a blank
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


@pytest.mark.usefixtures("chinese_translations")
@pytest.mark.qt_log_ignore(*MULTIMEDIA_NOISE, r".*[Cc]onnection.*", r".*[Cc]ould not open.*")
def test_the_player_explains_its_errors_in_the_interface_language(qtbot) -> None:  # noqa: ANN001
    from app.views.video_player import VideoPlayerDialog, open_stream

    player = VideoPlayerDialog()
    qtbot.addWidget(player)
    open_stream("rtsp://127.0.0.1:9/none", player)
    qtbot.waitUntil(lambda: player.status.text().startswith("无法播放"), timeout=15_000)
    qt_words = player.status.toolTip()  # Qt Multimedia's own English message, kept for whoever diagnoses
    assert qt_words and qt_words not in player.status.text()
    assert player.status.text().endswith("：无法打开视频流（地址不可达，或不是视频）")
    player.close()


def test_other_links_go_to_the_systems_handler(main_window, monkeypatch) -> None:  # noqa: ANN001
    opened: list[str] = []
    monkeypatch.setattr("app.views.video_player.QDesktopServices.openUrl", lambda url: opened.append(url.toString()) or True)
    main_window.console.context.selected_unit = "330382002"
    assert main_window.camera_panel.open_row(0) == "handler"
    assert opened == ["jingkong-unknown://cam/3"]


@pytest.mark.usefixtures("chinese_translations")
def test_without_qt_multimedia_the_panel_says_so_in_chinese_and_the_rest_works(console, qtbot, monkeypatch) -> None:  # noqa: ANN001
    # None in sys.modules is how Python marks a module that cannot be imported: the panel's own import attempt
    # fails as it does on a machine without libpulse.so.0
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    panel = CameraPanel(console.camera_links)
    qtbot.addWidget(panel)
    panel.show()
    console.context.selected_unit = "330382001001001"
    assert panel.table.rowCount() == 2 and panel.summary.text() == "共 2 路摄像头"
    assert not panel.notice.isVisible()
    panel.table.setCurrentCell(0, 0)
    panel.play.click()
    assert panel.player is None
    assert panel.notice.isVisible()
    assert panel.notice.text().startswith("视频播放组件不可用：")
    assert panel.notice.text().endswith("（请运行 scripts/setup.sh）")
    assert not panel.play.isEnabled()
    console.context.selected_unit = "330382002002002"  # the list goes on following the selection
    assert panel.table.rowCount() == 1 and panel.table.item(0, 4).text() == "C3"


def test_a_missing_system_library_is_named_in_the_interface_language(chinese_translations) -> None:  # noqa: ANN001
    problem = Unavailable(("libpulse.so.0",), "libpulse.so.0: cannot open shared object file")
    assert unavailable_text(problem) == "视频播放组件不可用：缺少系统库 libpulse.so.0（请运行 scripts/setup.sh）"


def test_a_map_click_in_nearest_mode_lists_the_nearest_camera_off_the_gui_thread(main_window, qtbot) -> None:  # noqa: ANN001
    panel = main_window.camera_panel
    panel.nearest.setChecked(True)
    panel.count.setValue(1)
    x, y = to_display(np.array([X0 + 3.5 * STEP]), np.array([Y0 + 3 * STEP]))  # the centre of C3's grid
    main_window.canvas.sigPointClicked.emit(float(x[0]), float(y[0]))
    qtbot.waitUntil(lambda: [r.code for r in main_window.console.camera_links.rows] == ["C3"], timeout=5000)
    assert panel.table.rowCount() == 1 and main_window.console.camera_links.rows[0].distance_m < 1
