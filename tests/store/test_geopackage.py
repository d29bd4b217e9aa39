"""The embedded store is a GeoPackage GIS programs accept, with one layer per admin level."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyogrio
import pytest
import shapely
from sqlalchemy import select, text, update

from app.domain.admin import Level
from app.store import Store
from app.store.export import export_layer, read_layer
from app.store.level_layers import LEVEL_LAYERS
from app.store.tables.admin import AdminUnit, GridLeader
from tests.factories import World
from tests.gpkg_validator import validate

LEVEL_COUNTS = {"county": 1, "towns": 25, "villages": 514, "grids": 7977}


def _titles(path: str | Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT table_name, identifier FROM gpkg_contents"))


def test_the_demo_store_passes_gdals_geopackage_validator(tiny_store_path: str) -> None:
    result = validate(tiny_store_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_admin_level_is_a_layer_gis_programs_open(tiny_store_path: str) -> None:
    layers = dict(pyogrio.list_layers(tiny_store_path).tolist())
    titles = _titles(tiny_store_path)
    for name, count in LEVEL_COUNTS.items():
        assert layers[name] == "MultiPolygon"
        info = pyogrio.read_info(tiny_store_path, layer=name)
        assert info["features"] == count and "4490" in info["crs"] and info["fid_column"] == "fid"
    assert [titles[n] for n in LEVEL_COUNTS] == ["县（市）", "乡镇（街道）", "村（社区）", "网格"]
    store = Store.open(tiny_store_path)
    try:
        with store.engine.connect() as conn:
            units = {r.id: r for r in conn.execute(select(AdminUnit.__table__))}
            leaders = dict(conn.execute(select(GridLeader.grid_id, GridLeader.name)).all())
    finally:
        store.close()
    villages = pyogrio.read_dataframe(tiny_store_path, layer="villages", fid_as_index=True)
    for fid, row in villages.iterrows():
        unit = units[fid]
        assert unit.level == Level.VILLAGE and (row.code, row.name_zh, row.population) == (unit.code, unit.name_zh, unit.population)
        town = units[unit.parent_id]
        assert (row.town_code, row.town_name_zh, row.county_code) == (town.code, town.name_zh, "330382")
    grids = pyogrio.read_dataframe(tiny_store_path, layer="grids", fid_as_index=True)
    assert grids.leader_name.to_dict() == leaders
    assert (grids.village_code == grids.code.str[:12]).all() and (grids.town_code == grids.code.str[:9]).all()
    assert grids.geometry.is_valid.all()


def test_the_test_world_is_a_valid_geopackage_whose_level_layers_follow_the_store(world: World) -> None:
    world.add_place()
    path = Path(world.store.url.removeprefix("sqlite:///"))
    assert [pyogrio.read_info(path, layer=n)["features"] for n in LEVEL_COUNTS] == [1, 2, 4, 8]
    village = world.unit_ids["330382001002"]
    with world.store.begin() as conn:
        conn.execute(update(AdminUnit).where(AdminUnit.id == village).values(name_zh="新村"))
    grids = pyogrio.read_dataframe(path, layer="grids")
    assert sorted(grids[grids.village_name_zh == "新村"].code) == ["330382001002001", "330382001002002"]
    result = validate(path)
    assert result.returncode == 0, result.stdout + result.stderr


def _as_made_before_typed_geometry(world: World) -> None:
    """Turn the world's store into what Jingkong wrote before: ``geom BLOB`` columns, no level layers."""
    with world.store.begin() as conn:
        conn.exec_driver_sql("PRAGMA writable_schema = ON")
        conn.exec_driver_sql("UPDATE sqlite_master SET sql = replace(replace(sql, 'geom MULTIPOLYGON', 'geom BLOB'), "
                             "'geom POINT', 'geom BLOB') WHERE type = 'table'")
        version = conn.exec_driver_sql("PRAGMA schema_version").scalar()
        conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")
        for layer in LEVEL_LAYERS:
            conn.execute(text("DELETE FROM gpkg_geometry_columns WHERE table_name = :t"), {"t": layer.name})
            conn.execute(text("DELETE FROM gpkg_contents WHERE table_name = :t"), {"t": layer.name})
            conn.exec_driver_sql(f"DROP VIEW {layer.name}")


def test_a_store_with_untyped_geometry_columns_is_upgraded_on_open(world: World) -> None:
    world.add_place()
    path = Path(world.store.url.removeprefix("sqlite:///"))
    before = read_layer(world.store, "places").geometry
    _as_made_before_typed_geometry(world)
    old = validate(path)
    assert old.returncode != 0 and "Req 25: invalid type (BLOB) for geometry column of table admin_units" in old.stdout + old.stderr
    with world.store.begin() as conn:  # a version-2 store: opening it runs the migration to typed columns
        conn.execute(text("UPDATE jingkong_meta SET value = '2' WHERE key = 'schema_version'"))
    Store.open(path).close()
    result = validate(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert shapely.equals(read_layer(world.store, "places").geometry, before).all()
    assert pyogrio.read_info(path, layer="grids")["features"] == 8
    world.add_place("330382002002002")  # the upgraded store still takes new features
    assert len(read_layer(world.store, "places")) == 2


def test_level_layers_exist_on_both_backends(any_world: World) -> None:
    with any_world.store.engine.connect() as conn:
        counts = [conn.scalar(text(f"SELECT count(*) FROM {n}")) for n in LEVEL_COUNTS]
        leader = conn.scalar(text("SELECT leader_name FROM grids WHERE code = '330382002001002'"))
    assert counts == [1, 2, 4, 8] and leader == "网格长1002"


@pytest.mark.parametrize("name", ["towns", "grids"])
def test_exported_level_layers_have_the_columns_and_ids_of_the_store_layer(tiny_store_path: str, tmp_path: Path, name: str) -> None:
    store = Store.open(tiny_store_path)
    try:
        assert export_layer(store, name, tmp_path / f"{name}.gpkg") == LEVEL_COUNTS[name]
    finally:
        store.close()
    exported = pyogrio.read_dataframe(tmp_path / f"{name}.gpkg", fid_as_index=True)
    published = pyogrio.read_dataframe(tiny_store_path, layer=name, fid_as_index=True).sort_index()
    assert list(exported.columns) == list(published.columns)
    assert exported.index.tolist() == published.index.tolist()
    assert (exported.code == published.code).all()
