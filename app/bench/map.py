"""Benchmark group ``map``: drawing and interaction speed of the county map at 1600 × 1000, offscreen.

Cases: grid_redraw (uncached full repaint of the grid choropleth with outlines), grid_redraw_zoomed (the
same at a twentieth of the county's area), pan_repaint, recolour (new values → repainted), hover (hit-test and
highlight), startup (a fresh process to an exposed main window; reports its resident memory),
startup_process (the real ``python main.py`` to its first painted map), startup_indicators (the same to
indicators ready; reports the resident memory then), indicators_ready (the same from a cache of its own:
``cold_*`` the first start, which computes and then saves the indicators — ``saved_s`` when the file was written —
and the measured runs second starts, which take them from the file; ``after_paint_s``: from the first painted map), memory (the same, a few seconds after the
indicators are ready: the resident memory and its peak, in MB, of a console in use), asof_change (the date moved → map, legend, panels and
dashboard repainted in the main window), indicator_click (an indicator chosen in the indicator panel → map and
legend repainted).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from app.bench import BenchContext, Case

if TYPE_CHECKING:
    from app.console import Console

WIDTH, HEIGHT = 1600, 1000


class _MapBench:
    def __init__(self, db: str | None) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from app.console import Console
        from app.map.canvas import MapCanvas

        self.app = QApplication.instance() or QApplication([])
        self.console = c = Console.open(db)
        self.canvas = MapCanvas(c.atlas, c.layers, c.thematic, c.drill, c.context, lambda u, r: str(u.data.codes[r]),
                                lambda: ("", []))
        self.canvas.resize(WIDTH, HEIGHT)
        self.canvas.show()
        self.app.processEvents()
        x0, y0, x1, y1 = c.atlas.extent()
        rng = np.random.default_rng(1)
        self.points = np.column_stack([rng.uniform(x0, x1, 256), rng.uniform(y0, y1, 256)])
        self.turn = 0

    def settle(self) -> None:
        self.app.processEvents()
        self.canvas.viewport().repaint()

    def whole_county(self) -> None:
        self.canvas.zoom_to_extent()
        self.settle()

    def zoomed(self) -> None:
        from PySide6.QtCore import QRectF

        x0, y0, x1, y1 = self.console.atlas.extent()
        side = np.sqrt((x1 - x0) * (y1 - y0) / 20)  # a twentieth of the county's area, centred on it
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.canvas.vb.setRange(QRectF(cx - side * 0.8, cy - side / 2, side * 1.6, side), padding=0)
        self.settle()

    def redraw(self) -> None:
        """Throw away every item's cached pixels, then repaint the whole viewport synchronously."""
        for item in self.canvas.scene().items():
            item.update()
        self.canvas.viewport().repaint()

    def pan(self) -> None:
        self.turn += 1
        step = 40 * self.canvas.view_width_m() / WIDTH * (1 if self.turn % 20 < 10 else -1)
        self.canvas.vb.translateBy(x=step)
        self.app.processEvents()  # the one repaint a pan schedules

    def recolour(self) -> None:
        self.turn += 1
        self.console.thematic.show_field(("population", "households", "density")[self.turn % 3], self.console.thematic.level)
        self.canvas.viewport().repaint()

    def hover(self) -> None:
        self.turn += 1
        x, y = self.points[self.turn % len(self.points)]
        self.canvas.hover_at(float(x), float(y))


class WindowBench:
    """The real main window with every panel at 1600 × 1000, offscreen, over ``console`` (or a store opened)."""

    def __init__(self, db: str | None, console: Console | None = None) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from app.console import Console
        from app.views.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([])
        self.console = console if console is not None else Console.open(db)
        self.window = MainWindow(self.console)
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        self.app.processEvents()

    def settle(self) -> None:
        """Deliver what is queued, then repaint the map's viewport synchronously (what a user waits for)."""
        self.app.processEvents()
        self.window.canvas.viewport().repaint()


class _WindowBench(WindowBench):
    """The real main window, its indicators computed, coloured by an indicator."""

    INDICATORS = ("vax_d1_cov", "positive_today")

    def __init__(self, db: str | None) -> None:
        super().__init__(db)
        self.console.indicators.ensure()
        self.app.processEvents()
        self.panel = self.window.panel("indicators")
        self.panel.refresh()
        self.turn = 0

    def coloured(self) -> None:
        """Inside a village, coloured by an indicator, the indicator panel on top of its dock (saved layouts vary)."""
        from app.domain.admin import Level

        village = str(self.console.indicators.codes(Level.VILLAGE)[0])
        self.console.drill.drill_to(village)
        self.console.context.selected_unit = village
        self.console.context.indicator = self.INDICATORS[0]
        dock = self.window.docks["indicators"]
        dock.show()
        dock.raise_()
        self.settle()

    def asof_change(self) -> None:
        self.turn += 1
        end = self.console.period_end
        self.console.context.as_of = end - dt.timedelta(days=self.turn % 7)
        self.settle()

    def indicator_click(self) -> None:
        self.turn += 1
        wanted = self.INDICATORS[self.turn % 2]
        self.panel.show_on_map(next(i for i, r in enumerate(self.panel.model.rows) if r.indicator.id == wanted))
        self.settle()


