"""A boundaries import can be undone: the admin layers come back exactly (ids, codes, parents, populations,
geometries), every person and point goes back to its grid, and the indicators follow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from sqlalchemy import text

from app.domain.admin import Level
from app.models.imports.service import ImportService
from app.models.indicators import IndicatorEngine
from app.store.errors import StoreError
from app.store.export import read_layer
from app.store.geometry import decode_many
from tests.factories import World

PERIOD = (dt.date(2022, 3, 1), dt.date(2022, 3, 31))


def _state(world: World) -> dict[str, object]:
    """Everything a boundaries import changes, geometries as WKB."""
    with world.store.engine.connect() as conn:
        units = conn.execute(text("SELECT id, level, code, parent_id, name_zh, name_pinyin, kind, terrain, population, "
                                  "households, area_km2, geom FROM admin_units ORDER BY id")).all()
        state: dict[str, object] = {
            "units": [tuple(u[:-1]) for u in units],
            "geoms": shapely.to_wkb(decode_many([u[-1] for u in units])).tolist(),
            "leaders": conn.execute(text("SELECT * FROM grid_leaders ORDER BY id")).all(),
            "persons": conn.execute(text("SELECT id, home_grid_id FROM persons ORDER BY id")).all(),
        }
        for table in ("places", "cameras", "facilities"):
            state[table] = conn.execute(text(f"SELECT id, grid_id FROM {table} ORDER BY id")).all()
    return state


def _new_grids(world: World, path: Path) -> Path:
    """Village 330382001001 split into three grids (one new), and grid 330382002002002 merged into its sibling."""
    grids = read_layer(world.store, "grids")[["code", "name_zh", "geometry"]].rename(columns={"code": "网格编码",
                                                                                          "name_zh": "网格名称"})
    east = grids.loc[grids["网格编码"] == "330382001001002", "geometry"].iloc[0]
    x0, y0, x1, y1 = east.bounds
    south = shapely.MultiPolygon([shapely.box(x0, y0, x1, (y0 + y1) / 2)])
    grids.loc[grids["网格编码"] == "330382001001002", "geometry"] = south
    new = gpd.GeoDataFrame({"网格编码": ["330382001001003"], "网格名称": ["新网格"]},
                           geometry=[shapely.MultiPolygon([shapely.box(x0, (y0 + y1) / 2, x1, y1)])], crs=grids.crs)
    village = read_layer(world.store, "villages").set_index("code").geometry["330382002002"]
    grids = grids[grids["网格编码"] != "330382002002002"]
    grids.loc[grids["网格编码"] == "330382002002001", "geometry"] = village
    gpd.GeoDataFrame(pd.concat([grids, new], ignore_index=True), crs=grids.crs).to_crs(4549).to_file(
        path, engine="pyogrio", encoding="GBK")
    return path


def _populations(engine: IndicatorEngine) -> dict[str, float]:
    codes = engine.codes(Level.GRID)
    return dict(zip(codes.tolist(), engine.level_values("pop_present", Level.GRID, PERIOD[1]).tolist()))


def test_undo_puts_the_layers_and_the_assignments_back_exactly(any_world: World, tmp_path: Path) -> None:
    world = any_world
    for grid in ("330382001001001", "330382001001002", "330382002002002", "330382002002002"):
        world.add_person(grid)
    world.add_place("330382002002002")
    world.add_place("330382001001002")
    engine = IndicatorEngine(world.store, PERIOD)
    engine.compute()
    before, figures = _state(world), _populations(engine)
    service = ImportService(world.store, lambda: engine)
    job = service.boundary_job(_new_grids(world, tmp_path / "grids.shp"))
    assert job.check().ok
    report = service.replace_boundaries(job)
    assert report.replaced == {"updated": 7, "added": 1, "removed": 1}
    assert _state(world) != before
    assert "330382001001003" in _populations(engine) and "330382002002002" not in _populations(engine)
    assert service.runs()[-1]["kind"] == "boundaries"
    undone = service.undo(report.import_id)
    assert undone["units_put_back"] == 14  # every unit the import found is as it was before
    assert undone["units_restored"] == 1 and undone["units_removed"] == 1 and undone["records_moved_back"] >= 3
    assert _state(world) == before
    assert _populations(engine) == figures
    assert service.runs()[-1]["status"] == "undone"
    with pytest.raises(StoreError, match="already undone"):
        service.undo(report.import_id)


def test_records_added_since_follow_the_restored_grids(world: World, tmp_path: Path) -> None:
    service = ImportService(world.store)
    job = service.boundary_job(_new_grids(world, tmp_path / "grids.shp"))
    job.check()
    report = service.replace_boundaries(job)
    with world.store.engine.connect() as conn:
        ids = dict(conn.execute(text("SELECT code, id FROM admin_units")).all())
    person = world.add_person("330382001001001")
    with world.store.begin() as conn:  # registered in the new grid after the import
        conn.execute(text("UPDATE persons SET home_grid_id = :g WHERE id = :p"),
                     {"g": ids["330382001001003"], "p": person})
    service.undo(report.import_id)
    with world.store.engine.connect() as conn:
        home = conn.execute(text(f"SELECT home_grid_id FROM persons WHERE id = {person}")).scalar()
        population = conn.execute(text("SELECT population FROM admin_units WHERE code = '330382001001002'")).scalar()
    assert home == world.unit_ids["330382001001002"]  # the restored grid the new grid lay in
    assert population == 1


def test_only_the_latest_boundaries_import_can_be_undone(world: World, tmp_path: Path) -> None:
    service = ImportService(world.store)
    path = _new_grids(world, tmp_path / "grids.shp")
    first = service.boundary_job(path)
    first.check()
    first_id = service.replace_boundaries(first).import_id
    again = service.boundary_job(path)
    again.check()
    second_id = service.replace_boundaries(again).import_id
    with pytest.raises(StoreError, match=f"later boundaries import {second_id}"):
        service.undo(first_id)
    service.undo(second_id)
    service.undo(first_id)
    assert np.array_equal([r["status"] for r in service.runs()], ["undone", "undone"])
