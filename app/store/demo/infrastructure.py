"""Places, checkpoints, cameras, facilities and grid leaders of the demo county (the same at every scale)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from app.domain.admin import Level
from app.domain.cameras import CAMERA_KINDS
from app.domain.facilities import FacilityKind
from app.domain.places import PlaceKind
from app.store.demo.geography import Geography, to_geographic
from app.store.demo.names import masked_phones, person_names
from app.store.demo.people import CITIES, HOME_CITY, OUTBREAK_CITY_ID
from app.store.demo.sampling import points_in
from app.store.tables.places import CHECKPOINT_CATEGORIES, VENUE_CATEGORIES

N_VENUES = 12_000
N_CAMERAS = 18_000
N_SAMPLE_CAMERAS = 12  # cameras whose stream is the clip shipped in resources/samples
VENUE_ZH = {"market": "农贸市场", "supermarket": "超市", "restaurant": "饭店", "factory": "工厂", "school": "学校",
            "hospital": "医院", "office": "办公楼", "station": "车站", "hotel": "宾馆", "mall": "商场",
            "temple": "寺庙", "park": "公园"}
CHECKPOINT_ZH = {"highway": "高速卡口", "railway": "火车站卡口", "national_road": "国道卡口",
                 "provincial_road": "省道卡口", "port": "码头卡口"}
FACILITIES = {  # kind -> (count, zh name, capacity range)
    FacilityKind.TEST_SITE: (640, "核酸采样点", (300, 3000)),
    FacilityKind.LAB: (6, "检测实验室", (20_000, 80_000)),
    FacilityKind.VACCINATION_SITE: (120, "疫苗接种点", (200, 1500)),
    FacilityKind.QUARANTINE_HOTEL: (32, "集中隔离点", (60, 320)),
    FacilityKind.CLINIC: (420, "卫生院", (0, 0)),
    FacilityKind.PHARMACY: (900, "药店", (0, 0)),
}
# Approximate centres of the outside cities (lon, lat), for places where natives were scanned there.
CITY_CENTRES = {"上海": (121.47, 31.23), "杭州": (120.16, 30.27), "温州": (120.70, 28.00), "宁波": (121.55, 29.87)}


@dataclass
class Table:
    """Columns for one table, plus the geometry (projected) for feature tables."""

    columns: dict[str, np.ndarray]
    geoms_projected: np.ndarray | None = None

    def __len__(self) -> int:
        return len(next(iter(self.columns.values())))


@dataclass
class Infrastructure:
    places: Table
    place_town: np.ndarray  # town row per place (-1 outside the county)
    venue_rows: np.ndarray  # indices into places of the county's venues
    checkpoint_rows: np.ndarray
    outside_rows: dict[int, np.ndarray]  # city id -> indices of places in that city
    cameras: Table
    facilities: Table
    facility_town: np.ndarray
    grid_leaders: Table


def _grid_rows_weighted(rng: np.random.Generator, geo: Geography, n: int) -> np.ndarray:
    rows = geo.indices(Level.GRID)
    w = np.asarray(geo.resident_weight)[rows] + np.asarray(geo.floating_weight)[rows]
    return rows[rng.choice(len(rows), n, p=w / w.sum())]


def _town_of(geo: Geography, rows: np.ndarray) -> np.ndarray:
    parent = np.asarray(geo.parent)
    return parent[parent[rows]]


def _numbered(prefix: np.ndarray, suffix: np.ndarray) -> np.ndarray:
    """Names made unique by a running number where a name repeats."""
    names = np.char.add(prefix.astype(str), suffix.astype(str))
    _, inverse, counts = np.unique(names, return_inverse=True, return_counts=True)
    seen: dict[int, int] = {}
    out = []
    for name, k in zip(names.tolist(), inverse.tolist()):
        seen[k] = seen.get(k, 0) + 1
        out.append(name if counts[k] == 1 else f"{name}{seen[k]}号")
    return np.array(out, dtype=object)


def build_infrastructure(rng: np.random.Generator, geo: Geography) -> Infrastructure:
    geoms = np.asarray(geo.geoms, dtype=object)
    names = np.asarray(geo.name_zh, dtype=object)
    parent = np.asarray(geo.parent)

    # Venues in grids, busier grids have more; checkpoints on the edges of each town.
    vrows = _grid_rows_weighted(rng, geo, N_VENUES)
    vcat = rng.choice(len(VENUE_CATEGORIES), N_VENUES, p=np.array([10, 8, 22, 14, 5, 2, 10, 3, 4, 5, 2, 4]) / 89)
    vname = _numbered(names[parent[vrows]], np.array([VENUE_ZH[VENUE_CATEGORIES[c]] for c in vcat]))
    town_rows = geo.indices(Level.TOWN)
    ck_town = np.concatenate([town_rows, rng.choice(town_rows, 19)])
    ck_cat = rng.choice(len(CHECKPOINT_CATEGORIES), len(ck_town), p=[0.35, 0.15, 0.2, 0.2, 0.1])
    ck_name = _numbered(names[ck_town], np.array([CHECKPOINT_ZH[CHECKPOINT_CATEGORIES[c]] for c in ck_cat]))
    boundary_pts = shapely.line_interpolate_point(shapely.boundary(geoms[ck_town]), rng.random(len(ck_town)), normalized=True)
    inner = shapely.get_coordinates(shapely.line_interpolate_point(
        shapely.shortest_line(boundary_pts, shapely.centroid(geoms[ck_town])), 0.05, normalized=True))
    ck_grid = _grid_containing(geo, inner)

    outside_names, outside_city, outside_xy = [], [], []
    for city, (lon, lat) in CITY_CENTRES.items():
        cid = next(i + 1 for i, c in enumerate(CITIES) if c[0] == city)
        k = 160 if cid == OUTBREAK_CITY_ID else 30
        outside_names += [f"{city}{VENUE_ZH[VENUE_CATEGORIES[c]]}{i + 1}号" for i, c in enumerate(rng.integers(0, 12, k))]
        outside_city += [cid] * k
        outside_xy.append(np.column_stack([lon + rng.normal(0, 0.05, k), lat + rng.normal(0, 0.04, k)]))
    n_out = len(outside_names)

    venue_xy = points_in(rng, geoms, vrows)
    n_places = N_VENUES + len(ck_town) + n_out
    place_geoms = np.concatenate([
        to_geographic(shapely.points(venue_xy)), to_geographic(shapely.points(inner)),
        shapely.points(np.vstack(outside_xy)),
    ])
    places = Table({
        "id": np.arange(1, n_places + 1),
        "kind": np.concatenate([np.full(N_VENUES, PlaceKind.VENUE), np.full(len(ck_town), PlaceKind.CHECKPOINT), np.full(n_out, PlaceKind.VENUE)]).astype(np.int64),
        "category": np.concatenate([np.array(VENUE_CATEGORIES)[vcat], np.array(CHECKPOINT_CATEGORIES)[ck_cat], np.full(n_out, "other")]).astype(object),
        "name": np.concatenate([vname, ck_name, np.array(outside_names, dtype=object)]),
        "grid_id": np.concatenate([vrows + 1, ck_grid + 1, np.full(n_out, -1)]).astype(object),
        "city_id": np.concatenate([np.full(N_VENUES + len(ck_town), HOME_CITY), outside_city]),
    }, place_geoms)
    places.columns["grid_id"][N_VENUES + len(ck_town):] = None
    place_town = np.concatenate([_town_of(geo, vrows), ck_town, np.full(n_out, -1)])
    outside = np.arange(N_VENUES + len(ck_town), n_places)
    outside_city_arr = np.asarray(outside_city)

    cameras = _cameras(rng, geo, geoms)
    facilities, facility_town = _facilities(rng, geo, geoms)
    grids = geo.indices(Level.GRID)
    leaders = Table({
        "id": np.arange(1, len(grids) + 1),
        "grid_id": grids + 1,
        "name": person_names(rng, len(grids)),
        "phone_masked": masked_phones(rng, len(grids)),
    })
    return Infrastructure(
        places=places, place_town=place_town, venue_rows=np.arange(N_VENUES),
        checkpoint_rows=np.arange(N_VENUES, N_VENUES + len(ck_town)),
        outside_rows={int(c): outside[outside_city_arr == c] for c in np.unique(outside_city_arr)},
        cameras=cameras, facilities=facilities, facility_town=facility_town, grid_leaders=leaders,
    )


def _grid_containing(geo: Geography, xy: np.ndarray) -> np.ndarray:
    grids = geo.indices(Level.GRID)
    tree = shapely.STRtree(np.asarray(geo.geoms, dtype=object)[grids])
    pts = shapely.points(xy)
    hit = tree.query(pts, predicate="intersects")
    out = np.full(len(xy), -1)
    out[hit[0]] = grids[hit[1]]
    missing = out < 0
    if missing.any():
        out[missing] = grids[tree.nearest(pts[missing])]
    return out


def _cameras(rng: np.random.Generator, geo: Geography, geoms: np.ndarray) -> Table:
    rows = _grid_rows_weighted(rng, geo, N_CAMERAS)
    town = _town_of(geo, rows)
    codes = np.array([f"YQ{geo.code[t][-3:]}{i:06d}" for i, t in enumerate(town)], dtype=object)
    kind = rng.choice(len(CAMERA_KINDS), N_CAMERAS, p=[0.45, 0.35, 0.1, 0.08, 0.02])
    status = rng.choice(3, N_CAMERAS, p=[0.93, 0.05, 0.02])
    urls = np.array([f"rtsp://10.66.{int(geo.code[t][-3:])}.{i % 250 + 1}:554/live/{c}" for i, (t, c) in enumerate(zip(town, codes))], dtype=object)
    sample = rng.choice(N_CAMERAS, N_SAMPLE_CAMERAS, replace=False)
    urls[sample] = "sample://camera_demo.mp4"
    status[sample] = 0
    kind_zh = np.array(["球机", "枪机", "人脸抓拍", "车牌识别", "热成像"])
    names = np.char.add(np.asarray(geo.name_zh, dtype=object)[rows].astype(str), kind_zh[kind]).astype(object)
    return Table({
        "id": np.arange(1, N_CAMERAS + 1), "code": codes, "name": names, "kind": kind, "status": status,
        "stream_url": urls, "grid_id": rows + 1,
    }, to_geographic(shapely.points(points_in(rng, geoms, rows))))


def _facilities(rng: np.random.Generator, geo: Geography, geoms: np.ndarray) -> tuple[Table, np.ndarray]:
    kinds, names, capacity, rows_all, fever = [], [], [], [], []
    names_zh = np.asarray(geo.name_zh, dtype=object)
    for kind, (count, zh, (lo, hi)) in FACILITIES.items():
        rows = _grid_rows_weighted(rng, geo, count)
        kinds.append(np.full(count, int(kind)))
        names.append(_numbered(names_zh[np.asarray(geo.parent)[rows]], np.full(count, zh)))
        capacity.append(rng.integers(lo, hi + 1, count) if hi else np.zeros(count, np.int64))
        fever.append((rng.random(count) < 0.08) if kind == FacilityKind.CLINIC else np.zeros(count, bool))
        rows_all.append(rows)
    rows = np.concatenate(rows_all)
    n = len(rows)
    table = Table({
        "id": np.arange(1, n + 1), "kind": np.concatenate(kinds), "name": np.concatenate(names),
        "capacity": np.concatenate(capacity), "fever_clinic": np.concatenate(fever), "grid_id": rows + 1,
    }, to_geographic(shapely.points(points_in(rng, geoms, rows))))
    return table, _town_of(geo, rows)
