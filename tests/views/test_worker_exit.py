"""Leaving the console while a worker still reads does not abort the process (Qt aborts when a running QThread is
destroyed: its panel, or the application, goes first at exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import time
from PySide6.QtWidgets import QApplication, QWidget
from app.views.worker import FunctionWorker, detached_worker
app = QApplication([])
panel = QWidget()
detached_worker(lambda: time.sleep(0.5)).start()
FunctionWorker(lambda progress, cancelled: time.sleep(0.5), panel).start()
"""


def test_exit_with_workers_running_is_clean() -> None:
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert run.returncode == 0, run.stderr
    assert "Destroyed while thread" not in run.stderr
