"""Benchmark group ``import``: department files into a demo store of ``--scale`` (tiny by default), generated here.

``csv_1m``: a 1,000,000-row checkpoint-scan CSV in GBK, 1 % bad rows (≤ 60 s, peak memory ≤ 500 MB; every good
row kept). ``xlsx_100k``: 100,000 scans in a workbook (≤ 20 s). ``JINGKONG_BENCH_ROWS`` shrinks the CSV for a
busy machine (the row count is in the notes). Each runs ``jingkong import`` in a child process once, on a fresh
copy of the store, so the peak memory is the import's own. ``boundaries_villages``: the sample village layer
(514 villages, EPSG:4549 Shapefile) checked, put in place of the store's and undone, each step timed in the notes.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from python_calamine import CalamineWorkbook  # noqa: F401  (fails here, not in the child, when it is missing)

from app.bench import BenchContext, Case
from app.models.imports.service import SAMPLES, ImportService
from app.store.demo.generate import generate_store
from app.store.demo.import_samples import BOUNDARIES, Demo
from app.store.demo.scale import PERIOD_END, PERIOD_START
from app.store.store import Store
from app.timebase import from_seconds, to_seconds

HEADER = ["身份证号", "场所编码", "扫码时间", "进出方向", "来源城市", "车牌号"]
BAD_SHARE = 0.01


def scan_rows(demo: Demo, n: int, seed: int = 1) -> tuple[list[list[str]], int]:
    """``n`` scan rows of the demo's people at its venues and checkpoints, ``BAD_SHARE`` of them bad (a wrong
    check character or a day that does not exist); returns the rows and how many are good."""
    rng = np.random.default_rng(seed)
    people = demo.people.clear_ids[demo.people.present]
    places = demo.infra.places.columns["id"][np.r_[demo.infra.venue_rows, demo.infra.checkpoint_rows]]
    who = people[rng.integers(0, len(people), n)]
    where = places[rng.integers(0, len(places), n)]
    start, end = to_seconds(PERIOD_START), to_seconds(PERIOD_END)
    when = np.sort(rng.choice(np.arange(start, end), n, replace=False))
    bad = rng.random(n) < BAD_SHARE
    rows = []
    for i in range(n):
        number, at = str(who[i]), from_seconds(int(when[i])).strftime("%Y-%m-%d %H:%M:%S")
        if bad[i]:
            if i % 2:
                number = number[:17] + ("0" if number[17] != "0" else "1")
            else:
                at = "2022-02-30" + at[10:]
        rows.append([number, str(where[i]), at, ("进", "出", "")[i % 3], ("上海", "", "杭州", "")[i % 4], f"浙C{i % 99999:05d}"])
    return rows, int(n - bad.sum())


# ``jingkong import`` reporting its own peak memory (VmHWM) on exit. The child's ru_maxrss would not do: Linux
# starts it from the memory of the process it was forked from, here the bench holding the rows it wrote.
_MEASURED = ("import atexit, runpy, sys\n"
             "def peak():\n"
             "    sys.stderr.write('\\nVmHWM ' + open('/proc/self/status').read().split('VmHWM:')[1].split()[0])\n"
             "atexit.register(peak)\n"
             "runpy.run_module('app.cli', run_name='__main__', alter_sys=True)\n")


def _import(file: Path, store: Path) -> tuple[dict, int]:
    """The import's report and its peak resident memory in KiB."""
    out = subprocess.run([sys.executable, "-c", _MEASURED, "import", "--kind", "scans", str(file), "--db", str(store),
                          "--json"], capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    if out.returncode:
        raise RuntimeError(out.stderr.strip())
    return json.loads(out.stdout), int(out.stderr.rsplit("VmHWM ", 1)[1])


def cases(ctx: BenchContext) -> list[Case]:
    scale = ctx.options.get("scale", "tiny")
    workdir = Path(tempfile.mkdtemp(prefix="jingkong-bench-import-"))
    base = workdir / "base.gpkg"
    state: dict[str, object] = {}
    rows_1m = int(os.environ.get("JINGKONG_BENCH_ROWS", 1_000_000))

    def prepare(name: str, n: int) -> None:
        if not base.exists():
            generate_store(base, scale, 1)
            state["demo"] = Demo(scale, 1)
        rows, good = scan_rows(state["demo"], n)
        if name == "csv_1m":
            path = workdir / "scans_gbk.csv"
            with path.open("w", encoding="gbk", newline="") as f:
                csv.writer(f).writerows([HEADER, *rows])
        else:
            from openpyxl import Workbook

            path = workdir / "scans.xlsx"
            book = Workbook(write_only=True)
            sheet = book.create_sheet()
            for row in [HEADER, *rows]:
                sheet.append(row)
            book.save(path)
        del rows
        state[name] = (path, good)
        shutil.copy(base, workdir / f"{name}.gpkg")
        shutil.copy(base.with_name(base.name + ".key"), workdir / f"{name}.gpkg.key")

    def run(name: str, notes: dict[str, object]) -> None:
        path, good = state[name]
        report, peak_kib = _import(path, workdir / f"{name}.gpkg")
        notes.update(rows=report["read"], imported=report["imported"], rejected=report["rejected"],
                     every_good_row_kept=report["imported"] == good, file_mb=round(path.stat().st_size / 2**20, 1),
                     peak_rss_mb=round(peak_kib / 1024))

    def boundaries(notes: dict[str, object]) -> None:
        """The sample village layer checked, put in place of the store's, and the import undone (in-process)."""
        db = workdir / "boundaries.gpkg"
        shutil.copy(base, db)
        shutil.copy(base.with_name(base.name + ".key"), db.with_name(db.name + ".key"))
        store = Store.open(f"sqlite:///{db}")
        try:
            service = ImportService(store)
            started = time.perf_counter()
            job = service.boundary_job(SAMPLES / BOUNDARIES)
            report = job.check()
            checked = time.perf_counter()
            service.replace_boundaries(job, accept_topology=True)
            replaced = time.perf_counter()
            service.undo(report.import_id)
            notes.update(units=sum(report.units.values()), problems=len(report.problems),
                         check_s=round(checked - started, 2), replace_s=round(replaced - checked, 2),
                         undo_s=round(time.perf_counter() - replaced, 2))
        finally:
            store.close()

    out = []
    for name, n in (("csv_1m", rows_1m), ("xlsx_100k", 100_000)):
        notes: dict[str, object] = {"store": scale}
        out.append(Case(name, lambda name=name, notes=notes: run(name, notes),
                        setup=lambda name=name, n=n: prepare(name, n), runs=1, warmup=False, notes=notes))
    village_notes: dict[str, object] = {"store": scale}
    out.append(Case("boundaries_villages", lambda: boundaries(village_notes), runs=1, warmup=False,
                    setup=lambda: base.exists() or generate_store(base, scale, 1), notes=village_notes))
    out[-1].teardown = lambda: shutil.rmtree(workdir, ignore_errors=True)
    return out
