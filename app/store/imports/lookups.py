"""Reads an import checks rows against: the county outline, grids, cities, and the codes entities are known by
(source keys of imported places and facilities, and the store ids of the others)."""

from __future__ import annotations

import numpy as np
import shapely
from sqlalchemy import select, text

from app.domain.admin import Level
from app.store.geometry import decode, decode_many, raw_geometry
from app.store.imports.provenance import TABLE_CODES
from app.store.store import Store
from app.store.tables.admin import AdminUnit
from app.store.tables.facilities import Facility
from app.store.tables.imports import RecordSource
from app.store.tables.persons import City


def county(store: Store) -> tuple[shapely.Geometry, str]:
    with store.engine.connect() as conn:
        row = conn.execute(select(AdminUnit.name_zh, raw_geometry(AdminUnit.__table__.c.geom, store.dialect))
                           .where(AdminUnit.level == int(Level.COUNTY))).first()
    if row is None:
        return shapely.Polygon(), ""
    return decode(row[1]), row[0]


def grids(store: Store) -> tuple[np.ndarray, list[str], np.ndarray]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(AdminUnit.id, AdminUnit.code, raw_geometry(AdminUnit.__table__.c.geom, store.dialect))
                            .where(AdminUnit.level == int(Level.GRID)).order_by(AdminUnit.id)).all()
    return (np.array([r[0] for r in rows], np.int64), [r[1] for r in rows],
            np.asarray(decode_many([r[2] for r in rows]), dtype=object) if rows else np.empty(0, object))


def cities(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(City.id, City.name_zh, City.name_pinyin)).all()
    out = {}
    for cid, zh, pinyin in rows:
        out[zh] = out[pinyin.lower()] = out[zh + "市"] = cid
    return out


def home_city(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.scalar(select(City.id).order_by(City.id).limit(1)) or 1)


def entity_codes(store: Store, table: str) -> dict[str, int]:
    """Code -> id of a table's records: source keys of imported ones, and every id written as a number (so
    department files may name the entities a store already held by their ids)."""
    with store.engine.connect() as conn:
        out = {str(i): int(i) for i in conn.execute(text(f"SELECT id FROM {table}")).scalars()}
        out.update(_keys(conn, table))
    return out


def facility_codes(store: Store) -> dict[str, tuple[int, int]]:
    with store.engine.connect() as conn:
        kinds = dict(conn.execute(select(Facility.id, Facility.kind)).all())
        keys = _keys(conn, "facilities")
    out = {str(i): (int(i), int(k)) for i, k in kinds.items()}
    out.update({code: (rid, int(kinds[rid])) for code, rid in keys.items() if rid in kinds})
    return out


def _keys(conn, table: str) -> dict[str, int]:  # noqa: ANN001
    rs = RecordSource.__table__
    rows = conn.execute(select(rs.c.key, rs.c.record_id)
                        .where(rs.c.table_code == TABLE_CODES[table], rs.c.key.is_not(None))).all()
    return {k: int(r) for k, r in rows}
