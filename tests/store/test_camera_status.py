"""Camera status history: the demo generator and every status write keep it, the migration starts it for an older
store, and the status at any moment read back from it equals an independent reading of the raw event table."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import text

from app.domain.cameras import CameraStatus as C
from app.models.camera_history import statuses_at
from app.store import Store
from app.store.queries.camera_status import status_events
from app.store.queries.points import load_cameras
from app.store.store import SCHEMA_VERSION
from app.timebase import end_of_day_seconds, to_seconds
from tests.factories import World, at


def _raw(db: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    with sqlite3.connect(db) as conn:
        return (pd.read_sql("SELECT id, camera_id, at, status, source FROM camera_status_events", conn),
                pd.read_sql("SELECT id, status FROM cameras", conn))


def _expected(events: pd.DataFrame, cameras: pd.DataFrame, moment: int) -> np.ndarray:
    """Each camera's status at ``moment`` from the event table alone: its last event by then, else its first."""
    e = events.sort_values(["camera_id", "at", "id"])
    then = e[e["at"] <= moment].groupby("camera_id")["status"].last()
    first = e.groupby("camera_id")["status"].first()
    return then.combine_first(first).reindex(cameras["id"]).fillna(-1).to_numpy(np.int64)


def test_the_demo_history_ends_in_each_cameras_status_now_at_plausible_rates(tiny_store_path: str) -> None:
    events, cameras = _raw(tiny_store_path)
    last = events.sort_values(["camera_id", "at", "id"]).groupby("camera_id")["status"].last()
    assert (last.reindex(cameras["id"]).to_numpy() == cameras["status"].to_numpy()).all()
    assert set(events["source"]) == {"demo"}
    changed = events.groupby("camera_id").size()
    assert (changed > 1).mean() > 0.4  # most cameras went down at least once in 69 days
    for day in ("2022-02-10", "2022-03-01", "2022-03-20", "2022-04-05"):
        down = (_expected(events, cameras, end_of_day_seconds(dt.date.fromisoformat(day))) != C.ONLINE).mean()
        assert 0.005 < down < 0.15, day


def test_the_demo_history_is_the_same_for_the_same_seed(tiny_store_path: str, tmp_path) -> None:  # noqa: ANN001
    from app.store.demo.generate import generate_store

    again = tmp_path / "again.gpkg"
    generate_store(again, "tiny", 1)
    a, b = _raw(tiny_store_path)[0], _raw(str(again))[0]
    pd.testing.assert_frame_equal(a.sort_values("id").reset_index(drop=True), b.sort_values("id").reset_index(drop=True))


@pytest.mark.parametrize("day", ["2022-01-20", "2022-02-01", "2022-02-15", "2022-03-08", "2022-03-31", "2022-04-10"])
def test_status_at_a_date_equals_the_raw_events_reading(tiny_store_path: str, day: str) -> None:
    store = Store.open(tiny_store_path)
    try:
        cams = load_cameras(store)
        moment = end_of_day_seconds(dt.date.fromisoformat(day))
        got = statuses_at(status_events(store), cams.ids, cams.status, moment)
    finally:
        store.close()
    events, cameras = _raw(tiny_store_path)
    assert (got == _expected(events, cameras, moment)).all()


def test_a_status_write_records_the_event_and_moves_the_status_now_only_if_latest(world: World) -> None:
    cam = world.add_camera("330382001001001", code="C1")
    world.set_camera_status(cam, C.OFFLINE, "2022-03-10 08:00")
    world.set_camera_status(cam, C.FAULT, "2022-03-05 08:00")  # recorded late, for an earlier moment
    events, cameras = _raw(world.store.engine.url.database)
    assert cameras.set_index("id").loc[cam, "status"] == C.OFFLINE
    assert _expected(events, cameras, at("2022-03-06 00:00"))[0] == C.FAULT
    cams = load_cameras(world.store)
    assert statuses_at(status_events(world.store), cams.ids, cams.status, at("2022-03-11 00:00"))[0] == C.OFFLINE
    # before a camera's first event it counts in its first recorded status; without any, in its status now
    other = world.add_camera("330382001001001", code="C2", status=C.FAULT)
    cams = load_cameras(world.store)
    assert statuses_at(status_events(world.store), cams.ids, cams.status, at("2022-03-01 00:00")).tolist() == [C.FAULT, C.FAULT]
    assert other in cams.ids


def test_a_version_13_store_gets_one_migration_event_per_camera_at_its_status_now(any_world: World) -> None:
    world = any_world
    cams = [world.add_camera("330382001001001", code=f"C{i}", status=s) for i, s in enumerate((C.ONLINE, C.FAULT))]
    with world.store.begin() as conn:  # a store as version 13 made it, before the status history
        conn.execute(text("DROP TABLE camera_status_events"))
        conn.execute(text("UPDATE jingkong_meta SET value = '13' WHERE key = 'schema_version'"))
    url = world.store.url
    world.store.close()
    world.store = Store.open(url)
    assert world.store.meta()["schema_version"] == str(SCHEMA_VERSION)
    with world.store.engine.connect() as conn:
        events = sorted(tuple(r) for r in conn.execute(text("SELECT camera_id, at, status, source FROM camera_status_events")))
    start = to_seconds(dt.date(2022, 3, 1))
    assert events == [(cams[0], start, C.ONLINE, "migration"), (cams[1], start, C.FAULT, "migration")]
