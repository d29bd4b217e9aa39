"""The main window on a test store: the World hierarchy plus cameras, facilities and checkpoints.

Settings go to a temporary folder, so tests never read or write the user's saved layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from app.console import Console
from app.domain.facilities import FacilityKind
from app.domain.places import PlaceKind
from tests.factories import World

SAMPLE_URL = "sample://camera_demo.mp4"


@pytest.fixture
def chinese_ui() -> Iterator[None]:
    """The interface language set to Simplified Chinese for one test, as ``--lang zh`` does."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def chinese_translations(qapp, chinese_ui) -> Iterator[None]:  # noqa: ANN001
    """The Chinese interface with the console's translations installed, as ``--lang zh`` does (``tr()`` → 中文)."""
    from PySide6.QtCore import QTranslator

    from app.views.app import install_language

    install_language(qapp, "zh")
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def map_world(world: World) -> World:
    """Cameras: two in grid …001001001 (one with the shipped sample clip), one in …002002002;
    one test site, one quarantine hotel and one checkpoint."""
    world.add_camera("330382001001001", code="C1", url=SAMPLE_URL)
    world.add_camera("330382001001001", code="C2", status=1, kind=1)
    world.add_camera("330382002002002", code="C3", url="jingkong-unknown://cam/3")
    world.add_facility(FacilityKind.TEST_SITE, "330382001002001")
    world.add_facility(FacilityKind.QUARANTINE_HOTEL, "330382002001001", capacity=50)
    world.add_place("330382002001002", kind=PlaceKind.CHECKPOINT, category="highway")
    return world


@pytest.fixture
def console(map_world: World) -> Console:
    return Console(map_world.store)


@pytest.fixture
def main_window(qtbot, console: Console, settings_dir: Path):  # noqa: ANN001, ANN201
    """The console's main window, shown at 1280 × 800 (English, source strings)."""
    from app.views.main_window import MainWindow

    window = MainWindow(console, english=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.canvas.zoom_to_extent()
    qtbot.waitUntil(lambda: window._counter.isFinished())
    return window
