"""The schematic county: outline, 25 real township units, 514 villages and 7,977 micro-grids.

Everything is built in the projected CRS (EPSG:4549, metres). The outline is a schematic of Yueqing
(示意图 — not an official boundary); towns are Voronoi cells of their approximate seats clipped to it;
villages and grids are Lloyd-relaxed Voronoi partitions of their parent, so each level tiles the one above
exactly. Grid counts follow population, so plains get many small grids and mountains a few large ones.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer

from app.domain.admin import Level
from app.store.demo.apportion import apportion
from app.store.demo.names import village_names

PROJECTED_EPSG = 4549
TOWNS_CSV = Path(__file__).resolve().parents[3] / "resources" / "yueqing_towns.csv"
N_VILLAGES = 514
N_GRIDS = 7977
N_TOWN_ATOMS = 2500
COUNTY_AREA_KM2 = 1390.0
SCHEMATIC_NOTE = "示意图 · schematic boundary, not an official boundary"

# A hand-drawn schematic of the county (lon, lat): the Ou River estuary in the south, Yueqing Bay on
# the east, the Yandang mountains in the north. Clockwise from the south-west.
OUTLINE_LONLAT = [
    (120.78, 28.02), (120.80, 27.99), (120.85, 27.965), (120.90, 27.955), (120.95, 27.985), (120.99, 28.04),
    (121.03, 28.09), (121.07, 28.14), (121.10, 28.20), (121.13, 28.26), (121.18, 28.30), (121.23, 28.33),
    (121.25, 28.37), (121.22, 28.43), (121.17, 28.48), (121.11, 28.53), (121.05, 28.54), (120.99, 28.50),
    (120.94, 28.45), (120.90, 28.38), (120.86, 28.31), (120.84, 28.22), (120.81, 28.14), (120.78, 28.08),
]
# Floating residents (新居民) gather in the industrial plains; mountain units have few.
FLOATING_FACTOR = {"urban": 0.45, "plain": 0.55, "coast": 0.25, "mountain": 0.08}
INDUSTRIAL = {"柳市镇": 2.2, "虹桥镇": 1.6, "北白象镇": 1.8, "翁垟街道": 1.3}


@dataclass(frozen=True)
class TownSeed:
    code: str
    name_zh: str
    name_pinyin: str
    kind: str
    lon: float
    lat: float
    terrain: str
    pop_weight: float


@dataclass
class Geography:
    """All units in one order (county, towns, villages, grids); ``parent`` indexes into the same order."""

    level: list[int] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    name_zh: list[str] = field(default_factory=list)
    name_pinyin: list[str] = field(default_factory=list)
    kind: list[str | None] = field(default_factory=list)
    terrain: list[str | None] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    geoms: list[shapely.Geometry] = field(default_factory=list)  # EPSG:4549
    resident_weight: list[float] = field(default_factory=list)
    floating_weight: list[float] = field(default_factory=list)

    def add(self, level: Level, code: str, name_zh: str, name_pinyin: str, kind: str | None,
            terrain: str | None, parent: int, geom: shapely.Geometry, resident: float, floating: float) -> int:
        self.level.append(int(level))
        self.code.append(code)
        self.name_zh.append(name_zh)
        self.name_pinyin.append(name_pinyin)
        self.kind.append(kind)
        self.terrain.append(terrain)
        self.parent.append(parent)
        self.geoms.append(geom)
        self.resident_weight.append(resident)
        self.floating_weight.append(floating)
        return len(self.level) - 1

    def indices(self, level: Level) -> np.ndarray:
        return np.flatnonzero(np.asarray(self.level) == int(level))


def read_towns(path: Path = TOWNS_CSV) -> list[TownSeed]:
    with open(path, encoding="utf-8") as f:
        return [TownSeed(r["code"], r["name_zh"], r["name_pinyin"], r["kind"], float(r["seed_lon"]),
                         float(r["seed_lat"]), r["terrain"], float(r["pop_weight"])) for r in csv.DictReader(f)]


def to_projected() -> Transformer:
    return Transformer.from_crs(4490, PROJECTED_EPSG, always_xy=True)


def to_geographic(geoms: np.ndarray) -> np.ndarray:
    """Projected (EPSG:4549) geometries to store coordinates (EPSG:4490)."""
    back = Transformer.from_crs(PROJECTED_EPSG, 4490, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(back.transform(xy[:, 0], xy[:, 1])))


def county_outline() -> shapely.Polygon:
    """The schematic outline, roughened along its edges and scaled to the county's land area."""
    fwd = to_projected()
    x, y = fwd.transform(*zip(*OUTLINE_LONLAT))
    poly = shapely.segmentize(shapely.Polygon(zip(x, y)), 1200.0)
    ring = shapely.get_coordinates(poly.exterior)[:-1]
    t = np.linspace(0, 2 * np.pi, len(ring), endpoint=False)
    wobble = 700 * np.sin(7 * t) + 450 * np.sin(17 * t + 1.3) + 250 * np.sin(41 * t + 0.4)
    centre = ring.mean(axis=0)
    radial = (ring - centre) / np.linalg.norm(ring - centre, axis=1)[:, None]
    rough = shapely.make_valid(shapely.Polygon(ring + radial * wobble[:, None]))
    rough = max(shapely.get_parts(rough), key=lambda g: g.area) if rough.geom_type != "Polygon" else rough
    factor = np.sqrt(COUNTY_AREA_KM2 * 1e6 / rough.area)
    c = rough.centroid
    return shapely.affinity.scale(rough, factor, factor, origin=c)


