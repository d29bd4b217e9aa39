"""The people of a pack's area and their records copied inside SQLite, from a centre file to the pack.

A town of the full county is ~600,000 people and ~4 million records: carried through Python row by row that is
minutes, while ``INSERT … SELECT`` from the centre ATTACHed read-only to the pack is seconds. Identity is put in
the role's form by the SELECT itself (the stand-in hash, a masking function), so no clear value ever reaches a
page of the pack. The pack is a ``.part`` file until it is whole, so it is written without a journal.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.store.masking import mask_name
from app.store.packs.area import PackArea
from app.store.packs.copy import PackPolicy
from app.store.tables import RECORD_TABLES, Base
from app.store.tables.persons import Person

_TRANSFORMED = {"id_hash": "'none:' || id", "name": "jk_mask_name(name)"}


def person_columns(policy: PackPolicy) -> list[str]:
    """The SELECT list of ``persons`` in the form ``policy`` allows."""
    kept = {"id_hash": policy.identity_hash, "name": policy.clear_names}
    return [c.name if kept.get(c.name, True) else _TRANSFORMED[c.name] for c in Person.__table__.columns]


def copy_people_attached(pack: Path, centre: Path, area: PackArea, policy: PackPolicy) -> dict[str, int]:
    """Copy the area's people (and, if the role may hold them, their records) from ``centre`` into ``pack``."""
    if not policy.people:
        return {}
    conn = sqlite3.connect(pack, isolation_level=None)
    try:
        conn.create_function("jk_mask_name", 1, mask_name, deterministic=True)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("ATTACH DATABASE ? AS centre", (str(centre),))  # only read: the SELECTs below
        conn.execute("BEGIN")
        conn.execute("CREATE TEMP TABLE pack_grids (id INTEGER PRIMARY KEY)")
        conn.executemany("INSERT INTO pack_grids VALUES (?)", [(i,) for i in sorted(area.grid_ids)])
        names = [c.name for c in Person.__table__.columns]
        rows = {"persons": conn.execute(
            f"INSERT INTO main.persons ({', '.join(names)}) SELECT {', '.join(person_columns(policy))} "
            "FROM centre.persons WHERE home_grid_id IN (SELECT id FROM pack_grids)").rowcount}
        if policy.records:
            for table in RECORD_TABLES:
                columns = ", ".join(c.name for c in Base.metadata.tables[table].columns)
                rows[table] = conn.execute(
                    f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM centre.{table} "
                    "WHERE person_id IN (SELECT id FROM main.persons)").rowcount
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE centre")
    finally:
        conn.close()
    return rows
