"""Where things are: one interface for the spatial questions, answered by PostGIS on a command-centre store and
by shapely on the embedded one — with the same answers (ids) on both.

- :meth:`Spatial.grids_in`, :meth:`~Spatial.places_in`, :meth:`~Spatial.facilities_in`, :meth:`~Spatial.persons_in`:
  what a drawn polygon (store coordinates, EPSG:4490) holds. A feature *is in* the polygon when it intersects it,
  boundary included (a point on the edge counts; a grid that only touches the edge counts) — PostGIS
  ``ST_Intersects`` with the GiST index, shapely ``intersects`` on SQLite. Parts of the polygon outside the county
  hold nothing; a polygon wholly outside holds nothing.
- :meth:`Spatial.grid_at`: the micro-grid a point routes to. A point on the boundary of several grids goes to the
  one with the **lowest code**; a point outside every grid to none.
- :meth:`Spatial.nearest_cameras`: the ``n`` cameras nearest a point (and/or within ``radius_m``), nearest first,
  ties by id. Distances are geodesic metres on the GRS80 ellipsoid (CGCS2000's), computed the same way on both
  backends; PostGIS only narrows the candidates (KNN ``<->`` then ``ST_DWithin``, both on the GiST index).

People are limited to what the store's principal may see: row-level security on PostgreSQL, the home grid's code
under the principal's unit on the embedded store.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from pyproj import Geod
from sqlalchemy import text

from app.domain.admin import Level
from app.domain.roles import COUNTY_CODE, code_range
from app.store.geometry import STORE_SRID
from app.store.queries.admin import load_level
from app.store.queries.points import load_cameras, load_facilities, load_places
from app.store.store import Store

_GEOD = Geod(ellps="GRS80")
# Below 60° of latitude a degree in any direction is more than 55.6 km of ground (cos 60° × 111.3 km): a circle of
# r metres lies inside a circle of r / 55 000 degrees, so candidates within that many degrees miss no camera.
_METRES_PER_DEGREE_AT_LEAST = 55_000.0


@dataclass(frozen=True)
class Nearest:
    """Cameras nearest a point, nearest first: ids and geodesic distances in metres."""

    ids: np.ndarray
    distance_m: np.ndarray


def _ranked(ids: np.ndarray, lon: np.ndarray, lat: np.ndarray, x: float, y: float, n: int | None,
            radius_m: float | None) -> Nearest:
    """The one ranking both backends use: geodesic metres from (x, y), ties by id, within the radius, first n."""
    if not len(ids):
        return Nearest(np.zeros(0, np.int64), np.zeros(0))
    _az, _back, d = _GEOD.inv(np.full(len(ids), x), np.full(len(ids), y), lon, lat)
    d = np.asarray(d, float)
    order = np.lexsort((ids, d))
    if radius_m is not None:
        order = order[d[order] <= radius_m]
    if n is not None:
        order = order[:n]
    return Nearest(ids[order].astype(np.int64), d[order])


def _check_query(n: int | None, radius_m: float | None) -> None:
    if n is None and radius_m is None:
        raise ValueError("ask for the n nearest cameras, or those within a radius, or both")
    if n is not None and n < 1:
        raise ValueError(f"n must be at least 1 (got {n})")
    if radius_m is not None and not radius_m >= 0:
        raise ValueError(f"the radius must be 0 m or more (got {radius_m})")


class Spatial:
    """The spatial questions of one store; :func:`spatial_of` picks the implementation for its backend."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def grids_in(self, area: shapely.Geometry) -> np.ndarray:
        """Ids of the micro-grids the area intersects, ascending."""
        raise NotImplementedError

    def places_in(self, area: shapely.Geometry) -> np.ndarray:
        """Ids of the venues and checkpoints in the area (boundary included), ascending."""
        raise NotImplementedError

    def facilities_in(self, area: shapely.Geometry) -> np.ndarray:
        raise NotImplementedError

    def persons_in(self, area: shapely.Geometry) -> np.ndarray:
        """Ids of the people (that the principal may see) whose home grid the area intersects, ascending."""
        raise NotImplementedError

    def grid_at(self, lon: float, lat: float) -> int | None:
        """The id of the micro-grid the point routes to (lowest code on a shared boundary), or None outside."""
        raise NotImplementedError

    def nearest_cameras(self, lon: float, lat: float, n: int | None = 10, radius_m: float | None = None) -> Nearest:
        raise NotImplementedError


