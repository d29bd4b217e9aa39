"""Spatial files through pyogrio (GDAL): GeoJSON, Shapefile (its ``.cpg`` names the encoding of the attributes;
without one GDAL's default applies, and ``encoding`` may be given), GeoPackage (a layer by name, else the first).

Geometries are reprojected to the store's EPSG:4490 with pyproj from whatever CRS the file declares; a file
that declares none is taken as longitude/latitude when its coordinates look so, and refused otherwise.
Features are streamed in batches, so a file of a million points costs the memory of one batch: GeoPackages and
Shapefiles through GDAL (``skip_features``/``max_features``: it seeks to a feature index; pyogrio's Arrow stream would
need pyarrow, which the console does not ship), GeoJSON in one pass of :mod:`geojson_stream` (GDAL cannot seek in
it, and re-read the file from its start for each batch), its property values typed as GDAL would type them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS, Transformer

from app.store.imports.geojson_stream import feature_batches
from app.store.imports.table_source import GEOMETRY, SourceError
from app.store.imports.xlsx_source import cell_text

STORE_CRS = CRS.from_epsg(4490)
SUFFIXES = (".geojson", ".json", ".shp", ".gpkg")
BATCH = 5_000


def to_store_crs(geoms: np.ndarray, crs: CRS | None) -> np.ndarray:
    """Geometries in ``crs`` (None: undeclared) as EPSG:4490 longitude/latitude."""
    if crs is None or crs.equals(STORE_CRS) or crs.to_epsg() == 4326:  # WGS 84 and CGCS2000 agree to centimetres
        return geoms
    transformer = Transformer.from_crs(crs, STORE_CRS, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def lonlat_of(x: np.ndarray, y: np.ndarray, crs: str) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates ``x``, ``y`` in ``crs`` (easting, northing: ``always_xy``) as EPSG:4490 longitude, latitude."""
    transformer = Transformer.from_crs(CRS.from_user_input(crs), STORE_CRS, always_xy=True)
    lon, lat = transformer.transform(np.asarray(x, float), np.asarray(y, float))
    return np.asarray(lon), np.asarray(lat)


class GeoSource:
    """A vector layer's attribute columns plus ``geometry``, read ``batch`` features at a time (GDAL seeks to a
    feature index in GeoPackages and Shapefiles; memory holds one batch whatever the file's size)."""

    def __init__(self, path: Path, layer: str | None = None, encoding: str | None = None, batch: int = BATCH) -> None:
        import pyogrio  # here, not at the top: it brings GDAL, geopandas and pandas (a second and a half at start)

        self.path, self.encoding, self.batch = path, encoding, max(1, batch)
        self.batches_read = 0
        self.passes = 0  # reads of the features from the file's start (GDAL's seeks count as one each)
        try:
            layers = [name for name, _ in pyogrio.list_layers(path)]
            if layer is not None and layer not in layers:
                raise SourceError(f"{path.name}: no layer {layer!r} (layers: {', '.join(layers)})")
            self.layer = layer or layers[0]
            info = pyogrio.read_info(path, layer=self.layer, encoding=encoding, force_feature_count=True)
        except pyogrio.errors.DataSourceError as exc:
            raise SourceError(f"{path.name}: not a readable spatial file ({str(exc).splitlines()[0]})") from None
        self.crs = CRS.from_user_input(info["crs"]) if info.get("crs") else None
        self.count = int(info["features"])
        self.columns = [str(c) for c in info["fields"]]
        self._streamed = info.get("driver") == "GeoJSON"
        self._typed = [_AS_GDAL.get(t, _plain) for t in info.get("ogr_types", [])]
        self.headers = [*self.columns, GEOMETRY]
        self.description = {"format": info.get("driver") or path.suffix.lstrip(".").upper(), "layer": self.layer,
                            "crs": self.crs.to_string() if self.crs else "EPSG:4490 (undeclared)",
                            "encoding": info.get("encoding") or ""}
        if self.crs is None and self.count:
            bounds = pyogrio.read_info(path, layer=self.layer, force_total_bounds=True).get("total_bounds")
            x0, y0, x1, y1 = bounds if bounds is not None else (0, 0, 0, 0)  # no geometries: nothing to tell
            if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
                raise SourceError(f"{path.name}: declares no coordinate system and its coordinates are not "
                                  "longitude/latitude")

    def _read(self, skip: int) -> tuple[np.ndarray, list[list[object]]]:
        """Geometries (EPSG:4490) and attribute columns of the features ``skip`` .. ``skip + batch``."""
        import pyogrio

        _, _, wkb, fields = pyogrio.raw.read(self.path, layer=self.layer, encoding=self.encoding, skip_features=skip,
                                             max_features=self.batch)
        self.batches_read += 1
        self.passes += 1
        geoms = shapely.from_wkb(wkb) if wkb is not None else np.full(len(fields[0]) if fields else 0, None)
        return to_store_crs(np.asarray(geoms, dtype=object), self.crs), [f.tolist() for f in fields]

    def rows(self) -> Iterator[list[object]]:
        return self.streamed_rows() if self._streamed else self.seeking_rows()

    def seeking_rows(self) -> Iterator[list[object]]:
        """The rows read through GDAL a batch at a time, each batch from its feature index (any format)."""
        for skip in range(0, self.count, self.batch):
            geoms, columns = self._read(skip)
            for i, geom in enumerate(geoms):
                yield [*(cell_text(col[i]) for col in columns), geom]

    def streamed_rows(self) -> Iterator[list[object]]:
        """The rows of a GeoJSON file in one pass, as :meth:`seeking_rows` gives them."""
        self.passes += 1
        for features in feature_batches(self.path, self.batch):
            self.batches_read += 1
            shapes = [f.get("geometry") for f in features]
            geoms = shapely.from_geojson(np.array([json.dumps(g) if g else None for g in shapes], dtype=object))
            geoms = to_store_crs(np.asarray(geoms, dtype=object), self.crs)
            for feature, geom in zip(features, geoms):
                props = feature.get("properties") or {}
                if "id" in feature and "id" not in props:  # GDAL makes a feature's own id a field when not an FID
                    props = {**props, "id": feature["id"]}
                yield [*(cell_text(typed(props.get(c))) for c, typed in zip(self.columns, self._typed)), geom]


def _plain(value: object) -> object:
    if isinstance(value, (dict, list)):  # GDAL keeps a nested value as JSON text
        return json.dumps(value, ensure_ascii=False)
    return value


def _parsed(parse: Callable[[str], object]) -> Callable[[object], object]:
    """A GDAL date, date-time or time field's value as GDAL reads it (text it cannot read stays text)."""
    def typed(value: object) -> object:
        try:
            return parse(value) if isinstance(value, str) else _plain(value)
        except ValueError:
            return value
    return typed


def _real(value: object) -> object:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else _plain(value)


def _date_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("/", "-")).replace(tzinfo=None)


_AS_GDAL: dict[str, Callable[[object], object]] = {
    "OFTDate": _parsed(lambda text: dt.date.fromisoformat(text.replace("/", "-"))),
    "OFTDateTime": _parsed(_date_time),
    "OFTTime": _parsed(dt.time.fromisoformat),
    "OFTReal": _real,
}
