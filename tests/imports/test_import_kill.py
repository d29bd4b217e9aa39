"""kill -9 at any point of an import leaves whole batches only, and running the file again completes it: the
store then holds every row of the file exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from app.models.imports.service import ImportService
from tests.factories import World
from tests.imports.conftest import valid_numbers
from tests.imports.files import write_table

ROWS = 48_000  # about ten batches: a kill lands mid-file even on a fast machine
BATCH = 5_000


def _count(world: World, sql: str) -> int:
    with world.store.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar())


def _cli(world: World, path: Path) -> list[str]:
    return [sys.executable, "-m", "app.cli", "import", "--kind", "scans", str(path), "--db",
            str(world.store.url.removeprefix("sqlite:///")), "--json"]


def test_kill_9_mid_import_then_rerun_gives_exact_counts(keyed_world: World, tmp_path: Path) -> None:
    numbers = valid_numbers(200, seed=3)
    people = write_table(tmp_path, "persons", "csv-utf8", ["姓名", "身份证号"], [[f"人{i}", n] for i, n in enumerate(numbers)])
    ImportService(keyed_world.store).job("persons", people).run()
    x, y = keyed_world.grid_center("330382001001001")
    ImportService(keyed_world.store).job("places", write_table(tmp_path, "pl", "csv-utf8", ["场所编码", "场所名称", "经度", "纬度"],
                                                               [["P1", "市场", x, y]])).run()
    rows = [[numbers[i % 200], "P1", f"2022-03-{1 + i % 28:02d} {i % 24:02d}:{i // 1440 % 60:02d}:{i % 60:02d}"]
            for i in range(ROWS)]
    path = write_table(tmp_path, "scans", "csv-gbk", ["身份证号", "场所编码", "扫码时间"], rows)
    rng = random.Random(14)
    killed = 0
    cwd = Path(__file__).resolve().parents[2]
    for attempt in range(3):
        proc = subprocess.Popen(_cli(keyed_world, path), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        before = _count(keyed_world, "SELECT COUNT(*) FROM scans")
        deadline = time.monotonic() + 60
        while proc.poll() is None and before == _count(keyed_world, "SELECT COUNT(*) FROM scans") \
                and time.monotonic() < deadline:  # kill while it writes: after its first batch, at a random moment
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.3))
        if proc.poll() is None:  # still writing: kill it mid-file
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        n = _count(keyed_world, "SELECT COUNT(*) FROM scans")
        assert n % BATCH == 0 or n == ROWS, f"a partial batch after kill {attempt}: {n} scans"
        assert n == _count(keyed_world, "SELECT COUNT(*) FROM record_sources WHERE table_code = 4")
    assert killed, "no attempt was still running when the kill came"
    done = subprocess.run(_cli(keyed_world, path), cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _count(keyed_world, "SELECT COUNT(*) FROM scans") == ROWS
    assert _count(keyed_world, "SELECT COUNT(DISTINCT person_id || '@' || at) FROM scans") == ROWS
    assert _count(keyed_world, "SELECT COUNT(*) FROM scans s JOIN record_sources r ON r.table_code = 4 "
                               "AND r.record_id = s.id") == ROWS
