"""Through the command line, on a copy of the tiny demo county: the sample village layer is checked, refused
without --accept-topology (its sliver overlap is listed), and accepted with it; a grid layer merging two grids
into a new one replaces the grids, the indicator cube is rebuilt, and ``jingkong indicators`` right after shows
the new grid with the people of the two; ``jingkong import undo`` puts the old layers and figures back."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from sqlalchemy import text

from app.models.imports.service import SAMPLES
from app.store.export import read_layer
from app.store.geometry import decode_many
from app.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
MERGED = ("330382001001001", "330382001001002")  # two grids of one village, merged into NEW
NEW = "330382001001900"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)


@pytest.fixture
def tiny_copy(tiny_store_path: str, tmp_path: Path) -> Path:
    path = tmp_path / "tiny.gpkg"
    shutil.copy(tiny_store_path, path)
    shutil.copy(tiny_store_path + ".key", str(path) + ".key")
    return path


def _admin(db: Path) -> tuple[list[tuple], list[bytes], list[tuple]]:
    store = Store.open(f"sqlite:///{db}")
    try:
        with store.engine.connect() as conn:
            units = conn.execute(text("SELECT id, level, code, parent_id, name_zh, population, households, area_km2, "
                                      "geom FROM admin_units ORDER BY id")).all()
            homes = conn.execute(text("SELECT home_grid_id, COUNT(*) FROM persons GROUP BY home_grid_id "
                                      "ORDER BY home_grid_id")).all()
    finally:
        store.close()
    return [tuple(u[:-1]) for u in units], shapely.to_wkb(decode_many([u[-1] for u in units])).tolist(), homes


def _present(db: Path, *codes: str) -> dict[str, float]:
    done = _cli("indicators", "--level", "grid", "--units", ",".join(codes), "--ids", "pop_present", "--db", str(db),
                "--json")
    assert done.returncode == 0, done.stderr
    return {code: values["pop_present"] for code, values in json.loads(done.stdout).items()}


def test_the_sample_village_layer_needs_its_overlap_accepted(tiny_copy: Path) -> None:
    sample = str(SAMPLES / "村社区界线_民政.shp")
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["files"]["村社区界线_民政.shp"]
    check = _cli("import", "--kind", "boundaries", sample, "--db", str(tiny_copy), "--json")
    assert check.returncode == 0, check.stderr
    report = json.loads(check.stdout)
    assert report["units"] == manifest["units"] == {"village": 514}
    assert [(p["code"], p["problem"], p["blocking"]) for p in report["problems"]] == [
        (p["code"], "overlap", False) for p in manifest["problems"]]
    refused = _cli("import", "--kind", "boundaries", sample, "--db", str(tiny_copy), "--replace")
    assert refused.returncode == 2 and "--accept-topology" in refused.stdout + refused.stderr
    done = _cli("import", "--kind", "boundaries", sample, "--db", str(tiny_copy), "--replace", "--accept-topology",
                "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["replaced"] == {"updated": 514, "added": 0, "removed": 0}


def test_new_grids_show_in_the_indicators_right_after_and_undo_brings_the_old_back(tiny_copy: Path,
                                                                                   tmp_path: Path) -> None:
    before = _admin(tiny_copy)
    figures = _present(tiny_copy, *MERGED)
    store = Store.open(f"sqlite:///{tiny_copy}")
    grids = read_layer(store, "grids")[["code", "name_zh", "geometry"]]
    store.close()
    merged = grids["code"].isin(MERGED)
    union = shapely.union_all(grids.geometry[merged])
    new = gpd.GeoDataFrame({"code": [NEW], "name_zh": ["合并网格"]},
                           geometry=[shapely.MultiPolygon(shapely.get_parts(union))], crs=grids.crs)
    path = tmp_path / "grids.gpkg"
    gpd.GeoDataFrame(gpd.pd.concat([grids[~merged], new], ignore_index=True), crs=grids.crs).to_crs(4549).rename(
        columns={"code": "网格编码", "name_zh": "网格名称"}).to_file(path, engine="pyogrio")
    done = _cli("import", "--kind", "boundaries", str(path), "--db", str(tiny_copy), "--replace", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["replaced"] == {"updated": 7975, "added": 1, "removed": 2}
    assert report["indicators"]["grid"] == 7976
    assert _present(tiny_copy, NEW) == {NEW: sum(figures.values())}
    assert sum(figures.values()) > 0
    undone = _cli("import", "undo", str(report["import_id"]), "--db", str(tiny_copy), "--json")
    assert undone.returncode == 0, undone.stderr
    assert _admin(tiny_copy) == before
    assert _present(tiny_copy, *MERGED) == figures
