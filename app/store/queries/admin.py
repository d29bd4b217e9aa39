"""Admin units as flat arrays: one query per level."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select

from app.domain.admin import Level
from app.store.geometry import decode_many, raw_geometry
from app.store.store import Store
from app.store.tables.admin import AdminUnit, GridLeader


@dataclass(frozen=True)
class AdminLevel:
    """Every unit of one level, row-aligned arrays (geometry in store CRS, EPSG:4490)."""

    level: Level
    ids: np.ndarray  # int64
    codes: np.ndarray  # object (str)
    names_zh: np.ndarray
    names_pinyin: np.ndarray
    parent_ids: np.ndarray  # int64, -1 for the county
    population: np.ndarray
    households: np.ndarray
    area_km2: np.ndarray
    geoms: np.ndarray  # shapely geometries

    def __len__(self) -> int:
        return len(self.ids)


def load_level(store: Store, level: Level) -> AdminLevel:
    t = AdminUnit.__table__
    geom_col = raw_geometry(t.c.geom, store.dialect)
    query = (
        select(t.c.id, t.c.code, t.c.name_zh, t.c.name_pinyin, t.c.parent_id, t.c.population,
               t.c.households, t.c.area_km2, geom_col.label("geom"))
        .where(t.c.level == int(level))
        .order_by(t.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    cols = list(zip(*rows)) if rows else [[]] * 9
    return AdminLevel(
        level=level,
        ids=np.asarray(cols[0], dtype=np.int64),
        codes=np.asarray(cols[1], dtype=object),
        names_zh=np.asarray(cols[2], dtype=object),
        names_pinyin=np.asarray(cols[3], dtype=object),
        parent_ids=np.asarray([-1 if p is None else p for p in cols[4]], dtype=np.int64),
        population=np.asarray(cols[5], dtype=np.int64),
        households=np.asarray(cols[6], dtype=np.int64),
        area_km2=np.asarray(cols[7], dtype=np.float64),
        geoms=decode_many(list(cols[8])) if rows else np.array([], dtype=object),
    )


def level_counts(store: Store) -> dict[str, int]:
    t = AdminUnit.__table__
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.c.level, func.count()).group_by(t.c.level)).all()
    return {Level(level).key: n for level, n in rows}


def grid_leaders(store: Store) -> dict[int, tuple[str, str]]:
    """grid id -> (leader name, masked phone)."""
    t = GridLeader.__table__
    with store.engine.connect() as conn:
        return {g: (n, p) for g, n, p in conn.execute(select(t.c.grid_id, t.c.name, t.c.phone_masked))}


def unit_ancestry(store: Store) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ids, levels, parent_ids) of every unit — enough to roll anything up the hierarchy."""
    t = AdminUnit.__table__
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.c.id, t.c.level, t.c.parent_id).order_by(t.c.id)).all()
    ids, levels, parents = zip(*rows) if rows else ((), (), ())
    return (np.asarray(ids, np.int64), np.asarray(levels, np.int64),
            np.asarray([-1 if p is None else p for p in parents], np.int64))


__all__ = ["AdminLevel", "grid_leaders", "level_counts", "load_level", "unit_ancestry"]