class PostgisSpatial(Spatial):
    """Each question is one indexed query (GiST on every geometry column); the polygon travels as WKB."""

    def _ids(self, sql: str, **params: object) -> np.ndarray:
        with self.store.engine.connect() as conn:
            return np.asarray(conn.execute(text(sql), params).scalars().all(), np.int64)

    def _in(self, table: str, area: shapely.Geometry, extra: str = "") -> np.ndarray:
        return self._ids(f"SELECT id FROM {table} WHERE ST_Intersects(geom, ST_GeomFromWKB(:area, {STORE_SRID}))"
                         f"{extra} ORDER BY id", area=shapely.to_wkb(area))

    def grids_in(self, area: shapely.Geometry) -> np.ndarray:
        return self._in("admin_units", area, f" AND level = {int(Level.GRID)}")

    def places_in(self, area: shapely.Geometry) -> np.ndarray:
        return self._in("places", area)

    def facilities_in(self, area: shapely.Geometry) -> np.ndarray:
        return self._in("facilities", area)

    def persons_in(self, area: shapely.Geometry) -> np.ndarray:
        return self._ids(f"SELECT p.id FROM persons p JOIN admin_units g ON g.id = p.home_grid_id "
                         f"WHERE g.level = {int(Level.GRID)} AND ST_Intersects(g.geom, ST_GeomFromWKB(:area, "
                         f"{STORE_SRID})) ORDER BY p.id", area=shapely.to_wkb(area))

    def grid_at(self, lon: float, lat: float) -> int | None:
        found = self._ids(f"SELECT id FROM admin_units WHERE level = {int(Level.GRID)} AND ST_Intersects(geom, "
                          f"ST_SetSRID(ST_MakePoint(:x, :y), {STORE_SRID})) ORDER BY code LIMIT 1", x=lon, y=lat)
        return int(found[0]) if len(found) else None

    def nearest_cameras(self, lon: float, lat: float, n: int | None = 10, radius_m: float | None = None) -> Nearest:
        _check_query(n, radius_m)
        point = f"ST_SetSRID(ST_MakePoint(:x, :y), {STORE_SRID})"
        columns = "SELECT id, ST_X(geom), ST_Y(geom) FROM cameras"
        with self.store.engine.connect() as conn:
            reach_m = radius_m
            if n is not None:  # the n nearest in degrees (KNN): the n-th of them in metres bounds the true n-th
                knn = conn.execute(text(f"{columns} ORDER BY geom <-> {point} LIMIT :n"),
                                   {"x": lon, "y": lat, "n": n}).all()
                if not knn:
                    return _ranked(np.zeros(0, np.int64), np.zeros(0), np.zeros(0), lon, lat, n, radius_m)
                ids, xs, ys = (np.asarray(c) for c in zip(*knn))
                bound = float(_ranked(ids, xs, ys, lon, lat, None, None).distance_m[-1])
                reach_m = bound if radius_m is None else min(bound, radius_m)
            rows = conn.execute(text(f"{columns} WHERE ST_DWithin(geom, {point}, :deg)"),
                                {"x": lon, "y": lat, "deg": reach_m / _METRES_PER_DEGREE_AT_LEAST}).all()
        cols = [np.asarray(c) for c in zip(*rows)] if rows else [np.zeros(0, np.int64), np.zeros(0), np.zeros(0)]
        return _ranked(cols[0].astype(np.int64), cols[1].astype(float), cols[2].astype(float), lon, lat, n, radius_m)


class ShapelySpatial(Spatial):
    """The embedded store has no spatial index of its own: each table's geometry is read once (on first use) into
    shapely arrays and an STRtree, and asked in memory."""

    @cached_property
    def _grids(self) -> tuple[np.ndarray, np.ndarray, shapely.STRtree]:
        grids = load_level(self.store, Level.GRID)
        return grids.ids, grids.codes.astype(str), shapely.STRtree(grids.geoms)

    @cached_property
    def _places(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        places = load_places(self.store)
        return places.ids, places.lon, places.lat

    @cached_property
    def _facilities(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        facilities = load_facilities(self.store)
        return facilities.ids, facilities.lon, facilities.lat

    @cached_property
    def _cameras(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        cameras = load_cameras(self.store)
        return cameras.ids, cameras.lon, cameras.lat

    def grids_in(self, area: shapely.Geometry) -> np.ndarray:
        ids, _codes, tree = self._grids
        return np.sort(ids[tree.query(area, predicate="intersects")])

    @staticmethod
    def _points_in(points: tuple[np.ndarray, np.ndarray, np.ndarray], area: shapely.Geometry) -> np.ndarray:
        ids, lon, lat = points
        return np.sort(ids[shapely.intersects_xy(area, lon, lat)]) if len(ids) else np.zeros(0, np.int64)

    def places_in(self, area: shapely.Geometry) -> np.ndarray:
        return self._points_in(self._places, area)

    def facilities_in(self, area: shapely.Geometry) -> np.ndarray:
        return self._points_in(self._facilities, area)

    def persons_in(self, area: shapely.Geometry) -> np.ndarray:
        grids = self.grids_in(area)
        if not len(grids):
            return np.zeros(0, np.int64)
        sql = (f"SELECT p.id FROM persons p JOIN admin_units g ON g.id = p.home_grid_id "
               f"WHERE p.home_grid_id IN ({','.join(str(int(g)) for g in grids)})")
        params: dict[str, str] = {}
        scope = self.store.principal.scope
        if scope != COUNTY_CODE:  # what row-level security keeps from a unit operator on PostgreSQL
            sql += " AND g.code >= :low AND g.code < :high"
            params["low"], params["high"] = code_range(scope)
        with self.store.engine.connect() as conn:
            return np.asarray(conn.execute(text(sql + " ORDER BY p.id"), params).scalars().all(), np.int64)

    def grid_at(self, lon: float, lat: float) -> int | None:
        ids, codes, tree = self._grids
        hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
        return int(ids[hits[np.argmin(codes[hits])]]) if len(hits) else None

    def nearest_cameras(self, lon: float, lat: float, n: int | None = 10, radius_m: float | None = None) -> Nearest:
        _check_query(n, radius_m)
        ids, xs, ys = self._cameras
        return _ranked(ids, xs, ys, lon, lat, n, radius_m)


def spatial_of(store: Store) -> Spatial:
    """PostGIS answers on a PostgreSQL store, shapely on the embedded one."""
    return PostgisSpatial(store) if store.dialect == "postgresql" else ShapelySpatial(store)
