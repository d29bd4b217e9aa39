"""Spatial files through pyogrio (GDAL): GeoJSON, Shapefile (its ``.cpg`` names the encoding of the attributes;
without one GDAL's default applies, and ``encoding`` may be given), GeoPackage (a layer by name, else the first).

Geometries are reprojected to the store's EPSG:4490 with pyproj from whatever CRS the file declares; a file
that declares none is taken as longitude/latitude when its coordinates look so, and refused otherwise.
Features are streamed in batches (``skip_features``/``max_features``: pyogrio's Arrow stream would need pyarrow,
which the console does not ship), so a file of a million points costs the memory of one batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS, Transformer

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
        geoms = shapely.from_wkb(wkb) if wkb is not None else np.full(len(fields[0]) if fields else 0, None)
        return to_store_crs(np.asarray(geoms, dtype=object), self.crs), [f.tolist() for f in fields]

    def rows(self) -> Iterator[list[object]]:
        for skip in range(0, self.count, self.batch):
            geoms, columns = self._read(skip)
            for i, geom in enumerate(geoms):
                yield [*(cell_text(col[i]) for col in columns), geom]
