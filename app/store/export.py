"""Export layers (GeoPackage, GeoJSON, Shapefile via pyogrio/GDAL) and tables (CSV) from a store.

Every frame goes out through :func:`public_frame`, which gives each column marked ``info={"export": …}`` in
the schema its public form: identity hashes never leave, identity numbers and names leave masked (so do
identity numbers written into free text by an older Jingkong, which did not mask them on the way in), birth days
as ten-year age bands (so no combination of exported columns narrows a person to a guessable identity
number). The identity-key fingerprint in ``jingkong_meta`` stays in the store too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Select, inspect, select

from app.domain.places import PlaceKind
from app.domain.spreadsheet import neutralise_formula
from app.store.geometry import STORE_SRID, decode_many, raw_geometry
from app.store.identity_key import FINGERPRINT_META
from app.store.level_layers import LEVEL_LAYERS, layer_select
from app.store.masking import age_bands, mask_identities_in, mask_identity, mask_name
from app.store.store import Store
from app.store.tables import Base
from app.store.tables.cameras import Camera
from app.store.tables.facilities import Facility
from app.store.tables.meta import Meta
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
PRIVATE_META = frozenset({FINGERPRINT_META})


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell of ``frame`` through :func:`neutralise_formula` (numbers stay numbers)."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(neutralise_formula, na_action="ignore")
    return out


def _age_band_column(values: pd.Series, on: dt.date) -> tuple[str, pd.Series]:
    return "age_band", pd.Series(age_bands(values.to_numpy(np.int64), on), index=values.index)


# export mark -> (column values, reference date) -> (public column name, public values)
PUBLIC_FORMS: dict[str, Callable[[pd.Series, dt.date], tuple[str, pd.Series]]] = {
    "identity": lambda v, _on: (v.name, v.map(mask_identity)),
    "name": lambda v, _on: (v.name, v.map(mask_name)),
    "age_band": _age_band_column,
    "free_text": lambda v, _on: (v.name, v.map(lambda t: mask_identities_in(t) if isinstance(t, str) else t)),
}


def reference_day(store: Store) -> dt.date:
    """The day ages are counted on in exports: the end of the store's period, else today."""
    end = store.meta().get("period_end")
    return dt.date.fromisoformat(end) if end else dt.date.today()


def export_mark(column: ColumnElement) -> str | None:
    """A column's export mark (``info={"export": …}`` on the schema column), also through views and subqueries."""
    for base in getattr(column, "base_columns", ()) or (column,):
        mark = getattr(base, "info", {}).get("export")
        if mark:
            return mark
    return None


def public_frame(store: Store, columns: list[ColumnElement], frame: pd.DataFrame, table_name: str = "") -> pd.DataFrame:
    """``frame`` (read from ``columns``) as it may leave the store: private columns dropped or masked."""
    marks = {c.name: export_mark(c) for c in columns}
    on = reference_day(store) if any(marks.values()) else None
    out = {}
    for name, mark in marks.items():
        if mark is None:
            out[name] = frame[name]
        elif mark != "never":
            public_name, values = PUBLIC_FORMS[mark](frame[name], on)
            out[public_name] = values
    public = pd.DataFrame(out, index=frame.index)
    if table_name == Meta.__tablename__:
        public = public[~public["key"].isin(PRIVATE_META)]
    return public


def read_layer(store: Store, name: str) -> gpd.GeoDataFrame:
    """One named layer as a GeoDataFrame in EPSG:4490, in id order."""
    if name not in _LAYERS:
        raise ValueError(f"unknown layer {name!r} (layers: {', '.join(LAYER_NAMES)})")
    layer = _LAYERS[name].subquery()
    cols = [c for c in layer.c if c.name != "geom"]
    query = select(*cols, raw_geometry(layer.c.geom, store.dialect).label("geom")).order_by(cols[0])
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = public_frame(store, cols, pd.DataFrame([r[:-1] for r in rows], columns=[c.name for c in cols]))
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
        table = Base.metadata.tables[name]
        cols = [c for c in table.c if c.name != "geom"]
        frame = pd.read_sql(select(*cols), conn, dtype_backend="numpy_nullable")
    frame = neutralise_frame(public_frame(store, cols, frame, table.name))
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False, encoding="utf-8-sig")
    return len(frame)
