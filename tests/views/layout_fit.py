"""How much of each dock a user sees without scrolling: rows of its main list, its buttons, its tab title."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QMainWindow,
    QScrollArea,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)


@dataclass
class DockFit:
    key: str
    rows: int  # rows the panel's largest list shows at once (its capacity, whatever it holds now)
    hidden_buttons: list[str] = field(default_factory=list)  # buttons cut, squeezed or outside the dock
    scrolls: bool = False  # the dock's scroll area needs scrolling


def _row_height(view: QAbstractItemView) -> int:
    if isinstance(view, QTableView):
        return view.verticalHeader().defaultSectionSize()
    if isinstance(view, QTreeView) and view.model() is not None and view.model().rowCount():
        return max(view.rowHeight(view.model().index(0, 0)), 1)
    return view.fontMetrics().height() + 6


def _inside(widget: QWidget, area: QWidget) -> bool:
    top_left = widget.mapTo(area, widget.rect().topLeft())
    return area.rect().contains(QRect(top_left, widget.size()))


def dock_fit(window: QMainWindow, key: str) -> DockFit:
    """Raise the dock ``key`` and measure it."""
    dock: QDockWidget = window.docks[key]
    dock.raise_()
    QApplication.processEvents()
    scroll = dock.widget()
    assert isinstance(scroll, QScrollArea)
    panel = scroll.widget()
    views = [v for v in panel.findChildren(QAbstractItemView) if v.isVisibleTo(panel) and v.parent() is not None
             and not isinstance(v.parent(), QAbstractItemView)]
    rows = 0
    if views:
        main = max(views, key=lambda v: v.viewport().width() * v.viewport().height())
        rows = main.viewport().height() // _row_height(main)
    hidden = [b.text() for b in panel.findChildren(QAbstractButton) if b.isVisibleTo(panel) and b.text()
              and (not _inside(b, scroll.viewport()) or b.width() < b.sizeHint().width())]
    scrolls = scroll.horizontalScrollBar().maximum() > 0 or scroll.verticalScrollBar().maximum() > 0
    return DockFit(key, rows, hidden, scrolls)


def cut_tab_titles(window: QMainWindow) -> list[str]:
    """Dock tab titles not shown whole (elided, or scrolled out of their bar)."""
    cut = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            rect = bar.tabRect(i)
            if not bar.rect().contains(rect) or rect.width() < bar.fontMetrics().horizontalAdvance(bar.tabText(i)):
                cut.append(bar.tabText(i))
    return cut
