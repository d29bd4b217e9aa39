"""Peacetime / wartime (平时 / 战时): one switch between the monitoring layout and the incident layout (map, incident
clock and milestone board, dispatch queue, contacts). Each layout is saved when it is left and restored when it
is entered again, under this module's own QSettings keys, so the switch is instant and reversible."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow

from app.views.settings import settings

WARTIME_DOCKS = ("layers", "incident", "task_queue", "tracing")  # the incident layout's first look
KEYS = {False: "wartime/peacetime_state", True: "wartime/wartime_state"}


class WartimeSwitch(QObject):
    """Switches ``window`` between its two layouts; emits ``sigModeChanged(wartime)``."""

    sigModeChanged = Signal(bool)

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
        super().__init__(window)
        self._window, self._docks = window, docks
        self.wartime = bool(settings().value("wartime/on", False, type=bool))

    def toggle(self) -> None:
        self.set_wartime(not self.wartime)

    def set_wartime(self, on: bool) -> None:
        if on == self.wartime:
            return
        s = settings()
        s.setValue(KEYS[self.wartime], self._window.saveState())
        self.wartime = on
        s.setValue("wartime/on", on)
        state = s.value(KEYS[on])
        if isinstance(state, QByteArray) and self._window.restoreState(state):
            pass
        elif on:
            self._first_wartime()
        self.sigModeChanged.emit(on)

    def _first_wartime(self) -> None:
        """No wartime layout saved yet: show the incident docks, hide the rest, the incident panel on top."""
        for key, dock in self._docks.items():
            dock.setVisible(key in WARTIME_DOCKS)
        if "incident" in self._docks:
            self._docks["incident"].raise_()
