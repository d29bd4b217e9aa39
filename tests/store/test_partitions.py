"""PostgreSQL keeps the big record tables partitioned by month; SQLite keeps plain tables; queries see no difference."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from sqlalchemy import text

from app.cli import main
from app.domain.facilities import FacilityKind
from app.store import Store
from app.store.bulk import bulk_insert
from app.store.partitions import MONTHS_AHEAD, PARTITIONED, months
from app.store.store import SCHEMA_VERSION
from app.timebase import CST
from tests.factories import World, at

pytestmark = pytest.mark.postgres


def _partition_of(world: World, table: str, row_id: int) -> str:
    with world.store.engine.connect() as conn:
        return conn.scalar(text(f"SELECT tableoid::regclass::text FROM {table} WHERE id = :i"), {"i": row_id})


def test_record_tables_are_partitioned_by_month_of_the_period(postgres) -> None:  # noqa: ANN001
    world = World.create(postgres.new_database(), period=("2022-02-10", "2022-04-05"))
    try:
        with world.store.engine.connect() as conn:
            partitioned = set(conn.scalars(text("SELECT partrelid::regclass::text FROM pg_partitioned_table")))
            scans = sorted(conn.scalars(text("SELECT inhrelid::regclass::text FROM pg_inherits "
                                             "WHERE inhparent = 'scans'::regclass")))
            key = conn.scalar(text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_scans'"))
        assert partitioned == set(PARTITIONED)
        assert scans == ["scans_2022_02", "scans_2022_03", "scans_2022_04", "scans_default"]
        assert key == "PRIMARY KEY (id, at)"
    finally:
        world.store.close()


def test_a_row_lands_in_its_month_and_queries_read_through_the_parent(postgres) -> None:  # noqa: ANN001
    world = World.create(postgres.new_database())  # period March 2022
    try:
        person = world.add_person()
        place = world.add_place()
        site = world.add_facility(FacilityKind.TEST_SITE)
        # months are the county's (CST): 23:59 on 31 March is March, midnight is April
        march = world.add_scan(person, place, "2022-03-31 23:59")
        april = world.add_scan(person, place, "2022-04-01 00:00")  # after the period: the default partition
        sample = world.add_sample(person, site, "2022-03-01 00:00")
        assert _partition_of(world, "scans", march) == "scans_2022_03"
        assert _partition_of(world, "scans", april) == "scans_default"
        assert _partition_of(world, "test_samples", sample) == "test_samples_2022_03"
        assert april == march + 1  # one id sequence across the partitions
        with world.store.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM scans WHERE person_id = :p"), {"p": person}) == 2
    finally:
        world.store.close()


def test_an_older_postgres_store_is_partitioned_when_opened(postgres) -> None:  # noqa: ANN001
    url = postgres.new_database()
    world = World.create(url)
    person, place = world.add_person(), world.add_place()
    first = world.add_scan(person, place, "2022-03-05 10:00")
    with world.store.begin() as conn:  # the scans table as a version-7 store has it: one plain table
        conn.exec_driver_sql("CREATE TABLE scans_plain AS SELECT * FROM scans")
        conn.exec_driver_sql("DROP TABLE scans")
        conn.exec_driver_sql("ALTER TABLE scans_plain RENAME TO scans")
        conn.exec_driver_sql("UPDATE jingkong_meta SET value = '7' WHERE key = 'schema_version'")
    world.store.close()
    store = Store.open(url)
    try:
        with store.begin() as conn:
            assert conn.scalar(text("SELECT count(*) FROM pg_partitioned_table WHERE partrelid = 'scans'::regclass")) == 1
            assert conn.scalar(text("SELECT tableoid::regclass::text FROM scans WHERE id = :i"), {"i": first}) == "scans_2022_03"
            added = conn.scalar(text("INSERT INTO scans (person_id, place_id, at, direction) "
                                     "VALUES (:p, :l, 1646500000, 0) RETURNING id"), {"p": person, "l": place})
        assert added == first + 1  # the id sequence continues after the rows carried over
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
    finally:
        store.close()


def _scans_partitions(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.scalars(text("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'scans'::regclass")))


def test_maintain_gives_months_past_the_period_their_own_partition_moving_the_default_rows(postgres, capsys) -> None:  # noqa: ANN001
    url = postgres.new_database()
    world = World.create(url)  # period March 2022: April and July have no partition yet
    person, place = world.add_person(), world.add_place()
    march, april, july = (world.add_scan(person, place, when) for when in
                          ("2022-03-10 10:00", "2022-04-02 10:00", "2022-07-31 23:00"))
    history = world.add_scan(person, place, "2021-06-01 10:00")  # before the first month partitioned: stays
    assert {_partition_of(world, "scans", i) for i in (april, july)} == {"scans_default"}
    world.store.close()
    assert main(["centre", "maintain", "--url", url, "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert (created["scans_2022_04"], created["scans_2022_07"]) == (1, 1)
    world.store = Store.open(url)
    try:
        assert [_partition_of(world, "scans", i) for i in (march, april, july, history)] == [
            "scans_2022_03", "scans_2022_04", "scans_2022_07", "scans_default"]
        today = dt.datetime.now(CST).date()
        ahead = {f"scans_{m:%Y_%m}" for m in months(today, today + dt.timedelta(days=31 * MONTHS_AHEAD))[:MONTHS_AHEAD + 1]}
        assert ahead <= _scans_partitions(world.store)  # this month and the next ones, ready before their rows
        with world.store.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM scans")) == 4
            # no one was granted a partition: row-level security holds on the parent only
            parts, granted = conn.execute(text("SELECT count(*), count(relacl) FROM pg_class "
                                               "WHERE relname LIKE 'scans\\_20%'")).one()
            assert parts >= 7 and granted == 0
        before = _scans_partitions(world.store)
        assert main(["centre", "maintain", "--url", url]) == 0  # again: nothing to do
        assert "partitions up to date" in capsys.readouterr().out
        assert _scans_partitions(world.store) == before
    finally:
        world.store.close()


def test_a_bulk_load_of_a_new_month_lands_in_that_months_partition(postgres) -> None:  # noqa: ANN001
    world = World.create(postgres.new_database())  # period March 2022
    try:
        person, place = world.add_person(), world.add_place()
        with world.store.begin() as conn:
            bulk_insert(conn, "scans", {"person_id": np.array([person, person]), "place_id": np.array([place, place]),
                                        "at": np.array([at("2022-05-31 23:59"), at("2022-06-01 00:00")]),
                                        "direction": np.array([0, 0])})
        with world.store.engine.connect() as conn:
            where = dict(conn.execute(text("SELECT at, tableoid::regclass::text FROM scans")).all())
        assert where == {at("2022-05-31 23:59"): "scans_2022_05", at("2022-06-01 00:00"): "scans_2022_06"}
    finally:
        world.store.close()
