"""The laptop's panel strip: one button per panel down the right edge; a click opens that panel in the side
column (alone, at the column's full height), a click on the open one collapses the column and gives the map
the whole window. The strip is the tab bar of a column that can close: every title whole, read top to bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar


class PanelSwitcher(QToolBar):
    """Shows one of ``docks`` at a time (or none); ``shown`` is the key of the open panel, or None."""

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
        super().__init__(QCoreApplication.translate("PanelSwitcher", "Panels"), window)
        self.setObjectName("panel_switcher")
        self.setMovable(False)
        self.setOrientation(Qt.Orientation.Vertical)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._docks: dict[str, QDockWidget] = {}
        self._actions: dict[str, QAction] = {}
        self._group = QActionGroup(self)
        self._group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.shown: str | None = None
        window.addToolBar(Qt.ToolBarArea.RightToolBarArea, self)

    def take(self, keys: list[str], docks: dict[str, QDockWidget]) -> None:
        """Switch between ``keys`` (in this order) from now on, all collapsed."""
        self.clear()
        self._docks = {k: docks[k] for k in keys}
        self._actions = {}
        for key, dock in self._docks.items():
            action = self.addAction(dock.windowTitle())
            action.setCheckable(True)
            action.setToolTip(dock.windowTitle())
            action.triggered.connect(lambda on, key=key: self.show_panel(key if on else None))
            self._group.addAction(action)
            self._actions[key] = action
        self.show_panel(None)
        self.show()

    def release(self) -> None:
        """Stop switching (another layout places the docks): the strip goes."""
        self._docks, self._actions, self.shown = {}, {}, None
        self.clear()
        self.hide()

    def follow(self) -> None:
        """Mark the panel a restored layout shows (a saved window state opens it again) as the open one."""
        shown = [k for k, dock in self._docks.items() if dock.isVisibleTo(self.parentWidget())]
        self.show_panel(shown[0] if shown else None)

    def owns(self, key: str) -> bool:
        return key in self._docks

    def show_panel(self, key: str | None) -> None:
        """Open panel ``key`` alone in the column, or collapse the column (None)."""
        for k, dock in self._docks.items():
            dock.setVisible(k == key)
            self._actions[k].setChecked(k == key)
        if key is not None:
            self._docks[key].raise_()
        self.shown = key
