"""Shared fixtures. Qt runs offscreen; stores are built by the tests themselves."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# consoles save their indicators in the user's cache (app.models.indicators.saved): the tests' go to a folder of theirs
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="jingkong-test-cache-")

import pytest  # noqa: E402

from tests.factories import Clock, World, at  # noqa: E402


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    """An empty store with the 1-2-4-8 test hierarchy (see tests/factories.py)."""
    w = World.create(tmp_path / "world.gpkg")
    yield w
    w.store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_world(request, tmp_path) -> World:  # noqa: ANN001
    """The test hierarchy on each backend in turn: an SQLite file, then a PostGIS database."""
    db = tmp_path / "w.gpkg" if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()
    w = World.create(db)
    yield w
    w.store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared(request, tmp_path) -> tuple[World, str]:  # noqa: ANN001
    """The test hierarchy on each backend, and the ``--db`` other processes open the same store with."""
    db = str(tmp_path / "shared.gpkg") if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()
    world = World.create(db)
    yield world, db
    world.store.close()


@pytest.fixture
def clock() -> Clock:
    """The tests' clock, at 2022-03-10 08:00 CST (inside the test stores' period)."""
    return Clock(at("2022-03-10 08:00"))


@pytest.fixture(scope="session")
def postgres():  # noqa: ANN201
    """A PostgreSQL/PostGIS server for the session (skips, or fails on CI, where none is installed)."""
    from tests.postgres import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def tiny_store_path(tmp_path_factory) -> str:  # noqa: ANN001
    """A tiny demo county (seed 1), generated once per test session. Treat it as read-only."""
    from app.store.demo.generate import generate_store

    path = tmp_path_factory.mktemp("tiny") / "tiny.gpkg"
    generate_store(path, "tiny", 1)
    return str(path)
