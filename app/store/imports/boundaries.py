"""Replacing the admin layers with a county's own: in one transaction, units kept by code are updated, new
codes added, units of the replaced levels that the new layers lack removed; then every point (places, cameras,
facilities) is put in the grid it falls in, people in the grid of their address code (the same code, else the
new grid holding their old grid's centre), and populations and households counted again per unit."""

from __future__ import annotations

import shapely
from sqlalchemy import Connection, text

from app.domain.admin import Level
from app.store import geopackage
from app.store.errors import StoreError
from app.store.geometry import decode_many, encode_for
from app.store.imports import boundary_undo
from app.store.imports.grid_assignment import POINT_TABLES, UNIT_REFERENCES, grid_points, grid_tree, recount, sql_ids
from app.store.store import Store


def existing_units(store: Store) -> dict[str, tuple[int, int, shapely.Geometry]]:
    """code -> (id, level, geometry) of every unit."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, level, code, geom FROM admin_units")).all()
    geoms = decode_many([r[3] for r in rows]) if rows else []
    return {r[2]: (int(r[0]), int(r[1]), g) for r, g in zip(rows, geoms)}


def replace_units(store: Store, units: list[tuple[str, int, str, shapely.Geometry, float]],
                  run_id: int) -> dict[str, int]:
    """Replace the levels of ``units`` (code, level, name, EPSG:4490 multipolygon, km²) for import ``run_id``,
    keeping a copy of what is replaced so the import can be undone. Returns counts."""
    levels = sorted({u[1] for u in units})
    with store.begin() as conn:
        boundary_undo.save(conn, run_id)
        before = {r[0]: (int(r[1]), int(r[2])) for r in conn.execute(text("SELECT code, id, level FROM admin_units"))}
        old_grids = grid_points(conn) if Level.GRID in levels else {}
        ids = dict((c, i) for c, (i, _) in before.items())
        next_id = max(ids.values(), default=0) + 1
        dialect = conn.dialect.name
        counts = {"updated": 0, "added": 0, "removed": 0}
        for code, level, name, geom, area in sorted(units, key=lambda u: u[1]):  # parents before children
            values = {"level": level, "code": code, "parent_id": ids.get(code[:-3]), "name": name, "pinyin": code,
                      "area": area, "geom": encode_for(dialect, geom)}
            if code in ids:
                conn.execute(text("UPDATE admin_units SET level = :level, parent_id = :parent_id, name_zh = :name, "
                                  "area_km2 = :area, geom = :geom WHERE code = :code"), values)
                counts["updated"] += 1
            else:
                ids[code] = next_id
                conn.execute(text("INSERT INTO admin_units (id, level, code, parent_id, name_zh, name_pinyin, population,"
                                  " households, area_km2, geom) VALUES (:id, :level, :code, :parent_id, :name, :pinyin, "
                                  "0, 0, :area, :geom)"), {**values, "id": next_id})
                next_id += 1
                counts["added"] += 1
        # units of the levels kept follow their parents by code (a village kept under a town replaced)
        conn.execute(text("UPDATE admin_units SET parent_id = (SELECT p.id FROM admin_units p WHERE p.code = "
                          "substr(admin_units.code, 1, length(admin_units.code) - 3)) WHERE level > 0"))
        new_codes = {u[0] for u in units}
        gone = [i for c, (i, lvl) in before.items() if lvl in levels and c not in new_codes]
        _reassign(conn, old_grids, gone)
        if gone:
            for table, column in UNIT_REFERENCES:
                n = conn.execute(text(f"SELECT COUNT(*) FROM {table} WHERE {column} IN ({sql_ids(gone)})")).scalar()
                if n:
                    raise StoreError(f"{n} {table} refer to units the new boundaries remove: close or move them first")
            conn.execute(text(f"DELETE FROM grid_leaders WHERE grid_id IN ({sql_ids(gone)})"))
            for level in sorted(levels, reverse=True):
                conn.execute(text(f"DELETE FROM admin_units WHERE level = {level} AND id IN ({sql_ids(gone)})"))
            counts["removed"] = len(gone)
        recount(conn)
        if dialect == "sqlite":
            geopackage.update_extents(conn)
    return counts


def _reassign(conn: Connection, old_grids: dict[int, tuple[str, shapely.Point]], gone: list[int]) -> None:
    kept = f"AND id NOT IN ({sql_ids(gone)})" if gone else ""
    codes = {r[1]: int(r[0]) for r in conn.execute(text(
        f"SELECT id, code FROM admin_units WHERE level = {int(Level.GRID)} {kept}"))}
    if not codes:
        return
    grid_of = grid_tree(conn, exclude=gone)
    for table in POINT_TABLES:
        points = conn.execute(text(f"SELECT id, geom FROM {table}")).all()
        if points:
            grids = grid_of(list(decode_many([p[1] for p in points])))
            conn.execute(text(f"UPDATE {table} SET grid_id = :g WHERE id = :i"),
                         [{"g": g, "i": p[0]} for p, g in zip(points, grids)])
    moved = {}  # old grid id -> new grid id: by address code, else where the old grid's centre falls
    if old_grids:
        olds = list(old_grids.items())
        by_point = grid_of([p for _, (_, p) in olds])
        moved = {old: codes.get(code, by_point[k]) for k, (old, (code, _)) in enumerate(olds)}
    changed = [(new, old) for old, new in moved.items() if new != old]
    if changed:
        conn.execute(text("UPDATE persons SET home_grid_id = :new WHERE home_grid_id = :old"),
                     [{"new": n, "old": o} for n, o in changed])
    if gone:
        conn.execute(text(f"UPDATE persons SET home_grid_id = NULL WHERE home_grid_id IN ({sql_ids(gone)})"))
