"""What the console remembers between runs (QSettings): window layout, last view, layer state, language."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSettings
from PySide6.QtWidgets import QMainWindow

from app.map.canvas import MapCanvas
from app.models.layers import LayerList
from app.models.wall import WallChoice

ORGANISATION = "Jingkong"
APPLICATION = "console"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def language() -> str:
    value = settings().value("language", "zh")
    return value if value in ("zh", "en") else "zh"


def set_language(lang: str) -> None:
    settings().setValue("language", lang)


def wall_choice() -> WallChoice:
    """The wall mode's units, indicators and period as last chosen (unchecked: see ``WallChoice.checked``)."""
    s, default = settings(), WallChoice()
    units, indicators = s.value("wall/units", []), s.value("wall/indicators", list(default.indicators))
    seconds = s.value("wall/seconds", default.seconds)
    return WallChoice(tuple(_strings(units)), tuple(_strings(indicators)), int(seconds) if str(seconds).isdigit() else default.seconds)


def set_wall_choice(choice: WallChoice) -> None:
    s = settings()
    s.setValue("wall/units", list(choice.units))
    s.setValue("wall/indicators", list(choice.indicators))
    s.setValue("wall/seconds", choice.seconds)


def _strings(value: object) -> list[str]:
    """A list read back from QSettings (one element comes back as a string, none as None)."""
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value] if isinstance(value, list) else []


def save_window(window: QMainWindow, canvas: MapCanvas, layers: LayerList) -> None:
    s = settings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    r = canvas.vb.viewRect()
    s.setValue("map/view", [r.x(), r.y(), r.width(), r.height()])
    s.setValue("map/order", layers.keys())
    for layer in layers:
        s.setValue(f"layers/{layer.key}", [int(layer.visible), float(layer.opacity), int(layer.labels)])


def restore_window(window: QMainWindow, layers: LayerList) -> QRectF | None:
    """Put back the window's layout and the layers; returns the map's last view for the window to open on."""
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
    return QRectF(*(float(v) for v in view)) if isinstance(view, list) and len(view) == 4 else None
