"""Benchmark group ``indicators``: the indicator engine on a store (use the full county, ≥ 10 M records).

``incremental_10k`` works on a temporary copy of an embedded store's file; on PostgreSQL it adds its records to
the store itself and deletes them afterwards — so the store benchmarked stays as it was either way.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import numpy as np
from sqlalchemy import event

from app.bench import BenchContext, Case
from app.console import Console
from app.domain.admin import Level
from app.models.indicators import IndicatorEngine
from app.models.indicators.vaccination_table import vaccination_table
from app.store import Store
from app.store.bulk import bulk_insert
from app.store.store import sqlite_path
from app.timebase import to_seconds


def cases(ctx: BenchContext) -> list[Case]:
    console = Console.open(ctx.db)
    engine = console.indicators
    rng = np.random.default_rng(0)
    days = (console.period_end - (console.period_start or console.period_end)).days

    def any_day() -> dt.date:
        return console.period_end - dt.timedelta(days=int(rng.integers(0, days + 1)))

    def one_level() -> None:
        level = Level(int(rng.integers(1, 4)))
        indicator = engine.catalogue.indicators[int(rng.integers(len(engine.catalogue)))]
        dict(zip(engine.codes(level), engine.level_values(indicator.id, level, any_day())))

    def one_unit() -> None:
        level = Level(int(rng.integers(0, 4)))
        codes = engine.codes(level)
        engine.unit_values(str(codes[int(rng.integers(len(codes)))]), any_day())

    copy = IncrementalCopy(console.store, console.period_end)
    full = Case("full_recompute", engine.compute, runs=3, warmup=False)
    full.teardown = lambda: full.notes.update(cube_mb=round(engine.cube.nbytes / 1e6, 1))
    return [
        full,
        Case("one_indicator_level", one_level, setup=engine.ensure, runs=max(ctx.runs, 50)),
        Case("one_unit_all", one_unit, setup=engine.ensure, runs=max(ctx.runs, 50)),
        Case("vaccination_table", lambda: vaccination_table(engine, Level.VILLAGE, any_day()), setup=engine.ensure),
        Case("incremental_10k", copy.run, setup=copy.setup, teardown=copy.teardown,
             notes={"records": 10_000, "note": "each run inserts 10,000 records (into a copy of an embedded store), then refreshes"}),
    ]


_ADDED = ("test_samples", "scans", "vaccinations")  # the tables each run adds to


class IncrementalCopy:
    """A copy of the store (or, on PostgreSQL, the store with its additions taken back afterwards) with a computed
    engine; each run adds 10,000 records and refreshes."""

    def __init__(self, store: Store, last_day: dt.date) -> None:
        self.url = store.url
        self.source = sqlite_path(store.url)
        self.last = to_seconds(last_day)
        self.rng = np.random.default_rng(1)

    def setup(self) -> None:
        if self.source is None:
            self.dir = None
            self.store = Store.open(self.url)
            with self.store.engine.connect() as conn:
                self.before = {t: int(conn.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {t}").scalar())
                               for t in _ADDED}
        else:
            self.dir = Path(tempfile.mkdtemp(prefix="jingkong-bench-"))
            shutil.copy(self.source, self.dir / "store.gpkg")
            self.store = Store.open(self.dir / "store.gpkg")
            # A throwaway copy: no fsync and no WAL checkpoint on each commit, so a run times the refresh, not the disk.
            event.listen(self.store.engine, "connect", lambda dbapi, _record: dbapi.executescript(
                "PRAGMA synchronous = OFF; PRAGMA wal_autocheckpoint = 0;"))
            self.store.engine.dispose()
        meta = self.store.meta()
        self.engine = IndicatorEngine(self.store, (dt.date.fromisoformat(meta["period_start"]), dt.date.fromisoformat(meta["period_end"])))
        self.engine.compute()
        with self.store.engine.connect() as conn:
            self.persons = int(conn.exec_driver_sql("SELECT MAX(id) FROM persons").scalar())
            self.site = int(conn.exec_driver_sql("SELECT MIN(id) FROM facilities").scalar())
            self.place = int(conn.exec_driver_sql("SELECT MIN(id) FROM places").scalar())

    def run(self) -> None:
        n = 10_000
        person = self.rng.integers(1, self.persons + 1, n)
        at = self.last - self.rng.integers(0, 3 * 86_400, n)
        third = n // 3
        with self.store.begin() as conn:
            bulk_insert(conn, "test_samples", {"person_id": person[:third], "site_id": np.full(third, self.site),
                                               "sampled_at": at[:third], "reported_at": at[:third] + 36_000,
                                               "result": np.zeros(third, np.int64)})
            bulk_insert(conn, "scans", {"person_id": person[third:2 * third], "place_id": np.full(third, self.place),
                                        "at": at[third:2 * third], "direction": np.zeros(third, np.int64)})
            rest = n - 2 * third
            bulk_insert(conn, "vaccinations", {"person_id": person[2 * third:], "dose": np.full(rest, 3),
                                               "vaccine": np.zeros(rest, np.int64), "at": at[2 * third:],
                                               "site_id": np.full(rest, self.site)})
        self.engine.refresh()

    def teardown(self) -> None:
        if self.dir is None:  # PostgreSQL: take back what the runs added
            with self.store.begin() as conn:
                for table, last in self.before.items():
                    conn.exec_driver_sql(f"DELETE FROM {table} WHERE id > {last}")
        self.store.close()
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
