"""Answering the console's modal questions in tests, as a user would: by clicking one of their buttons."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class Answers:
    """Clicks ``Dispatch`` (``accept=True``) or ``Cancel`` on the next message box that opens, and keeps its
    text in ``asked`` (the question the user saw)."""

    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.asked: list[str] = []
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        # the shown message box, whether or not the (offscreen) platform made it the active modal widget
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, self._answer)
            return
        box = boxes[0]
        self.asked.append(f"{box.text()}\n{box.informativeText()}")
        button = getattr(box, "dispatch_button", None) if self.accept else box.button(QMessageBox.StandardButton.Cancel)
        (button or box.defaultButton()).click()
