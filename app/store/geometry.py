"""Geometry columns that are GeoPackage blobs on SQLite and PostGIS geometries on PostgreSQL.

The store keeps geometry in CGCS2000 geographic coordinates (EPSG:4490). On SQLite each value is a
GeoPackage binary blob (``GP`` header + WKB) so GDAL and QGIS open the feature tables as they are; on
PostgreSQL the column is a PostGIS ``geometry`` and values travel as hex EWKB, which PostGIS parses itself.
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np
import shapely
from geoalchemy2 import Geometry as PostGISGeometry
from sqlalchemy import LargeBinary, func, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.types import TypeDecorator

STORE_SRID = 4490  # CGCS2000 geographic
_GP_MAGIC = b"GP"


def gpkg_blob(geom: shapely.Geometry, srid: int = STORE_SRID) -> bytes:
    """Encode one geometry as a GeoPackage binary (little-endian, with an XY envelope unless a point)."""
    if geom.geom_type == "Point":
        header = _GP_MAGIC + bytes([0, 0b0000_0001]) + struct.pack("<i", srid)
    else:
        minx, miny, maxx, maxy = geom.bounds
        header = _GP_MAGIC + bytes([0, 0b0000_0011]) + struct.pack("<i4d", srid, minx, maxx, miny, maxy)
    return header + shapely.to_wkb(geom, byte_order=1)


def gpkg_blobs(geoms: np.ndarray, srid: int = STORE_SRID) -> list[bytes]:
    """Encode many geometries; WKB is produced in one vectorised call."""
    wkbs = shapely.to_wkb(geoms, byte_order=1)
    bounds = shapely.bounds(geoms)
    out: list[bytes] = []
    point_header = _GP_MAGIC + bytes([0, 0b0000_0001]) + struct.pack("<i", srid)
    for geom, wkb, (minx, miny, maxx, maxy) in zip(geoms, wkbs, bounds):
        if geom.geom_type == "Point":
            out.append(point_header + wkb)
        else:
            out.append(_GP_MAGIC + bytes([0, 0b0000_0011]) + struct.pack("<i4d", srid, minx, maxx, miny, maxy) + wkb)
    return out


def wkb_from_gpkg(blob: bytes) -> bytes:
    """Strip the GeoPackage header from a blob, leaving plain WKB."""
    if blob[:2] != _GP_MAGIC:
        raise ValueError("not a GeoPackage geometry blob")
    envelope_kind = (blob[3] >> 1) & 0b111
    envelope_len = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[envelope_kind]
    return blob[8 + envelope_len :]


def decode(value: Any) -> shapely.Geometry | None:
    """Turn whatever a backend returned for a geometry column into a shapely geometry."""
    if value is None:
        return None
    if isinstance(value, str):  # PostGIS text output: hex EWKB
        return shapely.from_wkb(bytes.fromhex(value))
    data = getattr(value, "data", value)  # geoalchemy2 WKBElement
    data = bytes(data)
    if data[:2] == _GP_MAGIC:
        return shapely.from_wkb(wkb_from_gpkg(data))
    return shapely.from_wkb(data)


def decode_many(values: list[Any]) -> np.ndarray:
    """Decode a column of geometry values into a shapely array."""
    wkbs = []
    for value in values:
        if isinstance(value, str):
            wkbs.append(bytes.fromhex(value))
            continue
        data = bytes(getattr(value, "data", value))
        wkbs.append(wkb_from_gpkg(data) if data[:2] == _GP_MAGIC else data)
    return shapely.from_wkb(np.array(wkbs, dtype=object))


def encode_for(dialect_name: str, geom: shapely.Geometry, srid: int = STORE_SRID) -> bytes | str:
    """The value a backend stores for one geometry (GeoPackage blob, or hex EWKB for PostGIS)."""
    if dialect_name == "postgresql":
        return shapely.to_wkb(shapely.set_srid(geom, srid), hex=True, include_srid=True)
    return gpkg_blob(geom, srid)


def encode_many(dialect_name: str, geoms: np.ndarray, srid: int = STORE_SRID) -> list[bytes | str]:
    """:func:`encode_for` of every geometry of an array, in one vectorised pass."""
    if dialect_name == "postgresql":
        return shapely.to_wkb(shapely.set_srid(geoms, srid), hex=True, include_srid=True).tolist()
    return gpkg_blobs(geoms, srid)


class GeoPackageBlob(LargeBinary):
    """A GeoPackage geometry blob whose SQL type is the geometry type name (``geom MULTIPOLYGON``).

    The GeoPackage standard (requirements 25 and 31) wants the column declared with the type named in
    ``gpkg_geometry_columns``, not ``BLOB``; values are still blobs, which no SQLite affinity converts.
    """

    def __init__(self, geometry_type: str) -> None:
        super().__init__()
        self.geometry_type = geometry_type


@compiles(GeoPackageBlob, "sqlite")
def _geometry_type_name(type_: GeoPackageBlob, compiler: Any, **kw: Any) -> str:
    return type_.geometry_type


class GeometryType(TypeDecorator):
    """A geometry column: ``geometry_type`` is the GeoPackage/PostGIS type name (POINT, MULTIPOLYGON…)."""

    impl = LargeBinary
    cache_ok = True
    # Read by GeoAlchemy2's DDL hooks on PostgreSQL: they then build the GiST index for the column.
    spatial_index = True
    use_N_D_index = False

    def __init__(self, geometry_type: str = "GEOMETRY", srid: int = STORE_SRID) -> None:
        super().__init__()
        self.geometry_type = geometry_type
        self.srid = srid

    def load_dialect_impl(self, dialect: Dialect | None) -> Any:
        # GeoAlchemy2's DDL hooks ask with no dialect: answer "not ours" so they leave the column alone.
        if dialect is not None and dialect.name == "postgresql":
            return dialect.type_descriptor(
                PostGISGeometry(self.geometry_type, srid=self.srid, spatial_index=False)
            )
        return LargeBinary() if dialect is None else dialect.type_descriptor(GeoPackageBlob(self.geometry_type))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or isinstance(value, (bytes, str)):
            return value
        return encode_for(dialect.name, value, self.srid)

    def process_result_value(self, value: Any, dialect: Dialect) -> shapely.Geometry | None:
        return decode(value)


def raw_geometry(column: Any, dialect_name: str) -> Any:
    """A select expression giving a geometry column as WKB/GeoPackage bytes, for :func:`decode_many`."""
    if dialect_name == "postgresql":
        return func.ST_AsBinary(column)
    return type_coerce(column, LargeBinary)
