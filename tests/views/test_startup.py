"""Start-up: what the console loads before its first paint, the indicators after it, and the probes the benchmarks read."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_memory_case_reports_the_resident_memory_of_a_console_with_its_indicators(tiny_store_path: str) -> None:
    out = subprocess.run([sys.executable, "-m", "app.cli", "bench", "map", "--case", "memory", "--db", tiny_store_path,
                          "--json"], capture_output=True, text=True, timeout=300, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    report = json.loads(out.stdout)["memory"]
    assert report["runs"] == 1
    (rss,), (peak,) = report["rss_mb"], report["hwm_mb"]
    assert 0 < rss <= peak  # a live process's resident memory, never above its peak


def test_the_console_and_its_window_load_without_the_file_readers() -> None:
    """pandas, GDAL and the spreadsheet writer load when an import or an export needs them, not before the map."""
    code = ("import sys, app.console, app.views.main_window, app.views.app; "
            "print(' '.join(m for m in ('pandas', 'pyogrio', 'geopandas', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == []


def test_indicators_held_at_start_are_computed_after_the_first_paint(qtbot, console) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    from app.views.indicator_loader import IndicatorLoader

    loader = IndicatorLoader.of(console.indicators)
    IndicatorLoader.hold()
    try:
        assert loader.start() is False
        assert loader.worker is not None and not loader.worker.isRunning()  # waiting for the window
        window = QLabel("map")
        qtbot.addWidget(window)
        IndicatorLoader.release_after_paint(window)
        with qtbot.waitSignal(loader.sigReady, timeout=60_000):
            window.show()
    finally:
        IndicatorLoader.release()
    assert console.indicators.ready
