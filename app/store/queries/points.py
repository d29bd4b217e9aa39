"""Point features (cameras, places and checkpoints, facilities) as flat arrays: one query per table."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from sqlalchemy import LargeBinary, Table, func, select, type_coerce

from app.store.geometry import decode_many
from app.store.store import Store
from app.store.tables.cameras import Camera
from app.store.tables.facilities import Facility
from app.store.tables.places import Place


@dataclass(frozen=True)
class PointSet:
    """Row-aligned arrays of one point table; ``lon``/``lat`` in the store CRS (EPSG:4490)."""

    ids: np.ndarray  # int64
    names: np.ndarray  # object (str)
    kinds: np.ndarray  # int64: the table's kind / status-free category
    grid_ids: np.ndarray  # int64, -1 where outside every grid
    lon: np.ndarray
    lat: np.ndarray
    extra: dict[str, np.ndarray] = field(default_factory=dict, kw_only=True)  # the table's other columns, by name

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class CameraSet(PointSet):
    """Cameras, with what the feed-links panel shows."""

    codes: np.ndarray
    status: np.ndarray
    urls: np.ndarray


def _geom_column(store: Store, table: Table):  # noqa: ANN202
    # raw blobs, decoded in one vectorised call below rather than row by row by the column type
    return func.ST_AsBinary(table.c.geom) if store.dialect == "postgresql" else type_coerce(table.c.geom, LargeBinary)


def _columns(rows: list, n: int) -> list[tuple]:
    return list(zip(*rows)) if rows else [()] * n


def _xy(values: tuple) -> tuple[np.ndarray, np.ndarray]:
    if not values:
        return np.zeros(0), np.zeros(0)
    xy = shapely.get_coordinates(decode_many(list(values)))
    return xy[:, 0].copy(), xy[:, 1].copy()


def _ids(values: tuple) -> np.ndarray:
    return np.asarray([-1 if v is None else v for v in values], dtype=np.int64)


def _point_set(store: Store, table: Table, kind_column: str, extra: tuple[str, ...] = ()) -> PointSet:
    t = table
    query = select(t.c.id, t.c.name, t.c[kind_column], t.c.grid_id, _geom_column(store, t),
                   *(t.c[name] for name in extra)).order_by(t.c.id)
    with store.engine.connect() as conn:
        cols = _columns(conn.execute(query).all(), 5 + len(extra))
    lon, lat = _xy(cols[4])
    return PointSet(np.asarray(cols[0], np.int64), np.asarray(cols[1], object), np.asarray(cols[2], np.int64),
                    _ids(cols[3]), lon, lat, extra={name: np.asarray(cols[5 + i]) for i, name in enumerate(extra)})


def load_places(store: Store) -> PointSet:
    """Venues and checkpoints; ``kinds`` holds ``PlaceKind``."""
    return _point_set(store, Place.__table__, "kind", ("category",))


def load_facilities(store: Store) -> PointSet:
    """Test sites, labs, vaccination sites, quarantine hotels, clinics, pharmacies; ``kinds`` holds ``FacilityKind``."""
    return _point_set(store, Facility.__table__, "kind", ("capacity", "fever_clinic"))


def load_cameras(store: Store) -> CameraSet:
    """Every camera; ``kinds`` indexes ``CAMERA_KINDS``, ``status`` holds ``CameraStatus``."""
    t = Camera.__table__
    query = select(t.c.id, t.c.name, t.c.kind, t.c.grid_id, _geom_column(store, t), t.c.code, t.c.status,
                   t.c.stream_url).order_by(t.c.id)
    with store.engine.connect() as conn:
        cols = _columns(conn.execute(query).all(), 8)
    lon, lat = _xy(cols[4])
    return CameraSet(np.asarray(cols[0], np.int64), np.asarray(cols[1], object), np.asarray(cols[2], np.int64),
                     _ids(cols[3]), lon, lat, np.asarray(cols[5], object), np.asarray(cols[6], np.int64),
                     np.asarray(cols[7], object))


__all__ = ["CameraSet", "PointSet", "load_cameras", "load_facilities", "load_places"]
