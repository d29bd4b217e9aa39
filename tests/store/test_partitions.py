"""PostgreSQL keeps the big record tables partitioned by month; SQLite keeps plain tables; queries see no difference."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.facilities import FacilityKind
from app.store import Store
from app.store.partitions import PARTITIONED
from app.store.store import SCHEMA_VERSION
from tests.factories import World

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
