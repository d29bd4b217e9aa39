"""A throwaway PostgreSQL/PostGIS server for the tests, started from the Debian binaries.

Tests that need it skip with the reason when no server binaries are installed, unless
``JINGKONG_REQUIRE_POSTGRES=1`` (set by ``.ci/run``) turns that skip into a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _postgis_available() -> bool:
    return bool(glob.glob("/usr/share/postgresql/*/extension/postgis.control"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unavailable(reason: str) -> None:
    if os.environ.get("JINGKONG_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL/PostGIS required (JINGKONG_REQUIRE_POSTGRES=1) but {reason}")
    pytest.skip(f"no PostgreSQL/PostGIS here: {reason} (install postgresql and postgresql-15-postgis-3)")


class PostgresServer:
    """initdb + pg_ctl in a temporary directory, on a free loopback port, trust authentication."""

    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None:
            unavailable("pg_ctl not found")
        if not _postgis_available():
            unavailable("the PostGIS extension is not installed")
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="jingkong-pg-"))
        self.port = _free_port()
        # PostgreSQL refuses to run as root: run it as the 'postgres' user the Debian package creates.
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.prefix:
            shutil.chown(self.dir, "postgres")
        data = self.dir / "data"
        self._run("initdb", "-D", str(data), "-U", "jingkong", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self._run("pg_ctl", "-D", str(data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                  "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        self.data = data
        self._n = 0

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.prefix, str(self.bindir / tool), *args], check=True, capture_output=True, cwd=self.dir)

    def new_database(self) -> str:
        """A fresh empty database with PostGIS; returns its SQLAlchemy URL."""
        import psycopg

        self._n += 1
        name = f"jk{self._n}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=jingkong dbname=postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=jingkong dbname={name}", autocommit=True) as conn:
            conn.execute("CREATE EXTENSION postgis")
        return f"postgresql+psycopg://jingkong@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True, cwd=self.dir)
        shutil.rmtree(self.dir, ignore_errors=True)
