"""The GUI entry point: arguments, QApplication, language, first-start store, main window.

``python main.py [--db PATH|URL] [--lang zh|en]``
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from app.arguments import OneLineParser, arg
from app.console import Console, Login
from app.domain.errors import Cancelled, StoreError
from app.models import inputs
from app.views import settings

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")
NO_CHINESE_FONT = QT_TRANSLATE_NOOP(
    "Startup",
    "No Chinese font is installed: Chinese text shows as boxes (install fonts-noto-cjk: run scripts/setup.sh)")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = OneLineParser(prog="jingkong-console", description="精控 Jingkong command console")
    parser.add_argument("--db", metavar="PATH|URL", type=arg(inputs.store_location), help="store file or SQLAlchemy URL (default: the embedded store)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default: last used, else zh)")
    parser.add_argument("--user", metavar="NAME", type=arg(inputs.text), help="log in as this user of the store (password from "
                                                       "$JINGKONG_PASSWORD, else asked in a dialog)")
    return parser.parse_args(argv)


def install_language(app: QApplication, lang: str) -> None:
    """Simplified Chinese through our .qm plus Qt's own; English is the source language, with a .qm for its
    plural forms only ("1 task", "904 tasks" for the source's "%n task(s)")."""
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        plurals = QTranslator(app)
        if plurals.load("jingkong_en", str(TRANSLATIONS)):
            app.installTranslator(plurals)
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for name, folder in (("jingkong_zh_CN", TRANSLATIONS),
                         ("qtbase_zh_CN", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)


def swap_language(app: QApplication, lang: str) -> None:
    """Replace the installed translators by those of ``lang``: Qt sends every widget a LanguageChange, and the
    main window rebuilds its views in the new language."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_language(app, lang)


def choose_font(app: QApplication) -> bool:
    """Prefer a CJK UI font so Chinese never falls back to boxes; False when this computer has none at all."""
    families = set(QFontDatabase.families())
    chinese = sorted(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    family = next((f for f in CJK_FONTS if f in families), chinese[0] if chinese else None)
    if family is None:
        return False
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return True


def missing_font_notice() -> str:
    """The status-bar notice for a computer without Chinese fonts. The Chinese words would show as boxes there, so
    the English follows them in the Chinese interface."""
    text = QCoreApplication.translate("Startup", NO_CHINESE_FONT)
    return text if text == NO_CHINESE_FONT else f"{text} — {NO_CHINESE_FONT}"


def ask_login(user: str | None) -> Login | None:
    """The login for ``--user`` (password from the environment, else a password dialog; Cancelled if closed)."""
    if not user:
        return None
    password = os.environ.get("JINGKONG_PASSWORD")
    if password is None:
        password, ok = QInputDialog.getText(None, "Jingkong", QCoreApplication.translate("Startup", "Password for %1:")
                                            .replace("%1", user), QLineEdit.EchoMode.Password)
        if not ok:
            raise Cancelled
    return Login(user, password)


def open_console(db: str | None, user: str | None = None) -> Console | None:
    if db is None and not Console.default_store_path().exists():
        from app.views.first_start import create_demo_store

        if not create_demo_store(Console.default_store_path()):
            return None
    try:
        return Console.open(db, ask_login(user))
    except Cancelled:
        return None
    except StoreError as exc:
        QMessageBox.critical(None, "Jingkong", str(exc))
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    lang = args.lang or settings.language()
    install_language(app, lang)
    has_chinese_font = choose_font(app)
    console = open_console(args.db, args.user)
    if console is None:
        return 1
    from app.views.indicator_loader import IndicatorLoader
    from app.views.main_window import MainWindow
    from app.views.startup_probe import install as install_probe
    from app.views.undo_history import ConsoleUndo

    IndicatorLoader.hold()  # the map paints first; the indicators are computed after
    undo = ConsoleUndo(console.context, app)  # the session's undo stack: every build of the window's views uses it
    window = MainWindow(console, english=lang == "en", undo=undo)
    IndicatorLoader.release_after_paint(window.canvas.viewport())
    if not has_chinese_font:
        window.status.show_notice(missing_font_notice())
    install_probe(window)
    window.show()
    code = app.exec()
    console.close()
    return code
