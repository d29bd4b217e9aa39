"""Register the store's layers in GeoPackage terms, so GDAL and QGIS open the file as it is.

The SQLite store is a GeoPackage 1.4 that GDAL's ``validate_gpkg.py --extra`` accepts: application id
``GPKG``, the metadata tables the standard asks for, geometry columns declared by their type, and one
``gpkg_contents``/``gpkg_geometry_columns`` row per feature table and per level view (``county``, ``towns``,
``villages``, ``grids``). There is no R-tree index: its triggers call ``ST_MinX`` and friends, functions
only GDAL and SpatiaLite define, so every plain SQLite writer (ours included) would fail on insert.
"""

from __future__ import annotations

import re

import shapely
from pyproj import CRS
from sqlalchemy import Connection, text

from app.store.geometry import STORE_SRID, decode_many
from app.store.level_layers import LEVEL_LAYERS, create_views
from app.store.tables import FEATURE_TABLES

_APPLICATION_ID = 0x47504B47  # "GPKG"
_USER_VERSION = 10400

_DDL = (
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
        table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
)


def _srs_rows() -> list[dict]:
    cgcs = CRS.from_epsg(STORE_SRID)
    wgs = CRS.from_epsg(4326)
    return [
        dict(n="Undefined cartesian SRS", i=-1, o="NONE", c=-1, d="undefined", s="undefined cartesian coordinate reference system"),
        dict(n="Undefined geographic SRS", i=0, o="NONE", c=0, d="undefined", s="undefined geographic coordinate reference system"),
        dict(n="WGS 84 geodetic", i=4326, o="EPSG", c=4326, d=wgs.to_wkt("WKT1_GDAL"), s="longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
        dict(n="China Geodetic Coordinate System 2000", i=STORE_SRID, o="EPSG", c=STORE_SRID, d=cgcs.to_wkt("WKT1_GDAL"), s="CGCS2000 geographic"),
    ]


def initialise(conn: Connection) -> None:
    """Make an (empty or new) SQLite database a GeoPackage."""
    conn.exec_driver_sql(f"PRAGMA application_id = {_APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {_USER_VERSION}")
    for ddl in _DDL:
        conn.exec_driver_sql(ddl)
    conn.execute(
        text("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (:n, :i, :o, :c, :d, :s)"), _srs_rows()
    )


# What GIS programs show for the store's own feature tables (the level views carry theirs in LEVEL_LAYERS).
_TABLE_TITLES = {
    "admin_units": ("行政区划（全部层级）", "县、乡镇、村、网格四级叠放在一起；按层级分开的图层见 county/towns/villages/grids"),
    "places": ("场所与卡口", "场所码点位与卡口"),
    "cameras": ("视频监控", "摄像头点位"),
    "facilities": ("设施", "核酸采样点、实验室、接种点、隔离酒店、发热门诊与药店"),
}


def _register(conn: Connection, table: str, geometry_type: str, identifier: str, description: str) -> None:
    conn.execute(
        text(
            "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
            "VALUES (:t, 'features', :i, :d, :s)"
        ),
        dict(t=table, i=identifier, d=description, s=STORE_SRID),
    )
    conn.execute(
        text("INSERT OR REPLACE INTO gpkg_geometry_columns VALUES (:t, 'geom', :g, :s, 0, 0)"),
        dict(t=table, g=geometry_type, s=STORE_SRID),
    )


def register_layers(conn: Connection) -> None:
    """Declare the feature tables and the level views GeoPackage layers."""
    for table, geometry_type in FEATURE_TABLES.items():
        _register(conn, table, geometry_type, *_TABLE_TITLES[table])
    for layer in LEVEL_LAYERS:
        _register(conn, layer.name, FEATURE_TABLES["admin_units"], layer.identifier, layer.description)


def update_extents(conn: Connection) -> None:
    """Set every layer's extent in ``gpkg_contents`` from the geometries it holds now (none: no extent)."""
    layers = conn.execute(text("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")).scalars().all()
    for table in layers:
        blobs = conn.execute(text(f'SELECT geom FROM "{table}"')).scalars().all()
        bounds = shapely.total_bounds(decode_many(blobs)) if blobs else (None,) * 4
        conn.execute(
            text("UPDATE gpkg_contents SET min_x=:a, min_y=:b, max_x=:c, max_y=:d WHERE table_name=:t"),
            dict(a=bounds[0], b=bounds[1], c=bounds[2], d=bounds[3], t=table),
        )


def declare_geometry_types(conn: Connection) -> None:
    """Declare the geometry columns of a store made before they were typed (``geom BLOB``) by their type.

    SQLite cannot alter a column's type, and rebuilding ``admin_units`` would mean switching foreign keys
    off outside the transaction. Editing the declared type in the schema is the in-place change SQLite
    documents for alterations that leave the stored records as they are: every value stays the same blob.
    """
    changed = False
    for table, geometry_type in FEATURE_TABLES.items():
        sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"), dict(t=table))
        typed = re.sub(r"\bgeom BLOB\b", f"geom {geometry_type}", sql or "")
        if typed != (sql or ""):
            if not changed:
                conn.exec_driver_sql("PRAGMA writable_schema = ON")
                changed = True
            conn.execute(text("UPDATE sqlite_master SET sql = :s WHERE type = 'table' AND name = :t"), dict(s=typed, t=table))
    if changed:
        version = conn.exec_driver_sql("PRAGMA schema_version").scalar()
        conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")  # other connections reload the schema
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def publish_layers(conn: Connection) -> None:
    """Create the level views and, on SQLite, make the store a conforming GeoPackage with every layer registered.

    Safe to run again: on a new store after ``create_all``, and to upgrade a store made by an older Jingkong.
    """
    create_views(conn)
    if conn.dialect.name != "sqlite":
        return
    initialise(conn)
    declare_geometry_types(conn)
    register_layers(conn)
    update_extents(conn)
