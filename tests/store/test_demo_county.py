"""The demo county: hierarchy, topology, determinism, identity protection, GeoPackage validity."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import Transformer
from sqlalchemy import text

from app.domain.admin import Level
from app.store import Store
from app.store.demo.generate import Cancelled, generate_store, random_streams
from app.store.demo.geography import build_geography
from app.store.demo.people import generate_people
from app.store.demo.scale import SCALES
from app.store.queries.admin import level_counts, load_level

EXPECTED_LEVELS = {"county": 1, "town": 25, "village": 514, "grid": 7977}


@pytest.fixture(scope="module")
def tiny(tiny_store_path: str) -> Store:
    store = Store.open(tiny_store_path)
    yield store
    store.close()


def test_tiny_store_has_the_whole_hierarchy_and_real_town_names(tiny: Store) -> None:
    assert level_counts(tiny) == EXPECTED_LEVELS
    towns = load_level(tiny, Level.TOWN)
    assert "柳市镇" in set(towns.names_zh) and "Liushi" in set(towns.names_pinyin)
    assert all(code.startswith("330382") and len(code) == 9 for code in towns.codes)


def test_codes_nest_under_their_parents(tiny: Store) -> None:
    by_id = {}
    for level in Level:
        data = load_level(tiny, level)
        by_id.update(dict(zip(data.ids.tolist(), data.codes.tolist())))
        if level != Level.COUNTY:
            for code, parent in zip(data.codes, data.parent_ids):
                assert code[:-3] == by_id[int(parent)]


def test_small_scale_shrinks_people_not_the_hierarchy(tmp_path: Path, tiny: Store) -> None:
    store_path = tmp_path / "small.gpkg"
    report = generate_store(store_path, "small", 1)
    small = Store.open(store_path)
    try:
        assert level_counts(small) == EXPECTED_LEVELS
        with small.engine.connect() as c, tiny.engine.connect() as t:
            n_small = c.scalar(text("SELECT count(*) FROM persons"))
            n_tiny = t.scalar(text("SELECT count(*) FROM persons"))
        assert n_small == pytest.approx(10 * n_tiny, rel=0.01)
        assert report.records_total > 500_000
    finally:
        small.close()


def test_full_scale_plan_meets_the_reference_figures() -> None:
    full = SCALES["full"]
    assert (full.residents, full.floating, full.natives_elsewhere) == (1_450_000, 676_500, 325_000)
    planned = full.venue_scans + full.checkpoint_scans + full.walk_in_samples + full.clinic_visits + full.purchases
    assert planned >= 4_500_000  # routine tests (about 2 M) and vaccinations (about 4 M) bring it past 10 M
    geo = build_geography(1)
    assert np.bincount(geo.level).tolist() == [1, 25, 514, 7977]


def _projected_areas(geoms: np.ndarray) -> np.ndarray:
    fwd = Transformer.from_crs(4490, 4549, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))


@pytest.mark.parametrize("child_level", [Level.TOWN, Level.VILLAGE, Level.GRID])
def test_each_level_tiles_its_parents(tiny: Store, child_level: Level) -> None:
    parents = load_level(tiny, Level(child_level - 1))
    children = load_level(tiny, child_level)
    parent_geoms = _projected_areas(parents.geoms)
    child_geoms = _projected_areas(children.geoms)
    for pid, pgeom in zip(parents.ids, parent_geoms):
        mine = child_geoms[children.parent_ids == pid]
        assert len(mine) >= 1
        total = shapely.area(mine).sum()
        union = shapely.union_all(mine)
        assert total == pytest.approx(pgeom.area, rel=1e-3)  # sum of parts = parent
        assert union.area == pytest.approx(total, rel=1e-3)  # so no overlaps
        assert shapely.symmetric_difference(union, pgeom).area < 1e-3 * pgeom.area  # and no gaps


def test_grids_are_small_on_the_plains_and_large_in_the_mountains(tiny: Store) -> None:
    grids = load_level(tiny, Level.GRID)
    towns = load_level(tiny, Level.TOWN)
    villages = load_level(tiny, Level.VILLAGE)
    town_of_village = dict(zip(villages.ids, villages.parent_ids))
    name_of_town = dict(zip(towns.ids, towns.names_zh))
    town = np.array([name_of_town[town_of_village[v]] for v in grids.parent_ids])
    assert np.median(grids.area_km2[town == "柳市镇"]) * 5 < np.median(grids.area_km2[town == "智仁乡"])


def _table_digest(store: Store, table: str, columns: str) -> str:
    with store.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT {columns} FROM {table} ORDER BY id")).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_same_seed_gives_the_same_store_but_for_its_identity_key(tmp_path: Path, tiny: Store) -> None:
    again = tmp_path / "again.gpkg"
    generate_store(again, "tiny", 1)
    other = Store.open(again)
    try:
        for table, cols in (("admin_units", "code, name_zh, population, geom"),
                            ("persons", "id_masked, name, sex, birth_day, phone_masked, home_grid_id"),
                            ("scans", "person_id, place_id, at"), ("test_samples", "person_id, sampled_at, result")):
            assert _table_digest(other, table, cols) == _table_digest(tiny, table, cols), table
        # Each store draws its own secret key, so the same people hash apart: one store's hashes say nothing of another's.
        assert _table_digest(other, "persons", "id_hash") != _table_digest(tiny, "persons", "id_hash")
    finally:
        other.close()
    generate_store(tmp_path / "seed2.gpkg", "tiny", 2)
    seed2 = Store.open(tmp_path / "seed2.gpkg")
    try:
        assert _table_digest(seed2, "persons", "name, birth_day") != _table_digest(tiny, "persons", "name, birth_day")
    finally:
        seed2.close()


ID_PATTERN = re.compile(rb"[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]")


def test_no_identity_number_in_clear_anywhere_in_the_store_file(tiny_store_path: str) -> None:
    geo = build_geography(1)
    people = generate_people(random_streams(1)[0], geo, SCALES["tiny"])
    data = Path(tiny_store_path).read_bytes()
    for suffix in ("-wal",):
        wal = Path(tiny_store_path + suffix)
        if wal.exists():
            data += wal.read_bytes()
    assert len(people.clear_ids) > 10_000
    assert not any(n.encode() in data for n in people.clear_ids[:2000])
    assert ID_PATTERN.search(data) is None
    masked = Store.open(tiny_store_path)
    try:
        with masked.engine.connect() as conn:
            sample = conn.execute(text("SELECT id_masked FROM persons LIMIT 50")).scalars().all()
        assert all(re.fullmatch(r"\d{6}\*{11}[\dX]", m) for m in sample)
    finally:
        masked.close()


def test_geopackage_layers_open_with_gdal(tiny_store_path: str) -> None:
    layers = dict(pyogrio.list_layers(tiny_store_path).tolist())
    assert layers["admin_units"] == "MultiPolygon"
    for name in ("places", "cameras", "facilities"):
        assert layers[name] == "Point"
    info = pyogrio.read_info(tiny_store_path, layer="admin_units")
    assert info["features"] == 8517 and "4490" in info["crs"]
    grids = pyogrio.read_dataframe(tiny_store_path, layer="admin_units", where="level = 3")
    assert len(grids) == 7977 and grids.geometry.is_valid.all()
    assert pyogrio.read_info(tiny_store_path, layer="cameras")["features"] == 18_000


def test_demo_scenarios_are_in_the_store(tiny: Store) -> None:
    meta = tiny.meta()
    assert meta["outbreak_city"] == "上海" and "示意图" in meta["outline"]
    with tiny.engine.connect() as conn:
        natives = conn.scalar(text("SELECT count(*) FROM persons p JOIN cities c ON c.id = p.current_city_id WHERE c.name_zh = '上海'"))
        case_positive = conn.scalar(text("SELECT count(*) FROM test_samples WHERE result = 1 AND person_id = :p"),
                                    {"p": int(meta["trace_case_person_id"])})
    assert natives == SCALES["tiny"].outbreak_natives
    assert case_positive == 1


def test_cancelled_generation_keeps_the_previous_store(tmp_path: Path, tiny_store_path: str) -> None:
    target = tmp_path / "keep.gpkg"
    target.write_bytes(Path(tiny_store_path).read_bytes())
    before = target.read_bytes()
    calls = []

    def cancel_midway() -> bool:
        calls.append(1)
        return len(calls) > 6

    with pytest.raises(Cancelled):
        generate_store(target, "tiny", 3, should_cancel=cancel_midway)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.part*"))


def _unit_figures(store: Store) -> dict[str, tuple[int, int, int, float]]:
    """code -> (level, population, households, area km²) of every admin unit."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT code, level, population, households, area_km2 FROM admin_units")).fetchall()
    return {code: (level, pop, hh, area) for code, level, pop, hh, area in rows}


