"""The breadcrumb above the map: county › town › village › grid; a click goes back up to that unit."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from app.map.language import unit_names
from app.models.admin_atlas import AdminAtlas
from app.models.drill import DrillPath


class BreadcrumbBar(QWidget):
    """Shows ``drill.path``; rebuilds its buttons on ``drill.events.path``."""

    def __init__(self, drill: DrillPath, atlas: AdminAtlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drill, self._atlas = drill, atlas
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 3, 8, 3)
        self._layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        self._layout.addWidget(QLabel(self.tr("Location:"), self))
        drill.events.path.connect(self._on_path_change)
        self._on_path_change(drill.path)

    def _on_path_change(self, path: list[str]) -> None:
        while self._layout.count() > 1:
            widget = self._layout.takeAt(1).widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        for depth, code in enumerate(path):
            if depth:
                self._layout.addWidget(QLabel("›"))
            units, row = self._atlas.find(code)
            button = QToolButton(self)
            button.setText(str(unit_names(units.data)[row]))
            button.setToolTip(code)
            button.setAutoRaise(True)
            last = depth == len(path) - 1
            button.setStyleSheet("font-weight: bold; color: #1a202c;" if last else "color: #2b6cb0;")
            button.setCursor(Qt.CursorShape.ArrowCursor if last else Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(partial(self._drill.go_up_to, depth))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addStretch(1)
        self._layout.addWidget(QLabel(self.tr("Double-click to drill down · Shift+drag to zoom to a box"), self))
