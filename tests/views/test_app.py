"""Starting the console: the entry point opens a window and quits; first start generates the demo store."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from app.domain.errors import Cancelled
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


def test_first_start_generates_the_store_with_progress(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    calls: list[tuple] = []

    def fake_generate(db, scale, seed, progress, should_cancel):  # noqa: ANN001, ANN202
        calls.append((Path(db), scale, seed))
        progress(0.5, "towns")
        Path(db).write_bytes(b"store")
        return "report"

    monkeypatch.setattr("app.console.generate_store", fake_generate)  # the Console generates the store
    target = tmp_path / "data" / "jingkong.gpkg"
    assert first_start.create_demo_store(target)
    assert calls == [(target, "small", 1)] and target.exists()


def test_first_start_can_be_cancelled(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    def slow_generate(db, scale, seed, progress, should_cancel):  # noqa: ANN001, ANN202
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            progress(0.1, "people")
            if should_cancel():
                raise Cancelled("cancelled")
            time.sleep(0.01)
        return "report"

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    monkeypatch.setattr("app.console.generate_store", slow_generate)  # the Console generates the store
    QTimer.singleShot(300, press_cancel)
    assert not first_start.create_demo_store(tmp_path / "jingkong.gpkg")


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
