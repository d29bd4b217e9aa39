"""The catalogues, the people of a pack's area and their records copied inside SQLite, from a centre file to the
pack.

A town of the full county is ~600,000 people and ~4 million records: carried through Python row by row that is
minutes, while ``INSERT … SELECT`` from the centre ATTACHed read-only to the pack is seconds. Identity is put in
the role's form by the SELECT itself (the stand-in hash, a masking function), so no clear value ever reaches a
page of the pack. The pack is a ``.part`` file until it is whole, so it is written without a journal.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from app.store.masking import mask_name
from app.store.packs.area import PackArea
from app.store.packs.copy import PackPolicy
from app.store.tables import RECORD_TABLES, Base
from app.store.tables.persons import Person

MMAP_BYTES = 1 << 32
PACK_CACHE = "PRAGMA cache_size = -262144"  # 256 MB of pages while a pack is written
_PRAGMAS = ("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", PACK_CACHE)
_TRANSFORMED = {"id_hash": "'none:' || id", "name": "jk_mask_name(name)"}


def person_columns(policy: PackPolicy) -> list[str]:
    """The SELECT list of ``persons`` in the form ``policy`` allows."""
    kept = {"id_hash": policy.identity_hash, "name": policy.clear_names}
    return [c.name if kept.get(c.name, True) else _TRANSFORMED[c.name] for c in Person.__table__.columns]


def copy_attached(pack: Path, centre: Path, area: PackArea, policy: PackPolicy,
                  whole: Sequence[str]) -> dict[str, int]:
    """Copy the tables ``whole`` (the catalogues; geometry blobs pass as they are) and the area's people (and, if
    the role may hold them, their records) from ``centre`` into ``pack``."""
    people = ["persons", *(RECORD_TABLES if policy.records else ())] if policy.people else []
    tables = [*whole, *people]
    conn = sqlite3.connect(pack, isolation_level=None)
    try:
        conn.create_function("jk_mask_name", 1, mask_name, deterministic=True)
        for pragma in _PRAGMAS:
            conn.execute(pragma)
        conn.execute("ATTACH DATABASE ? AS centre", (str(centre),))  # only read: the SELECTs below
        conn.execute(f"PRAGMA centre.mmap_size = {MMAP_BYTES}")  # pages read in place, not copied by read()
        conn.execute("BEGIN")
        with indexes_built_after(conn, tables):
            rows = _copy(conn, area, policy, whole, people)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE centre")
    finally:
        conn.close()
    return rows


@contextmanager
def indexes_built_after(conn: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """The pack's ``tables`` without their indexes while rows pour in, the indexes built once at the end: faster
    than keeping them up to date row by row (minutes for a town of the full county)."""
    indexes = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           f"AND tbl_name IN ({', '.join('?' for _ in tables)})", list(tables)).fetchall()
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX main.{name}")
    yield
    for _name, sql in indexes:
        conn.execute(sql)


def _copy(conn: sqlite3.Connection, area: PackArea, policy: PackPolicy, whole: Sequence[str],
          people: Sequence[str]) -> dict[str, int]:
    """The copying itself: the catalogues whole, the area's people in the role's form, their records."""
    conn.execute("CREATE TEMP TABLE pack_grids (id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO pack_grids VALUES (?)", [(i,) for i in sorted(area.grid_ids)])
    rows = {}
    for table in whole:
        columns = ", ".join(c.name for c in Base.metadata.tables[table].columns)
        query = f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM centre.{table}"
        rows[table] = conn.execute(query).rowcount
    names = [c.name for c in Person.__table__.columns]
    # "+home_grid_id": read the people in one pass over the table (a town is a quarter of the county: one
    # pass is cheaper than a quarter of the rows fetched one by one through the index)
    if people:
        rows["persons"] = conn.execute(
            f"INSERT INTO main.persons ({', '.join(names)}) SELECT {', '.join(person_columns(policy))} "
            "FROM centre.persons WHERE +home_grid_id IN (SELECT id FROM pack_grids)").rowcount
    for table in people[1:]:
        columns = ", ".join(c.name for c in Base.metadata.tables[table].columns)
        rows[table] = conn.execute(
            f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM centre.{table} "
            "WHERE person_id IN (SELECT id FROM main.persons)").rowcount
    return rows