def _polygonal(geom: shapely.Geometry) -> shapely.MultiPolygon:
    parts = shapely.get_parts(shapely.get_parts(geom))  # twice: a collection may hold multipolygons
    return shapely.MultiPolygon([p for p in parts if p.geom_type == "Polygon" and not p.is_empty])


def _random_points(poly: shapely.Geometry, n: int, rng: np.random.Generator) -> np.ndarray:
    minx, miny, maxx, maxy = poly.bounds
    found = np.empty((0, 2))
    shapely.prepare(poly)
    while len(found) < n:
        cand = rng.uniform((minx, miny), (maxx, maxy), size=(max(4 * n, 16), 2))
        found = np.vstack([found, cand[shapely.contains_xy(poly, cand[:, 0], cand[:, 1])]])
    return found[:n]


def _cells(points: np.ndarray, poly: shapely.Geometry) -> np.ndarray:
    diagram = shapely.voronoi_polygons(shapely.MultiPoint(points), extend_to=poly, ordered=True)
    return shapely.intersection(shapely.get_parts(diagram), poly)


def partition(poly: shapely.Geometry, n: int, rng: np.random.Generator, relax: int = 2) -> list[shapely.MultiPolygon]:
    """Split ``poly`` into ``n`` compact cells that tile it exactly."""
    if n == 1:
        return [_polygonal(poly)]
    points = _random_points(poly, n, rng)
    cells = _cells(points, poly)
    for _ in range(relax):
        centroids = shapely.centroid(cells)
        inside = shapely.contains(poly, centroids)
        fallback = shapely.point_on_surface(cells)
        moved = np.where(inside, centroids, fallback)
        points = shapely.get_coordinates(moved)
        cells = _cells(points, poly)
    return [_polygonal(c) for c in cells]


def town_partition(county: shapely.Geometry, towns: list[TownSeed]) -> np.ndarray:
    """Town cells with natural, irregular borders: small "atoms" of land go to the nearest town seat.

    Plain Voronoi cells of the seats would have ruler-straight borders; dissolving atoms follows their
    edges instead. The atoms come from a fixed stream, so town borders are the same for every seed.
    """
    fwd = to_projected()
    sx, sy = fwd.transform([t.lon for t in towns], [t.lat for t in towns])
    seats = np.column_stack([sx, sy])
    atoms = np.asarray(partition(county, N_TOWN_ATOMS, np.random.default_rng(N_TOWN_ATOMS), relax=1), dtype=object)
    centres = shapely.get_coordinates(shapely.point_on_surface(atoms))
    distance = np.linalg.norm(centres[:, None, :] - seats[None, :, :], axis=2)
    owner = np.argmin(distance, axis=1)
    return np.array([shapely.coverage_union_all(atoms[owner == t]) for t in range(len(towns))], dtype=object)


def _village_numbering(town: TownSeed, n: int, rng: np.random.Generator) -> list[tuple[str, bool]]:
    """(3-digit code, is community) per village: NBS numbers communities from 001 and villages from 201."""
    n_comm = int(round(n * 0.7)) if town.kind == "subdistrict" else min(2, n // 8)
    return [(f"{i + 1:03d}", True) for i in range(n_comm)] + [(f"{201 + i:03d}", False) for i in range(n - n_comm)]


def build_geography(seed: int) -> Geography:
    """The whole hierarchy for one seed (outline and town cells are the same for every seed)."""
    rng = np.random.default_rng([seed, 20220401])
    towns = read_towns()
    county = county_outline()
    geo = Geography()
    county_i = geo.add(Level.COUNTY, "330382", "乐清市", "Yueqing", "county", None, -1, _polygonal(county), 0, 0)

    town_cells = town_partition(county, towns)
    areas = shapely.area(town_cells) / 1e6
    pops = np.array([t.pop_weight for t in towns])
    n_villages = apportion(np.sqrt(pops * areas), N_VILLAGES, minimum=3)
    n_grids = apportion(pops, N_GRIDS, minimum=np.maximum(n_villages, 1))

    for town, cell, nv, ng in zip(towns, town_cells, n_villages, n_grids):
        floating_factor = FLOATING_FACTOR[town.terrain] * INDUSTRIAL.get(town.name_zh, 1.0)
        town_i = geo.add(Level.TOWN, town.code, town.name_zh, town.name_pinyin, town.kind, town.terrain,
                         county_i, _polygonal(cell), town.pop_weight, town.pop_weight * floating_factor)
        village_cells = partition(cell, int(nv), rng)
        village_pop = rng.lognormal(0.0, 0.45, int(nv))
        village_pop /= village_pop.sum()
        grids_per_village = apportion(village_pop, int(ng), minimum=1)
        names = village_names(rng, int(nv), community=False)
        for (vcode, community), vcell, vpop, vg, (vname, vpinyin) in zip(
            _village_numbering(town, int(nv), rng), village_cells, village_pop, grids_per_village, names
        ):
            if community:
                vname, vpinyin = vname[:-1] + "社区", vpinyin.replace("Village", "Community")
            village_code = town.code + vcode
            res, flo = town.pop_weight * vpop, town.pop_weight * vpop * floating_factor
            village_i = geo.add(Level.VILLAGE, village_code, vname, vpinyin, "community" if community else "village",
                                town.terrain, town_i, vcell, res, flo)
            grid_share = rng.lognormal(0.0, 0.2, int(vg))
            grid_share /= grid_share.sum()
            for g, (gcell, share) in enumerate(zip(partition(vcell, int(vg), rng, relax=1), grid_share)):
                geo.add(Level.GRID, f"{village_code}{g + 1:03d}", f"{vname}第{g + 1}网格", f"{vpinyin} Grid {g + 1}",
                        "grid", town.terrain, village_i, gcell, res * share, flo * share)
    return geo
