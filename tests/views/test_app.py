"""Starting the console: the entry point opens a window and quits; first start generates the demo store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from app.console import Console
from app.views import first_start
from app.views.app import main
from tests.factories import World


def test_main_opens_the_console_and_quits(qapp, map_world: World, settings_dir: Path) -> None:  # noqa: ANN001
    seen: list[str] = []

    def close_windows() -> None:  # closing the last window ends the event loop
        for widget in QApplication.topLevelWidgets():
            if widget.__class__.__name__ == "MainWindow" and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.close()

    closer = QTimer(singleShot=True, interval=500)
    closer.timeout.connect(close_windows)
    closer.start()
    assert main(["--db", map_world.store.display_name, "--lang", "en"]) == 0
    assert seen and seen[0].startswith("Jingkong")


def test_first_start_generates_the_store_with_progress(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    seen: list[int] = []

    def watch() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.value())

    timer = QTimer(interval=50)
    timer.timeout.connect(watch)
    timer.start()
    target = tmp_path / "data" / "jingkong.gpkg"
    assert first_start.create_demo_store(target, scale="tiny")
    timer.stop()
    assert target.exists() and Console.open(target).level_counts == {"county": 1, "town": 25, "village": 514,
                                                                     "grid": 7977}
    assert any(0 < v < 1000 for v in seen)  # the dialog showed progress on the way


def test_first_start_can_be_cancelled(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    QTimer.singleShot(300, press_cancel)
    target = tmp_path / "jingkong.gpkg"
    assert not first_start.create_demo_store(target, scale="tiny")
    assert not target.exists()  # nothing half-written is left behind


def test_chinese_is_the_default_language_through_qt_translations(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from app.views.app import install_language

    install_language(qapp, "zh")
    try:
        assert QCoreApplication.translate("MainWindow", "Layers") == "图层"
        assert QCoreApplication.translate("", "Grid leader") == "网格长"
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert QCoreApplication.translate("MainWindow", "Layers") == "Layers"


# main() in a process of its own, reporting the status bar's notice once the window is up
NOTICE_OF_MAIN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.views.app import main

app = QApplication(["jingkong"])

def report():
    for widget in QApplication.topLevelWidgets():
        if widget.__class__.__name__ == "MainWindow" and widget.isVisible():
            print(widget.status.notice.text())
            widget.close()

QTimer.singleShot(500, report)
sys.exit(main(sys.argv[1:]))
"""


def test_without_chinese_fonts_the_status_bar_says_so(map_world: World, tmp_path: Path) -> None:
    # fontconfig, which Qt asks for fonts, reads this file instead of the system's: only the Latin DejaVu fonts
    (tmp_path / "fonts.conf").write_text(f"""<?xml version="1.0"?>
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>""")
    env = {**os.environ, "FONTCONFIG_FILE": str(tmp_path / "fonts.conf"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", NOTICE_OF_MAIN, "--db", map_world.store.display_name, "--lang", "zh"],
                          cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("未安装中文字体：中文将显示为方框（请安装 fonts-noto-cjk：运行 scripts/setup.sh） — "
                                   "No Chinese font is installed: Chinese text shows as boxes "
                                   "(install fonts-noto-cjk: run scripts/setup.sh)")
