"""Spatial files are streamed a batch of features at a time: an import read in many small batches stores exactly
what one read whole stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.models.imports.service import ImportService
from app.store.identity_key import install_key
from tests.factories import World
from tests.imports.files import write_table

GRIDS = ("330382001001001", "330382001001002", "330382002001001", "330382002002002")
FEATURES = 23


def _world(path: Path) -> World:
    world = World.create(path)
    install_key(world.store.url, world.key)
    return world


def _stored(world: World) -> list[tuple]:
    with world.store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, name, category, grid_id, geom FROM places ORDER BY id"))
        return [tuple(r) for r in rows]


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "geojson"])
def test_small_batches_store_what_one_batch_stores(tmp_path: Path, fmt: str) -> None:
    stored, batches = [], []
    for name, batch in (("one", 5_000), ("many", 4)):
        world = _world(tmp_path / f"{name}.gpkg")
        try:
            rows = []
            for i in range(FEATURES):
                x, y = world.grid_center(GRIDS[i % len(GRIDS)])
                rows.append([f"P{i:02d}", f"场所{i}", "超市", x + i * 1e-5, y])
            rows.append(["P99", "县外", "超市", 121.47, 31.23])  # rejected in whichever batch it falls
            path = write_table(tmp_path, f"places-{name}", fmt, ["场所编码", "场所名称", "场所类别", "经度", "纬度"], rows)
            job = ImportService(world.store).job("places", path, batch_size=batch)
            report = job.run()
            assert (report.read, report.imported, report.rejected) == (FEATURES + 1, FEATURES, 1)
            stored.append(_stored(world))
            batches.append(job.table.batches_read)
        finally:
            world.store.close()
    assert batches == [1, 6]  # 24 features, 4 at a time
    assert stored[0] == stored[1]
    assert [r[3] for r in stored[1]][:4] == [world.unit_ids[g] for g in GRIDS]


def test_a_geojson_file_is_read_once_and_gives_the_rows_gdal_gives(tmp_path: Path) -> None:
    from app.store.imports.geo_source import GeoSource

    world = _world(tmp_path / "w.gpkg")
    try:
        rows = []
        for i in range(FEATURES):
            x, y = world.grid_center(GRIDS[i % len(GRIDS)])
            rows.append([f"P{i:02d}", f"场所{i}" if i % 5 else "", "超市", f"2022-03-{i % 28 + 1:02d}", i * 1.5, x, y])
        path = write_table(tmp_path, "places", "geojson", ["场所编码", "场所名称", "场所类别", "开业日期", "面积", "经度",
                                                           "纬度"], rows)
    finally:
        world.store.close()
    streamed = GeoSource(path, batch=4)
    got = list(streamed.rows())
    assert (streamed.passes, streamed.batches_read) == (1, 6)  # 23 features, 4 at a time, one pass
    seeking = GeoSource(path, batch=4)
    assert got == list(seeking.seeking_rows())  # what GDAL gives, read a batch at a time from each batch's index
    assert seeking.passes == 6
    assert [r[0] for r in got] == [r[0] for r in rows] and got[1][3] == "2022-03-02"
