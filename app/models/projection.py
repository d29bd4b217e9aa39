"""The display CRS: store coordinates (CGCS2000 geographic, EPSG:4490) to and from EPSG:4549 metres."""

from __future__ import annotations

from functools import cache

import numpy as np
import shapely
from pyproj import Transformer

STORE_CRS = "EPSG:4490"
DISPLAY_CRS = "EPSG:4549"  # CGCS2000 / 3-degree Gauss-Krüger CM 120E (northing first: always_xy)


@cache
def _forward() -> Transformer:
    return Transformer.from_crs(STORE_CRS, DISPLAY_CRS, always_xy=True)


@cache
def _inverse() -> Transformer:
    return Transformer.from_crs(DISPLAY_CRS, STORE_CRS, always_xy=True)


def to_display(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = _forward().transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.asarray(x), np.asarray(y)


def to_lonlat(x: float, y: float) -> tuple[float, float]:
    lon, lat = _inverse().transform(x, y)
    return float(lon), float(lat)


def geoms_to_display(geoms: np.ndarray) -> np.ndarray:
    """Project a shapely array, all vertices in one pyproj call."""
    return shapely.transform(geoms, lambda xy: np.column_stack(to_display(xy[:, 0], xy[:, 1])))


def geoms_to_store(geoms: np.ndarray) -> np.ndarray:
    """Project shapes drawn in the display CRS back to store coordinates, all vertices in one pyproj call."""
    return shapely.transform(geoms, lambda xy: np.column_stack(_inverse().transform(xy[:, 0], xy[:, 1])))
