"""No language leaks: the English window shows no Chinese but in names that are data (a city's name), the
Chinese window no untranslated English — every label, button, list, header, tab, dock title and menu."""

from __future__ import annotations

import pytest

from app.console import Console
from tests.views.text_walk import cjk_leaks, english_leaks

CITY = "上海"
PLATE = "浙C·12345"  # the example licence plate in the transfers panel: a plate is written so
LANGUAGE_NAMES = {"中文（简体）", "English"}  # the Language menu names each language in itself
# words the Chinese interface keeps: formats, units, codes, the product's name, classification methods' authors
KEPT_WORDS = {"PNG", "PDF", "CSV", "WKT", "EPSG", "dpi", "Jingkong", "Jenks", "Shift", "Ctrl",
              "viridis", "cividis", "YlOrRd", "YlGnBu", "Unit"}  # palettes keep their names; the test world's units are "Unit <code>"


@pytest.fixture
def english_window(qtbot, console: Console, map_world, settings_dir):  # noqa: ANN001, ANN201
    from app.views.main_window import MainWindow

    map_world.add_city(CITY)
    window = MainWindow(console, english=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._counter.isFinished())
    return window


def test_the_english_window_shows_no_chinese(english_window) -> None:  # noqa: ANN001
    leaders = {name for name, _phone in english_window.console.atlas.grid_leaders.values()}  # people's names: data
    assert cjk_leaks(english_window, {CITY, PLATE, *LANGUAGE_NAMES, *leaders}) == []


def test_the_chinese_window_shows_no_untranslated_english(qtbot, console: Console, settings_dir,  # noqa: ANN001
                                                          chinese_translations) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    window = MainWindow(console, english=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._counter.isFinished())
    assert english_leaks(window, KEPT_WORDS | LANGUAGE_NAMES) == []


def test_english_counts_read_as_english(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from app.views.app import install_language

    before = QLocale()
    install_language(qapp, "en")
    try:
        tr = QCoreApplication.translate
        assert tr("BulkDispatcher", "%n task(s)", None, 904) == "904 tasks"
        assert tr("BulkDispatcher", "%n grid leader(s)", None, 1) == "1 grid leader"
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(before)


def _dialogs(parent):  # noqa: ANN001, ANN202
    """The export dialog and the question before a bulk dispatch (its question text is the dispatcher's)."""
    from pathlib import Path

    from app.views.bulk_dispatch import DispatchConfirmDialog
    from app.views.export_dialog import ExportDialog

    return [ExportDialog("T", "S", Path("/tmp"), parent), DispatchConfirmDialog("?", 904, parent)]


def test_the_english_dialogs_show_no_chinese(english_window) -> None:  # noqa: ANN001
    assert [leak for d in _dialogs(english_window) for leak in cjk_leaks(d, set())] == []


def test_the_chinese_dialogs_show_no_english(english_window, chinese_translations) -> None:  # noqa: ANN001
    # built after the Chinese translations are installed, the dialogs speak Chinese
    assert [leak for d in _dialogs(english_window) for leak in english_leaks(d, KEPT_WORDS | {"jingkong_map"})] == []
