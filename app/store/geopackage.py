"""Register the store's feature tables as GeoPackage layers, so GDAL and QGIS open the file as it is.

The SQLite store is a GeoPackage 1.4: application id ``GPKG``, the metadata tables the standard asks for,
and one ``gpkg_contents``/``gpkg_geometry_columns`` row per feature table.
"""

from __future__ import annotations

from pyproj import CRS
from sqlalchemy import Connection, text

from app.store.geometry import STORE_SRID

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


def register_layer(conn: Connection, table: str, geometry_type: str, description: str = "") -> None:
    """Declare ``table.geom`` a feature layer; its extent is taken from the rows it holds now."""
    conn.execute(
        text(
            "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
            "VALUES (:t, 'features', :t, :d, :s)"
        ),
        dict(t=table, d=description, s=STORE_SRID),
    )
    conn.execute(
        text("INSERT OR REPLACE INTO gpkg_geometry_columns VALUES (:t, 'geom', :g, :s, 0, 0)"),
        dict(t=table, g=geometry_type, s=STORE_SRID),
    )


def update_extent(conn: Connection, table: str, bounds: tuple[float, float, float, float]) -> None:
    conn.execute(
        text("UPDATE gpkg_contents SET min_x=:a, min_y=:b, max_x=:c, max_y=:d WHERE table_name=:t"),
        dict(a=bounds[0], b=bounds[1], c=bounds[2], d=bounds[3], t=table),
    )
