"""Export layers (GeoPackage, GeoJSON, Shapefile via pyogrio/GDAL) and tables (CSV) from a store."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
from sqlalchemy import Select, inspect, select

from app.domain.places import PlaceKind
from app.store.geometry import STORE_SRID, decode_many, raw_geometry
from app.store.level_layers import LEVEL_LAYERS, layer_select
from app.store.store import Store
from app.store.tables import Base
from app.store.tables.cameras import Camera
from app.store.tables.facilities import Facility
from app.store.tables.places import Place

FORMATS = {".gpkg": "GPKG", ".geojson": "GeoJSON", ".json": "GeoJSON", ".shp": "ESRI Shapefile"}
_places = Place.__table__
# The admin levels export as the store publishes them (level_layers), so a file has the same columns.
_LAYERS: dict[str, Select] = {
    **{layer.name: layer_select(layer) for layer in LEVEL_LAYERS},
    "checkpoints": select(_places).where(_places.c.kind == int(PlaceKind.CHECKPOINT)),
    "places": select(_places),
    "cameras": select(Camera.__table__),
    "facilities": select(Facility.__table__),
}
LAYER_NAMES = tuple(_LAYERS)


def read_layer(store: Store, name: str) -> gpd.GeoDataFrame:
    """One named layer as a GeoDataFrame in EPSG:4490, in id order."""
    if name not in _LAYERS:
        raise ValueError(f"unknown layer {name!r} (layers: {', '.join(LAYER_NAMES)})")
    layer = _LAYERS[name].subquery()
    cols = [c for c in layer.c if c.name != "geom"]
    query = select(*cols, raw_geometry(layer.c.geom, store.dialect).label("geom")).order_by(cols[0])
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame([r[:-1] for r in rows], columns=[c.name for c in cols])
    return gpd.GeoDataFrame(frame, geometry=decode_many([r[-1] for r in rows]) if rows else [], crs=STORE_SRID)


def export_layer(store: Store, name: str, out: Path) -> int:
    """Write a layer to ``out``; the format follows the file extension. Returns the feature count."""
    driver = FORMATS.get(out.suffix.lower())
    if driver is None:
        raise ValueError(f"cannot tell the format of {out.name!r}: use .gpkg, .geojson or .shp")
    frame = read_layer(store, name)
    if driver == "ESRI Shapefile":  # dBASE field names are at most 10 characters
        frame = frame.rename(columns={c: c[:10] for c in frame.columns if c != "geometry"})
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_file(out, layer=name, driver=driver, engine="pyogrio")
    return len(frame)


def export_table(store: Store, name: str, out: Path) -> int:
    """Write a table (without geometry) to CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese)."""
    with store.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        if name not in Base.metadata.tables or name not in present:
            raise ValueError(f"unknown table {name!r} (tables: {', '.join(sorted(t for t in Base.metadata.tables if t in present))})")
        cols = [c.name for c in Base.metadata.tables[name].c if c.name != "geom"]
        frame = pd.read_sql(select(*[Base.metadata.tables[name].c[c] for c in cols]), conn, dtype_backend="numpy_nullable")
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False, encoding="utf-8-sig")
    return len(frame)
