"""What the console remembers between runs (QSettings): window layout, last view, layer state, language."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSettings
from PySide6.QtWidgets import QMainWindow

from app.map.canvas import MapCanvas
from app.models.layers import LayerList

ORGANISATION = "Jingkong"
APPLICATION = "console"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def language() -> str:
    value = settings().value("language", "zh")
    return value if value in ("zh", "en") else "zh"


def set_language(lang: str) -> None:
    settings().setValue("language", lang)


def save_window(window: QMainWindow, canvas: MapCanvas, layers: LayerList) -> None:
    s = settings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    r = canvas.vb.viewRect()
    s.setValue("map/view", [r.x(), r.y(), r.width(), r.height()])
    s.setValue("map/order", layers.keys())
    for layer in layers:
        s.setValue(f"layers/{layer.key}", [int(layer.visible), float(layer.opacity), int(layer.labels)])


def restore_window(window: QMainWindow, canvas: MapCanvas, layers: LayerList) -> None:
    s = settings()
    geometry, state = s.value("window/geometry"), s.value("window/state")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    order = s.value("map/order")
    if isinstance(order, list) and sorted(order) == sorted(layers.keys()):
        for position, key in enumerate(order):
            layers.move(key, position)
    for layer in layers:
        saved = s.value(f"layers/{layer.key}")
        if isinstance(saved, list) and len(saved) == 3:
            layer.visible, layer.opacity, layer.labels = bool(int(saved[0])), float(saved[1]), bool(int(saved[2]))
    view = s.value("map/view")
    if isinstance(view, list) and len(view) == 4:
        canvas.vb.setRange(QRectF(*(float(v) for v in view)), padding=0)