def test_households_and_people_add_up_at_every_level(tiny: Store) -> None:
    units = _unit_figures(tiny)
    grids = {c: f for c, f in units.items() if f[0] == Level.GRID}
    assert all(hh >= 1 for _, pop, hh, _ in grids.values() if pop > 0), "a grid with people has no household"
    assert all(hh <= pop for _, pop, hh, _ in grids.values()), "a household without people"
    for code, (level, pop, hh, area) in units.items():
        if level == Level.GRID:
            continue
        below = [f for c, f in grids.items() if c.startswith(code)]
        assert (sum(f[1] for f in below), sum(f[2] for f in below)) == (pop, hh), code
        assert sum(f[3] for f in below) == pytest.approx(area, abs=1e-6 * len(below)), code  # km² to 6 decimals
    with tiny.engine.connect() as conn:
        present = conn.scalar(text("SELECT count(*) FROM persons WHERE kind != 2 AND home_grid_id IS NOT NULL"))
    assert units["330382"][1] == present


def test_no_record_is_dated_after_the_data_period(tiny: Store) -> None:
    """Vaccination history reaches back before the period; nothing reaches past its last day."""
    end = tiny.meta()["period_end"]
    times = {"scans": "at", "test_samples": "sampled_at", "vaccinations": "at", "quarantine_orders": "start_at",
             "transfers": "pickup_at", "clinic_visits": "at", "pharmacy_purchases": "at"}
    with tiny.engine.connect() as conn:
        last = {t: conn.scalar(text(f"SELECT date(MAX({c}) + 28800, 'unixepoch') FROM {t}")) for t, c in times.items()}
        reported = conn.scalar(text("SELECT date(MAX(reported_at) + 28800, 'unixepoch') FROM test_samples"))
    assert all(day <= end for day in [*last.values(), reported]), last
