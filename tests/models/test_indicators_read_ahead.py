"""Record tables read ahead in a worker process: the engine computes exactly what it computes reading them itself,
for the owner and for a unit operator (whose reads the worker limits as the store does); small stores skip it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import numpy as np

from app.domain.admin import Level
from app.domain.roles import Role
from app.models.indicators import IndicatorEngine
from app.models.indicators.read_ahead import worthwhile
from app.store import Store
from app.store.queries.indicators import id_limits
from app.store.store import Login
from tests.factories import World
from tests.models.test_indicators_engine import _populate
from tests.models.test_indicators_saved import PERIOD


def _cube(store: Store, period: tuple[dt.date, dt.date], read_ahead_rows: int) -> dict[Level, list[np.ndarray]]:
    engine = IndicatorEngine(store, period)
    engine.read_ahead_rows = read_ahead_rows
    engine.compute()
    return engine.cube.data


def _same(a: dict[Level, list[np.ndarray]], b: dict[Level, list[np.ndarray]]) -> bool:
    return all(len(a[level]) == len(b[level]) and all(np.array_equal(x, y) for x, y in zip(a[level], b[level]))
               for level in Level)


def test_read_ahead_computes_the_tiny_county_as_reading_here(tiny_store_path: str, tmp_path: Path) -> None:
    path = tmp_path / "tiny.gpkg"
    shutil.copy(tiny_store_path, path)
    store = Store.open(path)
    period = (dt.date.fromisoformat(store.meta()["period_start"]), dt.date.fromisoformat(store.meta()["period_end"]))
    assert not worthwhile(store, id_limits(store))  # a store this small is read before a worker would start
    assert worthwhile(store, id_limits(store), min_rows=0)
    assert _same(_cube(store, period, 0), _cube(store, period, 10**12))
    store.close()


def test_a_unit_operators_worker_reads_its_own_people_only(world: World) -> None:
    _populate(world, np.random.default_rng(7), 30)
    world.store.add_user("town1", Role.TOWN_OPERATOR, "330382001", "secret-password-1")
    town = Store.open(world.store.url.removeprefix("sqlite:///"), Login("town1", "secret-password-1"))
    ahead, here = _cube(town, PERIOD, 0), _cube(town, PERIOD, 10**12)
    assert _same(ahead, here)
    assert not _same(ahead, _cube(world.store, PERIOD, 0))  # the owner counts people the operator may not see
    town.close()
