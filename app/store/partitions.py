"""Monthly declarative partitioning of the big record tables on PostgreSQL (SQLite keeps plain tables).

Each record table is ``PARTITION BY RANGE`` on its event time, with one partition per calendar month (China
Standard Time, as the rest of the store counts days) of the store's data period and a ``_default`` partition for
anything outside it (vaccination history, records of later months until their partition is added). A month's
scans are then one table the planner can skip or scan alone, and an old month can be detached in one statement.

PostgreSQL wants every unique constraint of a partitioned table to hold the partition key, so these tables'
primary keys are ``(id, <time>)`` on PostgreSQL; ``id`` still comes from its own sequence and stays unique.
Queries are unchanged: they go through the parent table.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Table, text
from sqlalchemy.schema import CreateTable

from app.store.tables import Base
from app.timebase import to_seconds

# record table -> the event time it is partitioned by
PARTITIONED: dict[str, str] = {
    "scans": "at",
    "test_samples": "sampled_at",
    "vaccinations": "at",
    "clinic_visits": "at",
    "pharmacy_purchases": "at",
}


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month from ``start``'s to ``end``'s, inclusive."""
    first, out = dt.date(start.year, start.month, 1), []
    while first <= end:
        out.append(first)
        first = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return out


def period_of(meta: dict[str, str]) -> tuple[dt.date, dt.date] | None:
    """The data period a store's ``jingkong_meta`` records, or None (then only the default partition is made)."""
    try:
        return dt.date.fromisoformat(meta["period_start"]), dt.date.fromisoformat(meta["period_end"])
    except (KeyError, ValueError):
        return None


def _create_ddl(conn: Connection, table: Table, column: str) -> str:
    ddl = str(CreateTable(table).compile(dialect=conn.dialect)).strip()
    single = f"CONSTRAINT pk_{table.name} PRIMARY KEY (id)"
    if single not in ddl:  # the table's key changed shape: say so rather than build a table without one
        raise RuntimeError(f"{table.name}: expected a primary key on id alone to extend with {column}")
    return ddl.replace(single, f"CONSTRAINT pk_{table.name} PRIMARY KEY (id, {column})") + f" PARTITION BY RANGE ({column})"


def create(conn: Connection, name: str, period: tuple[dt.date, dt.date] | None) -> None:
    """Create record table ``name`` partitioned by month over ``period`` (plus a default), with its indexes."""
    column, table = PARTITIONED[name], Base.metadata.tables[name]
    conn.exec_driver_sql(_create_ddl(conn, table, column))
    for first in months(*period) if period else []:
        following = months(first, first + dt.timedelta(days=31))[1]
        conn.exec_driver_sql(f"CREATE TABLE {name}_{first:%Y_%m} PARTITION OF {name} "
                             f"FOR VALUES FROM ({to_seconds(first)}) TO ({to_seconds(following)})")
    conn.exec_driver_sql(f"CREATE TABLE {name}_default PARTITION OF {name} DEFAULT")
    for index in table.indexes:
        index.create(conn)


def is_partitioned(conn: Connection, name: str) -> bool:
    return bool(conn.scalar(text("SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass(:t)"), {"t": name}))


def partition_existing(conn: Connection, period: tuple[dt.date, dt.date] | None) -> list[str]:
    """Turn the plain record tables of an older PostgreSQL store into partitioned ones, rows and ids kept.
    Returns the tables converted (none on SQLite, nor on a store already partitioned)."""
    if conn.dialect.name != "postgresql":
        return []
    done = []
    for name in PARTITIONED:
        if is_partitioned(conn, name):
            continue
        old = f"{name}_unpartitioned"
        conn.exec_driver_sql(f"ALTER TABLE {name} RENAME TO {old}")
        for index in Base.metadata.tables[name].indexes:  # free the names for the new table's
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
        for (constraint,) in conn.execute(text("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(:t)"),
                                          {"t": old}):
            conn.exec_driver_sql(f'ALTER TABLE {old} DROP CONSTRAINT "{constraint}"')
        create(conn, name, period)
        columns = ", ".join(c.name for c in Base.metadata.tables[name].columns)
        conn.exec_driver_sql(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {old}")
        conn.exec_driver_sql(f"DROP TABLE {old}")
        conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), coalesce(max(id), 0) + 1, false) "
                             f"FROM {name}")
        done.append(name)
    return done
