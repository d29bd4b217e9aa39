"""Which grid records are in: point-in-polygon lookups over the grids the store holds, and populations and
households counted from the people's home grids up to the county. Shared by the boundaries import and its undo."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import shapely
from sqlalchemy import Connection, text

from app.domain.admin import Level
from app.domain.people import PersonKind
from app.store.geometry import decode_many

HOUSEHOLD_SIZE = 3.4
POINT_TABLES = ("places", "cameras", "facilities")
UNIT_REFERENCES = (("tasks", "target_unit_id"), ("tasks", "assignee_unit_id"), ("tasks", "escalated_unit_id"),
                   ("warnings", "grid_id"))


def sql_ids(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def grid_points(conn: Connection, ids: list[int] | None = None) -> dict[int, tuple[str, shapely.Point]]:
    """Grid id -> (code, a point inside it) of every grid (of ``ids`` only, when given)."""
    among = f"AND id IN ({sql_ids(ids)})" if ids is not None else ""
    rows = conn.execute(text(f"SELECT id, code, geom FROM admin_units WHERE level = {int(Level.GRID)} {among}")).all()
    geoms = decode_many([r[2] for r in rows]) if rows else []
    return {int(r[0]): (r[1], shapely.point_on_surface(g)) for r, g in zip(rows, geoms)}


def grid_tree(conn: Connection, exclude: list[int] = ()) -> Callable[[list[shapely.Geometry]], list[int | None]]:
    """A lookup of the grid (id) each point falls in, among the grids the store holds less ``exclude``."""
    kept = f"AND id NOT IN ({sql_ids(list(exclude))})" if exclude else ""
    rows = conn.execute(text(f"SELECT id, geom FROM admin_units WHERE level = {int(Level.GRID)} {kept}")).all()
    grid_ids = np.array([r[0] for r in rows])
    tree = shapely.STRtree(np.asarray(decode_many([r[1] for r in rows]) if rows else [], dtype=object))

    def grid_of(points: list[shapely.Geometry]) -> list[int | None]:
        out: list[int | None] = [None] * len(points)
        if not rows or not points:
            return out
        hits = tree.query(np.asarray(points, dtype=object), predicate="intersects")
        for i, j in zip(*hits):
            if out[i] is None:
                out[i] = int(grid_ids[j])
        return out

    return grid_of


def recount(conn: Connection) -> None:
    """Population (residents and floating residents at home) and households per unit, grids up to the county."""
    units = conn.execute(text("SELECT id, level, parent_id FROM admin_units")).all()
    counts = dict(conn.execute(text(f"SELECT home_grid_id, COUNT(*) FROM persons WHERE home_grid_id IS NOT NULL "
                                    f"AND kind != {int(PersonKind.NATIVE_ELSEWHERE)} GROUP BY home_grid_id")).all())
    population = {int(u[0]): int(counts.get(u[0], 0)) if u[1] == Level.GRID else 0 for u in units}
    households = {i: math.ceil(n / HOUSEHOLD_SIZE) for i, n in population.items()}
    for level in (Level.GRID, Level.VILLAGE, Level.TOWN):
        for uid, lvl, parent in units:
            if lvl == level and parent is not None:
                population[int(parent)] += population[int(uid)]
                households[int(parent)] += households[int(uid)]
    conn.execute(text("UPDATE admin_units SET population = :p, households = :h WHERE id = :i"),
                 [{"p": population[i], "h": households[i], "i": i} for i in population])
