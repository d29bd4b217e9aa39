"""Fast bulk loading: ``executemany`` on SQLite, ``COPY`` on PostgreSQL, with keys and indexes built afterwards.

Building an index once over loaded rows is far cheaper than keeping it up to date row by row, and a foreign key
checked once per table (one anti-join) is far cheaper than once per row; :func:`deferred_constraints` drops them
for a load and builds them again (checking every row) before the load's transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from sqlalchemy import Connection, text

from app.store import partitions
from app.store.tables import Base

CHUNK = 200_000
BUILD_MEMORY_MB = 256  # PostgreSQL's defaults (64 MB, 4 MB) spill a county's keys to temporary files


def _as_list(values: Any) -> list:
    return values.tolist() if isinstance(values, np.ndarray) else list(values)


def bulk_insert(conn: Connection, table: str, columns: Mapping[str, Sequence[Any] | np.ndarray]) -> int:
    """Insert equal-length columns into ``table`` inside the caller's transaction; returns the row count."""
    names = list(columns)
    n = len(next(iter(columns.values()))) if columns else 0
    if any(len(v) != n for v in columns.values()):
        raise ValueError(f"{table}: columns of unequal length")
    if conn.dialect.name == "postgresql" and partitions.PARTITIONED.get(table) in columns:
        # rows of a month with no partition yet would land in the default one: give their months one first
        partitions.ensure(conn, months_ahead=None, wanted={table: partitions.months_of(columns[partitions.PARTITIONED[table]])})
    for start in range(0, n, CHUNK):
        insert_rows(conn, table, names, zip(*(_as_list(columns[c][start : start + CHUNK]) for c in names)))
    return n


def insert_rows(conn: Connection, table: str, names: list[str], rows: Iterable[tuple]) -> None:
    """Insert rows of values for ``names`` (PostgreSQL: through COPY, geometry given as hex EWKB)."""
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in names)
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", list(rows))


# PostgreSQL constraints in the order they can be built again: keys first, foreign keys (which need them) last
_CONSTRAINTS = text("""
    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype FROM pg_constraint
    WHERE contype IN ('p', 'u', 'f') AND conparentid = 0
      AND (conrelid::regclass::text = ANY(:tables) OR confrelid::regclass::text = ANY(:tables))
    ORDER BY contype = 'f', conrelid::regclass::text, conname""")


@contextmanager
def deferred_constraints(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """Load ``tables`` without their indexes (and, on PostgreSQL, their primary, unique and foreign keys, and
    the foreign keys of other tables that point at them); build them all again when the block ends, then ANALYZE
    the tables on PostgreSQL (the planner would otherwise plan from empty-table guesses)."""
    postgres = conn.dialect.name == "postgresql"
    constraints = conn.execute(_CONSTRAINTS, {"tables": list(tables)}).all() if postgres else []
    for table, name, _definition, _kind in reversed(constraints):  # foreign keys first
        conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    indexes = [index for name in tables for index in Base.metadata.tables[name].indexes]
    for index in indexes:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
    yield
    if postgres:  # for this transaction only: sort each index, and hash the keys each foreign key checks, in memory
        conn.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY_MB}MB'")
        conn.exec_driver_sql(f"SET LOCAL work_mem = '{BUILD_MEMORY_MB}MB'")
    for table, name, definition, kind in constraints:
        if kind == "f":
            break
        conn.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    for index in indexes:
        index.create(conn)
    for table, name, definition, kind in constraints:
        if kind == "f":
            conn.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    if postgres:
        conn.exec_driver_sql(f"ANALYZE {', '.join(tables)}")
