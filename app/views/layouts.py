"""The default dock layouts: one for a laptop (1366 × 768), one for a workstation (1920 × 1080), chosen by the
size of the screen the window opens on.

A layout is data — which docks share a tab group, in which area, how wide or tall — so both are read side by
side and tested the same way: every panel shows at least eight rows of its table and all of its buttons
without scrolling, and every tab title is whole. Docks not named here (a panel added later) join the first
tab group of their own area.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar
from shiboken6 import getCppPointer

from app.views.panel_switcher import PanelSwitcher

Area = Qt.DockWidgetArea
LEFT, RIGHT, BOTTOM = Area.LeftDockWidgetArea, Area.RightDockWidgetArea, Area.BottomDockWidgetArea


@dataclass(frozen=True)
class TabGroup:
    area: Qt.DockWidgetArea
    keys: tuple[str, ...]  # dock object names; the first is raised
    height: int = 0  # pixels, when stacked over another group of its area (0: what is left)


@dataclass(frozen=True)
class DockLayout:
    """Tab groups (stacked top to bottom within an area, in order), the side columns' widths and the bottom
    area's height in pixels; the side columns run the full height (the bottom area sits under the map only)."""

    name: str
    groups: tuple[TabGroup, ...]
    left_width: int
    right_width: int
    bottom_height: int
    switched: bool = False  # the right column opens one panel at a time from the panel strip, closed at first


OPERATIONS = ("task_queue", "warnings", "incident", "vaccination", "dashboard", "attributes", "identify", "sync_conflicts")
ANALYSIS = ("indicators", "screening", "tracing", "task_transfers", "cameras", "facilities")

WORKSTATION = DockLayout("workstation", (TabGroup(LEFT, ("layers",), height=330), TabGroup(LEFT, ("thematic", "undo_history")),
                                         TabGroup(RIGHT, ANALYSIS), TabGroup(BOTTOM, OPERATIONS)),
                         left_width=280, right_width=560, bottom_height=400)
# On a laptop the map keeps the window: no left column and no bottom area (768 lines leave too little height to
# share); every panel opens on demand, alone, at the right column's full height, from the panel strip.
LAPTOP = DockLayout("laptop", (TabGroup(RIGHT, (*OPERATIONS, *ANALYSIS, "layers", "thematic", "undo_history")),),
                    left_width=0, right_width=500, bottom_height=0, switched=True)


def layout_for(screen: QSize) -> DockLayout:
    """The workstation layout from 1600 × 900 up; the laptop layout below."""
    return WORKSTATION if screen.width() >= 1600 and screen.height() >= 900 else LAPTOP


def apply_layout(window: QMainWindow, docks: dict[str, QDockWidget], layout: DockLayout,
                 switcher: PanelSwitcher | None = None) -> None:
    """Place every dock of ``docks`` as ``layout`` says, shown and docked, and size the areas; a switched layout
    hands its right column to ``switcher`` (collapsed)."""
    window.setCorner(Qt.Corner.BottomLeftCorner, LEFT)
    window.setCorner(Qt.Corner.BottomRightCorner, RIGHT)
    placed: set[str] = set()
    heads: list[tuple[TabGroup, QDockWidget]] = []
    for group in layout.groups:
        members = [docks[k] for k in group.keys if k in docks]
        if not members:
            continue
        head = members[0]
        _dock(window, head, group.area)
        above = [h for g, h in heads if g.area == group.area]
        if above:
            window.splitDockWidget(above[-1], head, Qt.Orientation.Vertical)
        for dock in members[1:]:
            _dock(window, dock, group.area)
            window.tabifyDockWidget(head, dock)
        head.raise_()
        heads.append((group, head))
        placed.update(d.objectName() for d in members)
    firsts = {g.area: h for g, h in reversed(heads)}
    for key, dock in docks.items():  # a dock the layout does not name joins its area's first group
        if key not in placed:
            area = Qt.DockWidgetArea(dock.property("area") or int(window.dockWidgetArea(dock).value))
            _dock(window, dock, area)
            if area in firsts:
                window.tabifyDockWidget(firsts[area], dock)
                firsts[area].raise_()
    sides = [firsts[a] for a in (LEFT, RIGHT) if a in firsts]
    window.resizeDocks(sides, [layout.left_width if a == LEFT else layout.right_width for a in (LEFT, RIGHT) if a in firsts],
                       Qt.Orientation.Horizontal)
    if BOTTOM in firsts:
        window.resizeDocks([firsts[BOTTOM]], [layout.bottom_height], Qt.Orientation.Vertical)
    for area in (LEFT, RIGHT):  # stacked groups: the sized ones get their height, the others share the rest
        stacked = [(g, h) for g, h in heads if g.area == area]
        if len(stacked) > 1:
            rest = max(200, window.height() - 150 - sum(g.height for g, _h in stacked))  # less menus and bars
            window.resizeDocks([h for _g, h in stacked], [g.height or rest for g, _h in stacked], Qt.Orientation.Vertical)
    whole_tab_titles(window)
    if switcher is not None:
        if layout.switched:
            switcher.take([k for g in layout.groups if g.area == RIGHT for k in g.keys if k in docks]
                          + [k for k in docks if k not in placed], docks)
        else:
            switcher.release()


def _dock(window: QMainWindow, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
    dock.setFloating(False)
    window.addDockWidget(area, dock)
    dock.show()


def whole_tab_titles(window: QMainWindow) -> None:
    """Dock tab bars show whole titles (scroll arrows when they do not fit, never "Tr…"), each its dock's title
    as it is now: Qt keeps a stray bar of a group the layout merged (under the bar in use), whose titles would
    otherwise stay in the language it was made in."""
    docks = {getCppPointer(d)[0]: d for d in window.findChildren(QDockWidget)}
    for bar in window.findChildren(QTabBar):
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)
        bar.setExpanding(False)
        for i in range(bar.count()):
            dock = docks.get(bar.tabData(i))
            if dock is not None:
                bar.setTabText(i, dock.windowTitle())
