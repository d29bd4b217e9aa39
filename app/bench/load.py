"""Benchmark group ``load``: loading a store into PostGIS (COPY, keys and indexes after the rows, ANALYZE).

- ``copy_load``: ``jingkong copy`` of the store ``--db`` (a file: use the full county) into a new database on the
  PostgreSQL server ``$JINGKONG_BENCH_PG`` (a URL whose login may create databases); from a PostgreSQL ``--db``
  it copies the other way, into a temporary GeoPackage.
- ``demo_load``: ``jingkong demo --scale SCALE`` straight into a new database on that server.

Each run loads a fresh target, dropped afterwards; the time includes building every index and key.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url

from app.bench import BenchContext, Case
from app.store.copy import copy_store
from app.store.demo.generate import generate_store
from app.store.identity_key import key_file
from app.store.store import resolve_url, sqlite_path

SERVER_ENV = "JINGKONG_BENCH_PG"


class _Targets:
    """Fresh databases on the benchmark server, and files in a temporary folder, removed when done."""

    def __init__(self) -> None:
        self.made: list[str] = []
        self.numbers = itertools.count(1)
        self.dir = Path(tempfile.mkdtemp(prefix="jingkong-bench-load-"))

    def _admin(self) -> tuple[URL, Engine]:
        server = os.environ.get(SERVER_ENV)
        if not server or not server.startswith("postgresql"):
            raise ValueError(f"bench load needs a PostgreSQL server to load into: set ${SERVER_ENV}="
                             "postgresql+psycopg://USER@HOST:PORT/postgres (a login that may create databases)")
        return make_url(server), create_engine(make_url(server), isolation_level="AUTOCOMMIT")

    def database(self) -> str:
        server, engine = self._admin()
        name = f"jingkong_bench_load_{os.getpid()}_{next(self.numbers)}"
        with engine.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        engine.dispose()
        url = server.set(database=name).render_as_string(hide_password=False)
        self.made.append(url)
        return url

    def file(self) -> str:
        return str(self.dir / f"copy{next(self.numbers)}.gpkg")

    def drop(self) -> None:
        for url in self.made:
            key_file(url).unlink(missing_ok=True)
            _server, engine = self._admin()
            with engine.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")
            engine.dispose()
        self.made.clear()
        shutil.rmtree(self.dir, ignore_errors=True)


def cases(ctx: BenchContext) -> list[Case]:
    targets = _Targets()
    copy_notes: dict[str, object] = {}
    demo_notes: dict[str, object] = {}
    scale = ctx.options.get("scale", "tiny")

    def copy_load() -> None:
        source = resolve_url(ctx.db)
        target = targets.database() if sqlite_path(source) else targets.file()
        report = copy_store(source, target)
        rows = sum(report.rows.values())
        copy_notes.update(rows=rows, rows_per_s=round(rows / report.seconds), seconds=round(report.seconds, 1),
                          to="postgresql" if sqlite_path(source) else "geopackage")

    def demo_load() -> None:
        report = generate_store(targets.database(), scale, 1)
        demo_notes.update(scale=scale, records=report.records_total, seconds=round(report.seconds, 1))

    return [
        Case("copy_load", copy_load, teardown=targets.drop, runs=1, warmup=False, notes=copy_notes),
        Case("demo_load", demo_load, teardown=targets.drop, runs=1, warmup=False, notes=demo_notes),
    ]