def _launch(db: str | None, until: str, notes: dict[str, list[float]], env: dict[str, str] | None = None
            ) -> dict[str, dict[str, float]]:
    """Start ``python main.py`` and wait for its probe's report (see app.views.startup_probe); note the last event's
    figures and return every event's."""
    main = Path(__file__).resolve().parents[2] / "main.py"
    args = [sys.executable, str(main)] + (["--db", db] if db else [])
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "JINGKONG_STARTUP_PROBE": until,
           **(env or {})}
    start = time.perf_counter()
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env, timeout=600)
    wall = time.perf_counter() - start
    events = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    report = events[-1]
    notes.setdefault("wall_s", []).append(round(wall, 2))
    notes.setdefault("seconds", []).append(report["seconds"])  # from the process's start to the event
    notes.setdefault("cpu_s", []).append(report.get("cpu_s"))
    notes.setdefault("rss_mb", []).append(report["rss_mb"])
    notes.setdefault("hwm_mb", []).append(report.get("hwm_mb"))
    return {e["event"]: e for e in events}


def _after_paint(events: dict[str, dict[str, float]]) -> float | None:
    """Seconds from the first painted map to the indicators ready (the budget a user feels)."""
    if "painted" not in events:
        return None
    return round(events["indicators"]["seconds"] - events["painted"]["seconds"], 3)


class _SavedIndicators:
    """Consoles started with a cache directory of their own: the first computes and saves, the next ones load."""

    def __init__(self, db: str | None) -> None:
        self.db, self.notes = db, {}
        self.env: dict[str, str] = {}

    def cold(self) -> None:
        self.env = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="jingkong-bench-cache-")}
        first: dict[str, list[float]] = {}
        events = _launch(self.db, "saved", first, self.env)
        ready, saved = events["indicators"], events["saved"]
        self.notes.update({"cold_s": ready["seconds"], "cold_after_paint_s": _after_paint(events),
                           "cold_cpu_s": ready["cpu_s"], "cold_rss_mb": ready["rss_mb"],
                           "cold_hwm_mb": ready["hwm_mb"], "saved_s": saved["seconds"],
                           "file_mb": round(sum(f.stat().st_size for f in Path(self.env["XDG_CACHE_HOME"]).rglob("*.npz"))
                                            / 2**20)})

    def warm(self) -> None:
        events = _launch(self.db, "indicators", self.notes, self.env)
        self.notes.setdefault("after_paint_s", []).append(_after_paint(events))

    def clean(self) -> None:
        shutil.rmtree(self.env.get("XDG_CACHE_HOME", ""), ignore_errors=True)


def _startup(db: str | None, notes: dict[str, object]) -> None:
    args = [sys.executable, "-m", "app.bench.map", "--startup-probe"] + ([db] if db else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    notes.update(json.loads(out.stdout.strip().splitlines()[-1]))


def cases(ctx: BenchContext) -> list[Case]:
    state: dict[str, _MapBench] = {}

    def bench() -> _MapBench:
        if "b" not in state:
            state["b"] = _MapBench(ctx.db)
        return state["b"]

    windows: dict[str, _WindowBench] = {}

    def window() -> _WindowBench:
        if "w" not in windows:
            windows["w"] = _WindowBench(ctx.db)
        return windows["w"]

    startup_notes: dict[str, object] = {}
    process_notes: dict[str, list[float]] = {}
    indicator_notes: dict[str, list[float]] = {}
    memory_notes: dict[str, list[float]] = {}
    saved = _SavedIndicators(ctx.db)
    return [
        Case("grid_redraw", lambda: bench().redraw(), setup=lambda: bench().whole_county()),
        Case("grid_redraw_zoomed", lambda: bench().redraw(), setup=lambda: bench().zoomed()),
        Case("pan_repaint", lambda: bench().pan(), setup=lambda: bench().zoomed()),
        Case("recolour", lambda: bench().recolour(), setup=lambda: bench().whole_county()),
        Case("hover", lambda: bench().hover(), setup=lambda: bench().whole_county()),
        Case("startup", lambda: _startup(ctx.db, startup_notes), runs=3, notes=startup_notes),
        Case("startup_process", lambda: _launch(ctx.db, "paint", process_notes), runs=3, notes=process_notes),
        Case("startup_indicators", lambda: _launch(ctx.db, "indicators", indicator_notes), runs=3,
             notes=indicator_notes),
        Case("indicators_ready", saved.warm, setup=saved.cold, teardown=saved.clean, runs=3, warmup=False,
             notes=saved.notes),
        Case("memory", lambda: _launch(ctx.db, "memory", memory_notes), runs=1, warmup=False, notes=memory_notes),
        Case("asof_change", lambda: window().asof_change(), setup=lambda: window().coloured()),
        Case("indicator_click", lambda: window().indicator_click(), setup=lambda: window().coloured()),
    ]


def _probe(db: str | None) -> None:
    """Start the console like a user would and print the resident memory once the window is exposed."""
    import psutil
    from PySide6.QtWidgets import QApplication

    from app.console import Console
    from app.views.main_window import MainWindow

    app = QApplication([])
    window = MainWindow(Console.open(db))
    window.show()
    app.processEvents()
    window.canvas.viewport().repaint()
    print(json.dumps({"rss_mb": round(psutil.Process().memory_info().rss / 2**20)}))
    sys.stdout.flush()
    os._exit(0)  # measured: leave now, without waiting for background workers (record counts, panels)


if __name__ == "__main__" and sys.argv[1:2] == ["--startup-probe"]:
    _probe(sys.argv[2] if len(sys.argv) > 2 else None)
