"""Zones of an incident as sets of micro-grids: lockdown (封控区), control (管控区) and precaution (防范区).

The lockdown zone holds the grids of the case's home and visited places; the control and precaution zones the
grids within the catalogue's ring distances of it (grid boundaries in EPSG:4549 metres, 0 = touching). A grid is
in one zone only, the innermost that reaches it. Zones are edited by assigning grids (drawn or picked) to a kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import shapely

from app.models.admin_atlas import UnitLevel
from app.models.incident.catalogue import ZONE_KINDS, ZoneRules
from app.models.incident.errors import IncidentError


@dataclass(frozen=True)
class Zones:
    """grid codes per zone kind (``lockdown``, ``control``, ``precaution``), each sorted."""

    grids: dict[str, tuple[str, ...]]

    def kind_of(self, code: str) -> str | None:
        return next((k for k in ZONE_KINDS if code in self.grids.get(k, ())), None)

    def all_codes(self) -> list[str]:
        return [c for k in ZONE_KINDS for c in self.grids.get(k, ())]

    def assign(self, codes: Iterable[str], kind: str | None) -> Zones:
        """These grids moved to ``kind`` (None: out of every zone); the others stay where they were."""
        if kind is not None and kind not in ZONE_KINDS:
            raise IncidentError(f"unknown zone {kind!r} (zones: {', '.join(ZONE_KINDS)})")
        moved = set(codes)
        grids = {k: tuple(sorted(set(self.grids.get(k, ())) - moved | (moved if k == kind else set())))
                 for k in ZONE_KINDS}
        if not grids["lockdown"]:
            raise IncidentError("the lockdown zone would be empty: an incident needs at least one lockdown grid")
        return Zones(grids)

    def remove(self, codes: Iterable[str], kind: str) -> Zones:
        """The grids of ``codes`` that are in zone ``kind`` taken out of it (a drawn area over several zones
        leaves the other zones as they were)."""
        return self.assign([c for c in codes if c in self.grids.get(kind, ())], None)

    def to_json(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self.grids.items()}

    @classmethod
    def from_json(cls, raw: dict[str, list[str]]) -> Zones:
        return cls({k: tuple(sorted(raw.get(k, ()))) for k in ZONE_KINDS})


def draw_zones(grids: UnitLevel, seeds: Iterable[str], rules: ZoneRules) -> Zones:
    """Zones around the seed grids (the case's home and visited places) by the catalogue's rings."""
    rows = sorted({grids.index[c] for c in seeds if c in grids.index})
    if not rows:
        raise IncidentError("the case has no home grid and visited no place in a grid: the lockdown zone would be empty")
    core = grids.geoms[rows]

    def within(distance: float) -> set[int]:
        return set(grids.tree.query(core, predicate="dwithin", distance=distance)[1].tolist())

    lockdown = set(rows) | (within(rules.rings_m["lockdown"]) if rules.rings_m["lockdown"] > 0 else set())
    if lockdown != set(rows):
        core = grids.geoms[sorted(lockdown)]
    control = within(rules.rings_m["control"]) - lockdown
    precaution = within(rules.rings_m["precaution"]) - lockdown - control
    codes = grids.data.codes
    return Zones({"lockdown": tuple(sorted(codes[list(lockdown)])), "control": tuple(sorted(codes[list(control)])),
                  "precaution": tuple(sorted(codes[list(precaution)]))})


def zone_geometry(grids: UnitLevel, codes: Iterable[str]) -> shapely.Geometry:
    """The union of the grids (display CRS)."""
    rows = [grids.index[c] for c in codes if c in grids.index]
    return shapely.union_all(grids.geoms[rows]) if rows else shapely.Polygon()


def seal_points(grids: UnitLevel, zones: Zones) -> list[tuple[str, float, float]]:
    """One checkpoint on each stretch of the lockdown zone's boundary shared with a grid outside it: (lockdown grid
    code, x, y) in the display CRS, the point halfway along the shared stretch."""
    inside = set(zones.grids["lockdown"])
    out: list[tuple[str, float, float]] = []
    for code in zones.grids["lockdown"]:
        row = grids.index[code]
        geom = grids.geoms[row]
        for other in grids.tree.query(geom, predicate="intersects").tolist():
            if grids.data.codes[other] in inside:
                continue
            shared = shapely.intersection(shapely.boundary(geom), shapely.boundary(grids.geoms[other]))
            lines = [p for p in shapely.get_parts(shared) if p.geom_type == "LineString"]
            longest = max(lines, key=lambda line: line.length, default=None)
            if longest is not None and longest.length > 1.0:  # a shared edge (metres), not a corner
                point = shapely.line_interpolate_point(longest, 0.5, normalized=True)
                out.append((code, float(shapely.get_x(point)), float(shapely.get_y(point))))
    return out


def nearest(xs: np.ndarray, ys: np.ndarray, x: float, y: float, n: int) -> np.ndarray:
    """Indices of the ``n`` points nearest (x, y), nearest first."""
    if not len(xs) or n <= 0:
        return np.zeros(0, np.int64)
    order = np.argsort(np.hypot(xs - x, ys - y), kind="stable")
    return order[:n]
