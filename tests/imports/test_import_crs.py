"""Projected x/y columns (a survey office's CGCS2000 / Gauss-Krüger metres) go in reprojected when their CRS is
given — on the command line, in the mapping file, or saved with the source — and stop the import with one line
naming --crs when it is not, instead of rejecting every row as "outside the county"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from pyproj import Transformer
from sqlalchemy import text

from app.domain.errors import InputError
from app.models.imports.service import ImportService
from app.store.geometry import decode_many
from app.store.identity_key import install_key
from tests.factories import World
from tests.imports.files import write_table

GRIDS = ("330382001001001", "330382002002001", "330382002001002")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(world: World) -> World:
    install_key(world.store.url, world.key)
    return world


def _projected(world: World) -> list[list[object]]:
    """Places at the centres of ``GRIDS``, in EPSG:4549 metres (x east, y north)."""
    to_gk = Transformer.from_crs(4490, 4549, always_xy=True)
    rows = []
    for k, grid in enumerate(GRIDS):
        x, y = to_gk.transform(*world.grid_center(grid))
        rows.append([f"P{k}", f"场所{k}", round(x, 3), round(y, 3)])
    return rows


def _places(world: World) -> list[tuple[str, int, shapely.Point]]:
    with world.store.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, grid_id, geom FROM places ORDER BY id")).all()
    return [(r[0], r[1], g) for r, g in zip(rows, decode_many([r[2] for r in rows]))]


@pytest.mark.parametrize("fmt", ["csv-gbk", "xlsx"])
def test_projected_coordinates_with_their_crs_land_in_their_grids(world: World, tmp_path: Path, fmt: str) -> None:
    path = write_table(tmp_path, "places", fmt, ["场所编码", "场所名称", "X坐标", "Y坐标"], _projected(world))
    mapping = {"code": "场所编码", "place_name": "场所名称", "lon": "X坐标", "lat": "Y坐标"}
    report = ImportService(world.store).job("places", path, mapping=mapping, crs="EPSG:4549").run()
    assert (report.imported, report.rejected) == (3, 0)
    places = _places(world)
    assert [g for _, g, _ in places] == [world.unit_ids[c] for c in GRIDS]
    for (_, _, point), grid in zip(places, GRIDS):
        assert point.distance(shapely.Point(world.grid_center(grid))) < 1e-6  # millimetres in degrees


def test_survey_x_northing_y_easting_is_told_from_the_values(world: World, tmp_path: Path) -> None:
    rows = [[code, name, y, x] for code, name, x, y in _projected(world)]  # X坐标 = northing, as surveyors write it
    path = write_table(tmp_path, "places", "csv-utf8", ["场所编码", "场所名称", "X坐标", "Y坐标"], rows)
    report = ImportService(world.store).job("places", path, crs="4549").run()
    assert (report.imported, report.rejected) == (3, 0)
    assert report.detected["axes"] == "northing, easting" and report.detected["crs"] == "EPSG:4549"
    assert [g for _, g, _ in _places(world)] == [world.unit_ids[c] for c in GRIDS]


def test_projected_coordinates_without_a_crs_stop_with_one_line(world: World, tmp_path: Path) -> None:
    path = write_table(tmp_path, "places", "csv-utf8", ["场所编码", "场所名称", "经度", "纬度"], _projected(world))
    with pytest.raises(InputError) as caught:
        ImportService(world.store).job("places", path)
    assert caught.value.field == "--crs" and "projected" in str(caught.value)
    db = world.store.url.removeprefix("sqlite:///")
    cli = [sys.executable, "-m", "app.cli", "import", "--kind", "places", str(path), "--db", db]
    done = subprocess.run(cli, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "--crs" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert _places(world) == []
    mapping = tmp_path / "m.json"  # the mapping file may carry the CRS; the source keeps it for next time
    mapping.write_text(json.dumps({"columns": {"code": "场所编码", "place_name": "场所名称", "lon": "经度", "lat": "纬度"},
                                   "crs": "EPSG:4549"}), encoding="utf-8")
    done = subprocess.run([*cli, "--mapping", str(mapping), "--source", "测绘", "--json"], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["imported"] == 3
    assert ImportService(world.store).job("places", path, source="测绘").crs == "EPSG:4549"


def test_a_few_bad_coordinates_among_degrees_are_rejected_row_by_row(world: World, tmp_path: Path) -> None:
    x, y = world.grid_center(GRIDS[0])
    path = write_table(tmp_path, "places", "csv-utf8", ["场所编码", "场所名称", "经度", "纬度"],
                       [["P0", "好", x, y], ["P1", "好", x, y], ["P2", "坏", 3_400_000, 40_000_000]])
    report = ImportService(world.store).job("places", path).run()
    assert (report.imported, report.rejected) == (2, 1)
