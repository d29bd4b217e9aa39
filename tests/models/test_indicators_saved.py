"""Saved indicators: a second start on unchanged data answers from the saved state exactly as a fresh compute; any
change new ids do not reveal (a record deleted, a person moved in place, a record put in below the highest id)
makes it compute afresh; a damaged file is ignored; another principal has its own."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import delete, insert, select, update

from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.domain.roles import Role
from app.models.indicators import IndicatorEngine
from app.models.indicators.saved import SavedIndicators
from app.store import Store
from app.store.store import Login
from app.store.tables.admin import AdminUnit
from app.store.tables.persons import Person
from app.store.tables.places import Scan
from tests.factories import World, at
from tests.models.test_indicators_engine import _populate

PERIOD = (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
G1, G8 = "330382001001001", "330382002002002"


def _answers(engine: IndicatorEngine) -> np.ndarray:
    """Every indicator for every unit of every level, on the first, a middle and the last day of the period."""
    first, last = engine.period
    return np.concatenate([engine.level_values(i.id, level, day) for day in (first, first + (last - first) / 2, last)
                           for level in Level for i in engine.catalogue.indicators])


def _fresh(store: Store, period: tuple[dt.date, dt.date] = PERIOD) -> np.ndarray:
    engine = IndicatorEngine(store, period)
    engine.compute()
    return _answers(engine)


def _started(store: Store, root: Path, period: tuple[dt.date, dt.date] = PERIOD) -> IndicatorEngine:
    """A console's engine as it starts: computed (or taken from what is saved), then saved."""
    engine = IndicatorEngine(store, period, saved=SavedIndicators(root))
    engine.compute()
    engine.save()
    return engine


@pytest.fixture
def saved_world(world: World, tmp_path: Path) -> World:
    _populate(world, np.random.default_rng(5), 30)
    place = world.add_place(G8)
    with world.store.begin() as conn:  # ids below it are free
        conn.execute(insert(Scan).values(id=1000, person_id=1, place_id=place, at=at("2022-03-20 12:00"), direction=0))
    first = _started(world.store, tmp_path / "cache")
    assert not first.from_saved and (tmp_path / "cache").is_dir()
    return world


def test_a_saved_state_answers_as_a_fresh_compute_on_the_tiny_county(tiny_store_path: str, tmp_path: Path) -> None:
    path = tmp_path / "tiny.gpkg"
    shutil.copy(tiny_store_path, path)
    store = Store.open(path)
    period = (dt.date.fromisoformat(store.meta()["period_start"]), dt.date.fromisoformat(store.meta()["period_end"]))
    first = _started(store, tmp_path / "cache", period)
    second = _started(store, tmp_path / "cache", period)
    assert not first.from_saved and second.from_saved
    assert np.array_equal(_answers(second), _fresh(store, period), equal_nan=True)
    code = str(second.codes(Level.VILLAGE)[3])
    assert second.series("vax_d1_cov", code, period[1])[1].tolist() == first.series("vax_d1_cov", code, period[1])[1].tolist()
    store.close()


def test_records_added_since_are_taken_in_by_a_refresh(saved_world: World, tmp_path: Path) -> None:
    site = saved_world.add_facility(FacilityKind.TEST_SITE)
    saved_world.add_sample(saved_world.add_person(G8), site, "2022-03-12 09:00", result=1)
    engine = _started(saved_world.store, tmp_path / "cache")
    assert engine.from_saved
    assert np.array_equal(_answers(engine), _fresh(saved_world.store), equal_nan=True)


def test_a_record_deleted_is_not_answered_from_the_saved_state(saved_world: World, tmp_path: Path) -> None:
    with saved_world.store.begin() as conn:
        conn.execute(delete(Scan).where(Scan.id == 1000))
    engine = _started(saved_world.store, tmp_path / "cache")
    assert not engine.from_saved
    assert np.array_equal(_answers(engine), _fresh(saved_world.store), equal_nan=True)


def test_a_person_moved_in_place_is_not_answered_from_the_saved_state(saved_world: World, tmp_path: Path) -> None:
    with saved_world.store.begin() as conn:
        g8 = conn.scalar(select(AdminUnit.id).where(AdminUnit.code == G8))
        conn.execute(update(Person).where(Person.id == 1).values(home_grid_id=g8))
    engine = _started(saved_world.store, tmp_path / "cache")
    assert not engine.from_saved
    assert np.array_equal(_answers(engine), _fresh(saved_world.store), equal_nan=True)


def test_a_record_put_in_below_the_highest_id_is_not_answered_from_the_saved_state(saved_world: World,
                                                                                     tmp_path: Path) -> None:
    place = saved_world.add_place(G1)
    with saved_world.store.begin() as conn:
        conn.execute(insert(Scan).values(id=500, person_id=2, place_id=place, at=at("2022-03-21 12:00"), direction=0))
    engine = _started(saved_world.store, tmp_path / "cache")
    assert not engine.from_saved
    assert np.array_equal(_answers(engine), _fresh(saved_world.store), equal_nan=True)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty"])
def test_a_damaged_file_is_ignored_and_computed_afresh(saved_world: World, tmp_path: Path, damage: str) -> None:
    (path,) = (tmp_path / "cache").glob("*.npz")
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":
        data[len(data) // 2] ^= 0xFF
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    engine = _started(saved_world.store, tmp_path / "cache")
    assert not engine.from_saved
    assert np.array_equal(_answers(engine), _fresh(saved_world.store), equal_nan=True)
    assert _started(saved_world.store, tmp_path / "cache").from_saved  # and saved over


def test_another_principal_has_its_own_saved_state(saved_world: World, tmp_path: Path) -> None:
    saved_world.store.add_user("town1", Role.TOWN_OPERATOR, "330382001", "secret-password-1")
    path = saved_world.store.url.removeprefix("sqlite:///")
    town = Store.open(path, Login("town1", "secret-password-1"))
    engine = _started(town, tmp_path / "cache")
    assert not engine.from_saved
    towns = engine.level_values("pop_present", Level.TOWN, PERIOD[1])
    assert np.isnan(towns[1]) and not np.isnan(towns[0])
    assert len(list((tmp_path / "cache").glob("*.npz"))) == 2
    assert _started(town, tmp_path / "cache").from_saved
    town.close()


def test_the_saved_file_is_the_users_alone(saved_world: World, tmp_path: Path) -> None:
    (path,) = (tmp_path / "cache").glob("*.npz")
    assert path.stat().st_mode & 0o077 == 0  # it holds person-level arrays


def test_a_file_left_aside_by_a_killed_console_is_removed_by_the_next_save(saved_world: World, tmp_path: Path) -> None:
    (path,) = (tmp_path / "cache").glob("*.npz")
    left, writing = path.with_name(f".{path.stem}.999999.tmp"), path.with_name(f".{path.stem}.999998.tmp")
    left.write_bytes(b"half a cube")
    writing.write_bytes(b"being written")
    os.utime(left, (0, 0))
    saved_world.add_person(G8)  # something new to save
    assert _started(saved_world.store, tmp_path / "cache").from_saved
    assert not left.exists() and writing.exists()
