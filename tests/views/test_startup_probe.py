"""The start-up benchmarks launch the real console and read what its probe reports."""

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
