"""What the layer stack asks of each layer it draws."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter


class LayerPainter:
    """Draws one layer in map coordinates; ``visible`` and ``opacity`` are set by the canvas."""

    visible: bool = True
    opacity: float = 1.0

    def paint(self, p: QPainter, exposed: QRectF) -> None:
        raise NotImplementedError
