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

import numpy as np
from sqlalchemy import Connection, Table, text
from sqlalchemy.schema import CreateTable

from app.store.tables import Base
from app.timebase import CST, to_seconds

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


# --- months ahead: what a DBA's monthly job would otherwise do ----------------------------------------------------
# Nothing adds next month's partitions by itself: rows of a month without one land in the default partition, which
# every query of that month then scans whole. ``ensure`` keeps the current month and ``MONTHS_AHEAD`` after it
# partitioned (at open, by a login that owns the tables), and ``jingkong centre maintain`` and bulk loads also give
# every month found in the default partition one of its own. Older history (before the first monthly partition,
# e.g. vaccinations of years past) stays in the default partition on purpose: one partition for all of it.

MONTHS_AHEAD = 3
_LOCK = "jingkong.partitions"  # one maintainer at a time: two consoles opening at once must not both create a month
_MONTH_OF = "to_char(to_timestamp({col} + 28800) AT TIME ZONE 'UTC', 'YYYY-MM')"  # the CST month of Unix seconds


def _next_month(first: dt.date) -> dt.date:
    return dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _monthly(conn: Connection, name: str) -> set[dt.date]:
    """The months ``name`` has a partition of (by the ``<table>_YYYY_MM`` names ``create`` gives them)."""
    children = conn.scalars(text("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                                 "WHERE i.inhparent = to_regclass(:t)"), {"t": name})
    out = set()
    for child in children:
        year, _, month = child.removeprefix(f"{name}_").partition("_")
        if year.isdigit() and month.isdigit():
            out.add(dt.date(int(year), int(month), 1))
    return out


def spans(conn: Connection) -> dict[str, str]:
    """Per partitioned record table, its monthly partitions: how many, first and last month."""
    out = {}
    for name in maintainable(conn):
        have = sorted(_monthly(conn, name))
        out[name] = f"{len(have)}, {have[0]:%Y-%m} to {have[-1]:%Y-%m}" if have else "none"
    return out


def maintainable(conn: Connection) -> list[str]:
    """The partitioned record tables this login may add partitions to (it owns them, or is a superuser); none on
    SQLite. A role login (an operator) owns nothing: the centre's owner keeps the months."""
    if conn.dialect.name != "postgresql":
        return []
    return [name for name in PARTITIONED if conn.scalar(text(
        "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c JOIN pg_partitioned_table p "
        "ON p.partrelid = c.oid WHERE c.oid = to_regclass(:t)"), {"t": name})]


def _months_in_default(conn: Connection, name: str, floor: dt.date) -> set[dt.date]:
    column = PARTITIONED[name]
    found = conn.scalars(text(f"SELECT DISTINCT {_MONTH_OF.format(col=column)} FROM {name}_default "
                              f"WHERE {column} >= :floor"), {"floor": to_seconds(floor)})
    return {dt.date(int(m[:4]), int(m[5:7]), 1) for m in found}


def _add_months(conn: Connection, name: str, firsts: list[dt.date]) -> dict[str, int]:
    """Give ``name`` a partition for each month of ``firsts``, moving that month's rows out of the default
    partition (PostgreSQL refuses a partition whose rows sit in the default one): detach the default, create the
    months, move their rows, attach the default again — one transaction, the caller's. Returns partition -> rows
    moved."""
    column, default = PARTITIONED[name], f"{name}_default"
    columns = ", ".join(c.name for c in Base.metadata.tables[name].columns)
    conn.exec_driver_sql(f"ALTER TABLE {name} DETACH PARTITION {default}")
    moved = {}
    for first in firsts:
        part, lo, hi = f"{name}_{first:%Y_%m}", to_seconds(first), to_seconds(_next_month(first))
        conn.exec_driver_sql(f"CREATE TABLE {part} PARTITION OF {name} FOR VALUES FROM ({lo}) TO ({hi})")
        moved[part] = conn.execute(text(
            f"WITH gone AS (DELETE FROM {default} WHERE {column} >= :lo AND {column} < :hi RETURNING {columns}) "
            f"INSERT INTO {name} ({columns}) SELECT {columns} FROM gone"), {"lo": lo, "hi": hi}).rowcount
    conn.exec_driver_sql(f"ALTER TABLE {name} ATTACH PARTITION {default} DEFAULT")
    return moved


def ensure(conn: Connection, months_ahead: int | None = MONTHS_AHEAD, today: dt.date | None = None,
           sweep_default: bool = False, wanted: dict[str, set[dt.date]] | None = None) -> dict[str, int]:
    """Make sure every record table this login maintains has a monthly partition for the current month (CST) and
    ``months_ahead`` after it (None: not these), and for the months in ``wanted`` (table -> first days of months);
    with ``sweep_default`` also for every month that has rows in the default partition. Months before a table's
    first monthly partition (or the current month, if it has none) are left to the default partition. Idempotent.
    Returns the partitions created -> rows moved into them from the default partition."""
    today = today or dt.datetime.now(CST).date()
    this_month = dt.date(today.year, today.month, 1)
    ahead = months(this_month, this_month + dt.timedelta(days=31 * months_ahead))[: months_ahead + 1] \
        if months_ahead is not None else []
    tables = [t for t in maintainable(conn) if sweep_default or ahead or (wanted or {}).get(t)]
    created: dict[str, int] = {}
    if tables:
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": _LOCK})
    for name in tables:
        have = _monthly(conn, name)
        floor = min(have | {this_month})
        want = set(ahead) | {m for m in (wanted or {}).get(name, ()) if m >= floor}
        if sweep_default:
            want |= _months_in_default(conn, name, floor)
        if missing := sorted(want - have):
            created |= _add_months(conn, name, missing)
    return created


def months_of(seconds: object) -> set[dt.date]:
    """The CST months (first days) of an array of Unix seconds."""
    values = np.asarray(seconds, dtype="int64")
    if values.size == 0:
        return set()
    found = np.unique(((values + 8 * 3600) // 86400).astype("datetime64[D]").astype("datetime64[M]"))
    return {dt.date.fromisoformat(f"{m}-01") for m in found.astype(str)}
