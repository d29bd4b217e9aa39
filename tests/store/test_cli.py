"""The ``jingkong`` command line: outputs a script can rely on, and one clear line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyogrio
import pytest

from app.console import Console


def jingkong(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=300)


def test_info_json_reports_levels_tables_and_records(tiny_store_path: str) -> None:
    out = jingkong("info", "--db", tiny_store_path, "--json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["levels"] == {"county": 1, "town": 25, "village": 514, "grid": 7977}
    assert info["tables"]["admin_units"] == 8517
    assert info["records_total"] == sum(info["tables"][t] for t in (
        "scans", "test_samples", "vaccinations", "quarantine_orders", "transfers", "clinic_visits", "pharmacy_purchases"))
    assert set(info["libraries"]) == {"admin_units", "persons", "places_and_checkpoints", "cameras",
                                      "nucleic_acid_testing", "vaccinations", "quarantine", "health_events"}


def test_demo_writes_a_store_info_can_read(tmp_path: Path) -> None:
    out = jingkong("demo", "--scale", "tiny", "--seed", "5", "--out", str(tmp_path / "d.gpkg"), "--json", "--quiet")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["rows"]["admin_units"] == 8517
    assert json.loads(jingkong("info", "--db", str(tmp_path / "d.gpkg"), "--json").stdout)["seed"] == "5"
    console = Console.open(str(tmp_path / "d.gpkg"))  # the console's first start finds the indicators ready
    console.indicators.compute()
    assert console.indicators.from_saved
    console.close()


@pytest.mark.parametrize("layer,suffix,count", [("towns", ".gpkg", 25), ("villages", ".geojson", 514), ("checkpoints", ".shp", None)])
def test_export_layers_in_real_formats(tiny_store_path: str, tmp_path: Path, layer: str, suffix: str, count: int | None) -> None:
    target = tmp_path / f"{layer}{suffix}"
    out = jingkong("export", "--db", tiny_store_path, "--layer", layer, "--out", str(target))
    assert out.returncode == 0, out.stderr
    frame = pyogrio.read_dataframe(target)
    assert len(frame) == (count or len(frame)) and len(frame) > 0
    assert frame.crs.to_epsg() == 4490


def test_export_table_to_csv(tiny_store_path: str, tmp_path: Path) -> None:
    target = tmp_path / "cities.csv"
    assert jingkong("export", "--db", tiny_store_path, "--table", "cities", "--out", str(target)).returncode == 0
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "id,name_zh,name_pinyin,province" and "上海" in text


@pytest.mark.parametrize("args,message", [
    (("demo", "--scale", "huge", "--out", "/tmp/x.gpkg"), "--scale must be one of tiny, small, full, not 'huge'"),
    (("info", "--db", "/nonexistent/none.gpkg"), "no store at /nonexistent/none.gpkg"),
    (("info", "--db", "mysql://h/db"), "unsupported store backend 'mysql'"),
    (("export", "--layer", "roads", "--out", "/tmp/r.gpkg"), "unknown layer 'roads'"),
    (("export", "--layer", "towns", "--out", "/tmp/r.txt"), "use a .gpkg, .geojson or .shp file"),
    (("bench", "nosuchgroup"), "unknown benchmark group 'nosuchgroup'"),
    (("bench", "generate", "--runs", "0"), "argument --runs: '0' is out of range: give 1 .. 1000"),
])
def test_bad_input_gives_one_clear_line_and_nonzero_exit(tiny_store_path: str, args: tuple[str, ...], message: str) -> None:
    if args[0] == "export":
        args = (*args, "--db", tiny_store_path)
    out = jingkong(*args)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_every_command_has_help() -> None:
    for command in ("demo", "info", "export", "bench"):
        out = jingkong(command, "--help")
        assert out.returncode == 0 and "usage: jingkong" in out.stdout
