"""A county's own boundaries: topology problems are reported before anything is replaced; a clean layer replaces
the grids, and people and points follow to the grids they are in."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import text

from app.models.imports.boundaries import import_boundaries
from app.store.export import read_layer
from app.store.queries.summary import table_counts
from tests.factories import STEP, World


def _grids(world: World) -> gpd.GeoDataFrame:
    return read_layer(world.store, "grids")[["code", "name_zh", "geometry"]].rename(columns={"code": "网格编码", "name_zh": "网格名称"})


def _rows(world: World, sql: str) -> list[tuple]:
    with world.store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql)).all()]


def test_overlaps_and_gaps_are_reported_and_nothing_is_replaced(world: World, tmp_path: Path) -> None:
    grids = _grids(world)
    grids.loc[0, "geometry"] = shapely.affinity.translate(grids.geometry[0], STEP / 2, 0)  # into its neighbour
    grids.loc[7, "网格编码"] = "330382009001002"  # a grid whose village does not exist
    path = tmp_path / "grids.geojson"
    grids.to_file(path, engine="pyogrio")
    before = _rows(world, "SELECT code, geom FROM admin_units ORDER BY id")
    report = import_boundaries(world.store, path, replace=True, lang="en")
    kinds = sorted({(p.code, p.kind) for p in report.problems})
    assert ("330382001001001", "overlap") in kinds
    assert ("330382009001002", "not_nested") in kinds
    assert ("330382001001", "gap") in kinds
    assert not report.replaced and report.import_id is None
    assert _rows(world, "SELECT code, geom FROM admin_units ORDER BY id") == before


def test_new_grids_replace_the_old_and_people_and_points_follow(world: World, tmp_path: Path) -> None:
    stay = world.add_person("330382001001001")
    moved = world.add_person("330382002002002")
    place = world.add_place("330382001001002")  # at that grid's centre
    grids = _grids(world)
    # village 330382001001 gets three grids: 001 (west half as before), 002 (south of the east half), 003 (north)
    east = grids.loc[grids["网格编码"] == "330382001001002", "geometry"].iloc[0]
    x0, y0, x1, y1 = east.bounds
    grids.loc[grids["网格编码"] == "330382001001002", "geometry"] = shapely.MultiPolygon([shapely.box(x0, y0, x1, (y0 + y1) / 2)])
    new = gpd.GeoDataFrame({"网格编码": ["330382001001003"], "网格名称": ["新网格"]},
                           geometry=[shapely.MultiPolygon([shapely.box(x0, (y0 + y1) / 2, x1, y1)])], crs=grids.crs)
    # in village 330382002002 grid 001 takes the whole village and 002 is gone
    village = read_layer(world.store, "villages").set_index("code").geometry["330382002002"]
    grids = grids[grids["网格编码"] != "330382002002002"]
    grids.loc[grids["网格编码"] == "330382002002001", "geometry"] = village
    path = tmp_path / "grids.shp"
    gpd.GeoDataFrame(pd.concat([grids, new], ignore_index=True), crs=grids.crs).to_crs(4549).to_file(path, engine="pyogrio", encoding="GBK")
    report = import_boundaries(world.store, path, replace=True)
    assert report.problems == [] and report.replaced == {"updated": 7, "added": 1, "removed": 1}
    ids = dict(_rows(world, "SELECT code, id FROM admin_units"))
    assert "330382002002002" not in ids
    homes = dict(_rows(world, "SELECT id, home_grid_id FROM persons"))
    assert homes == {stay: ids["330382001001001"], moved: ids["330382002002001"]}
    # the place sat on the line the split drew: it is in one of the two halves, by point-in-polygon
    assert _rows(world, f"SELECT grid_id FROM places WHERE id = {place}")[0][0] in (ids["330382001001002"], ids["330382001001003"])
    assert table_counts(world.store)["admin_units"] == 15
    population = dict(_rows(world, "SELECT code, population FROM admin_units WHERE level < 3"))
    assert population["330382"] == 2 and population["330382002002"] == 1
