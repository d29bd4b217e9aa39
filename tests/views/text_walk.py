"""Every piece of text a window shows: labels, buttons, fields, lists, table headers and cells, tabs, dock titles,
menus and the tool bar — visible now or one tab away (a user finds them all)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
ROWS = 50  # cells of a list read per column (enough to meet every kind of value)


def _columns(model, parent: QModelIndex) -> int:  # noqa: ANN001
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model Qt keeps private (a list widget's, the undo view's): one column
        return 1


def _model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    for c in range(_columns(model, QModelIndex())):
        header = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header:
            yield f"{type(view).__name__} header", str(header)

    def walk(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for r in range(min(model.rowCount(parent), ROWS)):
            for c in range(_columns(model, parent)):
                value = model.index(r, c, parent).data(Qt.ItemDataRole.DisplayRole)
                if value not in (None, ""):
                    yield f"{type(view).__name__}[{r},{c}]", str(value)
            child = model.index(r, 0, parent)
            if depth < 3 and model.rowCount(child):
                yield from walk(child, depth + 1)

    yield from walk(QModelIndex(), 0)


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.text():
            yield where, action.text()
        if action.menu():
            yield from _menu_texts(action.menu(), f"{where} › {action.text()}")


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName() or ''}"
        if isinstance(w, QLabel) and w.text():
            yield name, re.sub(r"<[^>]+>", "", w.text())
        elif isinstance(w, QAbstractButton) and w.text():
            yield name, w.text()
        elif isinstance(w, QLineEdit):
            if w.placeholderText():
                yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item", w.itemText(i)
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{name} tab", w.tabText(i)
        elif isinstance(w, QDockWidget):
            yield name, w.windowTitle()
        elif isinstance(w, QAbstractItemView) and not isinstance(w.parent(), QComboBox):
            yield from _model_texts(w)
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield "menu", action.text()
            if action.menu():
                yield from _menu_texts(action.menu(), action.text())
        for action in root.findChildren(QMenu):
            yield from _menu_texts(action, "menu")


def cjk_leaks(root: QWidget, allowed: set[str]) -> list[tuple[str, str]]:
    """Texts holding a Chinese character, but for ``allowed`` data values (names) they may contain."""
    leaks = []
    for where, text in texts(root):
        rest = text
        for name in allowed:
            rest = rest.replace(name, "")
        if CJK.search(rest):
            leaks.append((where, text))
    return sorted(set(leaks))


WORD = re.compile(r"[A-Za-z]{3,}")


def english_leaks(root: QWidget, allowed: set[str]) -> list[tuple[str, str]]:
    """Texts holding an English word (3 letters and more) not in ``allowed`` (names of formats, units, codes)."""
    leaks = []
    for where, text in texts(root):
        text = re.sub(r"\S*[/@\\]\S*", "", text)  # file paths and the test store's made-up names are data
        words = {w for w in WORD.findall(text) if w not in allowed}
        if words:
            leaks.append((where, text))
    return sorted(set(leaks))
