"""A dock's panel built the first time it is shown: a console starts with most docks behind a tab or folded into
the laptop's panel strip, and building them all (their models, tables, pollers) cost start time and memory for
panels the duty officer may never open this session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QScrollArea, QWidget


class LazyPanel(QWidget):
    """Stands in ``scroll`` for a panel not built yet. Shown (its dock opened or its tab raised), or asked for its
    ``panel()``, it builds the panel with ``build()``, puts it in its own place and hands it to ``built``.

    The dock around it is made at once with its object name and title, so the saved layout, the Window menu and
    the panel strip treat it as any other dock."""

    def __init__(self, scroll: QScrollArea, build: Callable[[], QWidget], built: Callable[[QWidget], None]) -> None:
        super().__init__(scroll)
        self._scroll, self._build, self._built = scroll, build, built
        self._panel: QWidget | None = None

    def panel(self) -> QWidget:
        if self._panel is None:
            self._panel = self._build()
            self._scroll.takeWidget()  # (setWidget would delete this placeholder while it may be in its showEvent)
            self._scroll.setWidget(self._panel)
            self._panel.show()
            self.deleteLater()
            self._built(self._panel)
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.panel()
