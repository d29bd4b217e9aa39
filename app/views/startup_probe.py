"""For ``jingkong bench map``: report when the started console first paints its map, and when its indicators are
ready (with the process's resident memory and its peak), as JSON lines on stdout; then leave at once.

Switched on by the environment: ``JINGKONG_STARTUP_PROBE=paint`` leaves after the first paint, ``=indicators``
after the indicators are ready, ``=memory`` ``SETTLE_S`` seconds after that (the panels have taken in the
indicators: what the console holds while it is used), ``=saved`` once the indicators are saved for the next start
(app.models.indicators.saved). A console started by a user never sets it.
"""

from __future__ import annotations

import json
import os
import sys
import time

import psutil
from PySide6.QtCore import QEvent, QObject, QTimer

from app.views.indicator_loader import IndicatorLoader

ENV = "JINGKONG_STARTUP_PROBE"
SETTLE_S = 3


class StartupProbe(QObject):
    def __init__(self, window, until: str) -> None:
        super().__init__(window)
        self._until, self._painted = until, False
        self._started = psutil.Process().create_time()
        window.canvas.viewport().installEventFilter(self)
        loader = IndicatorLoader.of(window.console.indicators)
        loader.sigReady.connect(self._on_indicators_ready)
        loader.sigSaved.connect(self._on_saved)
        if window.console.indicators.ready:
            QTimer.singleShot(0, self._on_indicators_ready)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._on_painted)  # the next turn: this paint has reached the screen
        return False

    def _report(self, event: str, leave: bool) -> None:
        process = psutil.Process()
        cpu = process.cpu_times()  # the processor time spent: what a start costs on a busy machine too
        print(json.dumps({"event": event, "seconds": round(time.time() - self._started, 3),
                          "cpu_s": round(cpu.user + cpu.system, 2), "rss_mb": round(process.memory_info().rss / 2**20),
                          "hwm_mb": _peak_mb()}))
        sys.stdout.flush()
        if leave:
            os._exit(0)  # measured: leave now, without waiting for background workers

    def _on_painted(self) -> None:
        self._report("painted", self._until == "paint")

    def _on_saved(self, _written: bool) -> None:
        self._report("saved", self._until == "saved")

    def _on_indicators_ready(self) -> None:
        self._report("indicators", self._until == "indicators")
        if self._until == "memory":
            QTimer.singleShot(SETTLE_S * 1000, lambda: self._report("memory", True))


def _peak_mb() -> int | None:
    """The process's peak resident memory (Linux), else None."""
    try:
        with open("/proc/self/status") as status:
            return next(round(int(line.split()[1]) / 1024) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None


def install(window) -> None:
    """Probe ``window`` if the environment asks for it."""
    until = os.environ.get(ENV)
    if until:
        StartupProbe(window, until)
