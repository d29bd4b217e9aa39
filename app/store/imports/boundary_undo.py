"""Undoing a boundaries import: before the admin layers are replaced, the store keeps a copy of what the import
changes — every admin unit (all levels: parents, populations and households change above the replaced levels
too), the grid leaders, and the grid every person and point was in — in ``replaced_boundaries`` under the import's
id. Undo puts all of it back in one transaction: the units with their ids, codes and geometries as they were,
the units the import added gone, and each record in its grid again.

Records added after the import (which the copy does not know) follow the restored grids the way records follow
new ones: points by point-in-polygon, people to the restored grid holding their grid's centre. Only the latest
boundaries import can be undone (undo later ones first), and not while tasks or warnings name a unit it added.
"""

from __future__ import annotations

import io
import json

import numpy as np
import shapely
from sqlalchemy import Connection, text

from app.store import geopackage
from app.store.errors import StoreError
from app.store.geometry import decode_many, encode_for
from app.store.imports.grid_assignment import POINT_TABLES, UNIT_REFERENCES, grid_points, grid_tree, recount, sql_ids
from app.store.queries.arrays import fetch_ints
from app.store.tables.imports import ReplacedBoundaries

ASSIGNED = (("persons", "home_grid_id"), *((t, "grid_id") for t in POINT_TABLES))


def _rows(conn: Connection, table: str) -> list[dict[str, object]]:
    return [dict(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).mappings()]


def save(conn: Connection, run_id: int) -> None:
    """Keep what the store holds now as the state import ``run_id`` replaces (inside its transaction)."""
    units = _rows(conn, "admin_units")
    wkb = shapely.to_wkb(decode_many([u["geom"] for u in units]), hex=True) if units else []
    for unit, geom in zip(units, wkb):
        unit["geom"] = geom
    arrays: dict[str, np.ndarray] = {
        "units": np.frombuffer(json.dumps(units, ensure_ascii=False).encode(), dtype=np.uint8),
        "leaders": np.frombuffer(json.dumps(_rows(conn, "grid_leaders"), ensure_ascii=False).encode(), dtype=np.uint8),
    }
    for table, column in ASSIGNED:
        pairs = fetch_ints(conn, f"SELECT id, COALESCE({column}, -1) FROM {table}", ("id", "unit"))
        arrays[table] = np.column_stack([pairs["id"], pairs["unit"]]).reshape(-1, 2)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    conn.execute(ReplacedBoundaries.__table__.insert().values(import_id=run_id, saved=buffer.getvalue()))


def restore(conn: Connection, run_id: int) -> dict[str, int]:
    """Put back what import ``run_id`` replaced (inside the caller's transaction). Returns counts of units
    restored and removed and of records moved back."""
    later = conn.execute(text("SELECT MAX(id) FROM imports WHERE kind = 'boundaries' AND status = 'done' AND id > :r"),
                         {"r": run_id}).scalar()
    if later is not None:
        raise StoreError(f"import {run_id} cannot be undone before the later boundaries import {later}: undo it first")
    blob = conn.execute(text("SELECT saved FROM replaced_boundaries WHERE import_id = :r"), {"r": run_id}).scalar()
    if blob is None:
        raise StoreError(f"import {run_id} kept no copy of the boundaries it replaced: import them again to go back")
    saved = np.load(io.BytesIO(bytes(blob)))
    units = json.loads(bytes(saved["units"]).decode())
    before = {int(u["id"]): u for u in units}
    now = {int(r[0]): int(r[1]) for r in conn.execute(text("SELECT id, level FROM admin_units"))}
    added = sorted(set(now) - set(before))
    if added:
        for table, column in UNIT_REFERENCES:
            n = conn.execute(text(f"SELECT COUNT(*) FROM {table} WHERE {column} IN ({sql_ids(added)})")).scalar()
            if n:
                raise StoreError(f"import {run_id} cannot be undone: {n} {table} refer to units it added")
    added_grids = grid_points(conn, added)
    dialect = conn.dialect.name
    columns = [c for c in units[0] if c != "id"] if units else []
    for unit in sorted(units, key=lambda u: u["level"]):  # parents before children
        values = {**unit, "geom": encode_for(dialect, shapely.from_wkb(unit["geom"]))}
        if int(unit["id"]) in now:
            conn.execute(text(f"UPDATE admin_units SET {', '.join(f'{c} = :{c}' for c in columns)} WHERE id = :id"),
                         values)
        else:
            conn.execute(text(f"INSERT INTO admin_units (id, {', '.join(columns)}) VALUES "
                              f"(:id, {', '.join(f':{c}' for c in columns)})"), values)
    moved = _assign(conn, saved, added, added_grids)
    if added:
        conn.execute(text(f"DELETE FROM grid_leaders WHERE grid_id IN ({sql_ids(added)})"))
        for level in sorted({now[i] for i in added}, reverse=True):
            conn.execute(text(f"DELETE FROM admin_units WHERE level = {level} AND id IN ({sql_ids(added)})"))
    leaders = json.loads(bytes(saved["leaders"]).decode())
    present = set(conn.execute(text("SELECT id FROM grid_leaders")).scalars())
    missing = [r for r in leaders if r["id"] not in present]
    if missing:
        names = list(missing[0])
        values = ", ".join(f":{c}" for c in names)
        conn.execute(text(f"INSERT INTO grid_leaders ({', '.join(names)}) VALUES ({values})"), missing)
    if moved["new_records"]:
        recount(conn)  # people the copy does not know live in the restored grids now
    conn.execute(text("DELETE FROM replaced_boundaries WHERE import_id = :r"), {"r": run_id})
    if dialect == "sqlite":
        geopackage.update_extents(conn)
    return {"units_put_back": len(set(before) & set(now)), "units_restored": len(set(before) - set(now)),
            "units_removed": len(added),
            "records_moved_back": moved["moved"]}


def _assign(conn: Connection, saved: np.lib.npyio.NpzFile, added: list[int],
            added_grids: dict[int, tuple[str, shapely.Point]]) -> dict[str, int]:
    """Every record the copy knows back in its grid; a record added since, whose grid goes, in the restored grid
    it falls in (a point) or that holds its grid's centre (a person)."""
    out = {"moved": 0, "new_records": 0}
    locate = grid_tree(conn, exclude=added)
    for table, column in ASSIGNED:
        pairs = saved[table]
        current = {int(r[0]): (-1 if r[1] is None else int(r[1]))
                   for r in conn.execute(text(f"SELECT id, {column} FROM {table}"))}
        back = [{"g": None if g < 0 else int(g), "i": int(i)} for i, g in pairs.tolist() if current.get(i, g) != g]
        if back:
            conn.execute(text(f"UPDATE {table} SET {column} = :g WHERE id = :i"), back)
        out["moved"] += len(back)
        known = set(pairs[:, 0].tolist())
        since = [i for i, g in current.items() if i not in known and g in set(added)]
        out["new_records"] += len([i for i in current if i not in known]) if table == "persons" else 0
        if not since:
            continue
        if table == "persons":
            grids = locate([added_grids[current[i]][1] for i in since])
        else:
            rows = conn.execute(text(f"SELECT id, geom FROM {table} WHERE id IN ({sql_ids(since)}) ORDER BY id")).all()
            since = [int(r[0]) for r in rows]
            grids = locate(list(decode_many([r[1] for r in rows])))
        conn.execute(text(f"UPDATE {table} SET {column} = :g WHERE id = :i"),
                     [{"g": g, "i": i} for i, g in zip(since, grids)])
    return out
