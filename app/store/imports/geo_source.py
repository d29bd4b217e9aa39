"""Spatial files through pyogrio (GDAL): GeoJSON, Shapefile (its ``.cpg`` names the encoding of the attributes;
without one GDAL's default applies, and ``encoding`` may be given), GeoPackage (a layer by name, else the first).

Geometries are reprojected to the store's EPSG:4490 with pyproj from whatever CRS the file declares; a file
that declares none is taken as longitude/latitude when its coordinates look so, and refused otherwise.
Spatial files are boundaries and points (thousands of features): they are read whole.
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


def to_store_crs(geoms: np.ndarray, crs: CRS | None) -> np.ndarray:
    """Geometries in ``crs`` (None: undeclared) as EPSG:4490 longitude/latitude."""
    if crs is None or crs.equals(STORE_CRS) or crs.to_epsg() == 4326:  # WGS 84 and CGCS2000 agree to centimetres
        return geoms
    transformer = Transformer.from_crs(crs, STORE_CRS, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


class GeoSource:
    """A vector layer's attribute columns plus ``geometry``."""

    def __init__(self, path: Path, layer: str | None = None, encoding: str | None = None) -> None:
        import pyogrio  # here, not at the top: it brings GDAL, geopandas and pandas (a second and a half at start)

        self.path = path
        try:
            layers = [name for name, _ in pyogrio.list_layers(path)]
            if layer is not None and layer not in layers:
                raise SourceError(f"{path.name}: no layer {layer!r} (layers: {', '.join(layers)})")
            self.layer = layer or layers[0]
            info = pyogrio.read_info(path, layer=self.layer, encoding=encoding)
            frame = pyogrio.read_dataframe(path, layer=self.layer, encoding=encoding)
        except pyogrio.errors.DataSourceError as exc:
            raise SourceError(f"{path.name}: not a readable spatial file ({str(exc).splitlines()[0]})") from None
        crs = CRS.from_user_input(info["crs"]) if info.get("crs") else None
        geoms = np.asarray(frame.geometry.values, dtype=object) if "geometry" in frame else np.full(len(frame), None)
        if crs is None and len(geoms) and not _looks_geographic(geoms):
            raise SourceError(f"{path.name}: declares no coordinate system and its coordinates are not longitude/latitude")
        self.geoms = to_store_crs(geoms, crs)
        self.columns = [c for c in frame.columns if c != "geometry"]
        self._frame = frame[self.columns]
        self.headers = [*self.columns, GEOMETRY]
        self.description = {"format": info.get("driver") or path.suffix.lstrip(".").upper(), "layer": self.layer,
                            "crs": crs.to_string() if crs else "EPSG:4490 (undeclared)",
                            "encoding": info.get("encoding") or ""}

    def rows(self) -> Iterator[list[object]]:
        columns = [self._frame[c].tolist() for c in self.columns]
        for i, geom in enumerate(self.geoms):
            yield [*(cell_text(col[i]) for col in columns), geom]


def _looks_geographic(geoms: np.ndarray) -> bool:
    present = geoms[~shapely.is_missing(geoms)]
    if not len(present):
        return True
    x0, y0, x1, y1 = shapely.total_bounds(present)
    return -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90
