"""The legend names every colour the map draws: the cameras' status colours (from the colour table the point
painter reads), on the map and the print sheet and in the layer panel, in the interface language, only while the
layer is visible, with the counts of the as-of date."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.console import Console
from app.domain.cameras import CameraStatus as CS
from app.map.point_painter import PointPainter
from app.store.queries.camera_status import record_status
from tests.factories import World, at
from tests.views.test_language_switch import _switch

WORDS_EN = {CS.ONLINE: "online", CS.OFFLINE: "offline", CS.FAULT: "fault"}
WORDS_ZH = {CS.ONLINE: "在线", CS.OFFLINE: "离线", CS.FAULT: "故障"}


@pytest.fixture
def cameras(map_world: World) -> Console:
    """C1 and C3 online and C2 offline from the 1st; C3 at fault from the 12th."""
    console = Console(map_world.store)
    layer = console.layers["cameras"]
    ids = {str(c): int(i) for c, i in zip(layer.fields["code"], layer.ids)}
    with map_world.store.begin() as conn:
        record_status(conn, [(ids["C1"], at("2022-03-01 00:00"), int(CS.ONLINE)),
                             (ids["C2"], at("2022-03-01 00:00"), int(CS.OFFLINE)),
                             (ids["C3"], at("2022-03-01 00:00"), int(CS.ONLINE))], "test")
    map_world.set_camera_status(ids["C3"], CS.FAULT, "2022-03-12 09:00")
    return Console(map_world.store)


def _window(qtbot, console: Console, english: bool):  # noqa: ANN001, ANN202
    from app.views.main_window import MainWindow

    w = MainWindow(console, english=english)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _expected(console: Console, words: dict[CS, str]) -> list[tuple[str, str]]:
    """What the painter draws: its layer's class colours, and how many points it draws in each."""
    painter = PointPainter(console.layers["cameras"])
    drawn = np.bincount(painter.layer.classes, minlength=len(painter.layer.class_colours))
    return [(colour, f"{words[CS(k)]}  {int(n):,}") for k, (colour, n) in enumerate(zip(painter.layer.class_colours, drawn))]


def _map_legend(window) -> list[tuple[str, str]]:  # noqa: ANN001
    _title, entries = window.canvas._legend()
    return entries


def _panel_legend(window) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(c.data(0, Qt.ItemDataRole.UserRole + 1), c.text(0)) for c in window.layer_panel.class_items("cameras")
            if not c.isHidden()]


def test_the_legend_names_the_camera_colours_with_their_counts_on_the_date(qtbot, cameras: Console, settings_dir) -> None:  # noqa: ANN001
    from app.views.export_dialog import briefing_sheet

    window = _window(qtbot, cameras, english=True)
    expected = _expected(cameras, WORDS_EN)
    assert [label for _, label in expected] == ["online  1", "offline  1", "fault  1"]
    assert _map_legend(window)[-4:] == [("", "Cameras"), *expected]
    assert _panel_legend(window) == expected
    assert briefing_sheet(cameras, "t", "s").legend[-4:] == [("", "Cameras"), *expected]
    assert {colour for colour, _ in expected} == set(cameras.layers["cameras"].class_colours)
    cameras.context.selected_unit = "330382001001001"  # the camera list names each status in its map colour
    table = window.camera_panel.table
    listed = {table.item(r, 2).text(): table.item(r, 2).foreground().color().name() for r in range(table.rowCount())}
    assert listed == {"online": expected[0][0], "offline": expected[1][0]}

    cameras.context.as_of = dt.date(2022, 3, 5)  # before C3 failed
    moved = _expected(cameras, WORDS_EN)
    assert [label for _, label in moved] == ["online  2", "offline  1", "fault  0"]
    assert _map_legend(window)[-4:] == [("", "Cameras"), *moved]
    assert _panel_legend(window) == moved


def test_hiding_the_layer_takes_its_classes_off_the_legend(qtbot, cameras: Console, settings_dir) -> None:  # noqa: ANN001
    window = _window(qtbot, cameras, english=True)
    window.layer_panel.item_for("cameras").setCheckState(0, Qt.CheckState.Unchecked)
    assert not cameras.layers["cameras"].visible
    assert ("", "Cameras") not in _map_legend(window)
    assert not any(label.startswith("online") for _, label in _map_legend(window))
    assert _panel_legend(window) == []
    cameras.layers["cameras"].visible = True
    assert _map_legend(window)[-4:] == [("", "Cameras"), *_expected(cameras, WORDS_EN)]
    assert _panel_legend(window) == _expected(cameras, WORDS_EN)


def test_switching_language_translates_the_camera_legend(qtbot, cameras: Console, settings_dir, chinese_translations) -> None:  # noqa: ANN001
    window = _window(qtbot, cameras, english=False)
    qtbot.waitUntil(lambda: window._counter.isFinished())
    zh = _expected(cameras, WORDS_ZH)
    assert _map_legend(window)[-4:] == [("", "视频监控"), *zh]
    assert _panel_legend(window) == zh
    _switch(qtbot, window, "English", english=True)
    assert _map_legend(window)[-4:] == [("", "Cameras"), *_expected(cameras, WORDS_EN)]
    assert _panel_legend(window) == _expected(cameras, WORDS_EN)
