"""What the console says, in the interface language, when video playback cannot work on this machine."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.qt_libraries import Unavailable


def unavailable_text(problem: Unavailable) -> str:
    """One line naming the missing system libraries (else the loader's message) and the way to install them."""
    if problem.libraries:
        text = QCoreApplication.translate(
            "CameraPanel", "Video playback is unavailable: the system library %1 is missing (run scripts/setup.sh)")
        return text.replace("%1", ", ".join(problem.libraries))
    text = QCoreApplication.translate("CameraPanel", "Video playback is unavailable: %1 (run scripts/setup.sh)")
    return text.replace("%1", problem.detail)
