"""Fast bulk loading of column arrays: ``executemany`` on SQLite, ``COPY`` on PostgreSQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from sqlalchemy import Connection

CHUNK = 200_000


def _as_list(values: Any) -> list:
    return values.tolist() if isinstance(values, np.ndarray) else list(values)


def bulk_insert(conn: Connection, table: str, columns: Mapping[str, Sequence[Any] | np.ndarray]) -> int:
    """Insert equal-length columns into ``table`` inside the caller's transaction; returns the row count."""
    names = list(columns)
    n = len(next(iter(columns.values()))) if columns else 0
    if any(len(v) != n for v in columns.values()):
        raise ValueError(f"{table}: columns of unequal length")
    for start in range(0, n, CHUNK):
        rows = list(zip(*(_as_list(columns[c][start : start + CHUNK]) for c in names)))
        if conn.dialect.name == "postgresql":
            _copy(conn, table, names, rows)
        else:
            marks = ", ".join("?" for _ in names)
            conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
    return n


def _copy(conn: Connection, table: str, names: list[str], rows: list[tuple]) -> None:
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
