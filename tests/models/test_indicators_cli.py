"""``jingkong indicators`` and ``jingkong report`` on a built world: JSON shapes, files, and clear errors."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.domain.facilities import FacilityKind
from tests.factories import World


@pytest.fixture
def db(world: World) -> str:
    site = world.add_facility(FacilityKind.TEST_SITE)
    for grid in ("330382001001001", "330382001001002", "330382002002002"):
        p = world.add_person(grid)
        world.add_sample(p, site, "2022-03-10 09:00", result=1 if grid.endswith("2") else 0)
    return world.store.url


def run(capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_prints_the_catalogue(capsys) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "indicators", "--list", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) >= 240
    assert {"id", "name_zh", "name_en", "group", "unit", "formula", "good", "thresholds"} <= set(data[0])


def test_level_values_for_chosen_units_and_ids(capsys, db: str) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "indicators", "--db", db, "--level", "town", "--ids", "samples_today,positivity",
                       "--as-of", "2022-03-10", "--json")
    assert code == 0
    assert json.loads(out) == {"330382001": {"samples_today": 2, "positivity": 50.0},
                               "330382002": {"samples_today": 1, "positivity": 100.0}}
    code, out, _ = run(capsys, "indicators", "--db", db, "--level", "grid", "--units", "330382001001001",
                       "--ids", "positivity", "--as-of", "2022-03-09", "--json")
    assert json.loads(out) == {"330382001001001": {"positivity": None}}  # nothing reported yet: no value


@pytest.mark.parametrize(("argv", "message"), [
    (("--level", "town", "--ids", "nope"), "unknown indicator id(s) nope"),
    (("--level", "town", "--units", "330382001001"), "no town with code 330382001001"),
    (("--level", "town", "--as-of", "2022-05-01"), "outside the data period"),
    (("--level", "town", "--as-of", "May"), "not a date"),
    ((), "give --list, or --level"),
])
def test_bad_input_is_one_clear_line(capsys, db: str, argv: tuple[str, ...], message: str) -> None:  # noqa: ANN001
    code, _, err = run(capsys, "indicators", "--db", db, *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_report_writes_xlsx_and_csv(capsys, db: str, tmp_path) -> None:  # noqa: ANN001
    code, _, _ = run(capsys, "report", "--db", db, "--level", "village", "--group", "testing", "--as-of", "2022-03-10",
                     "--out", str(tmp_path / "r.xlsx"))
    sheet = load_workbook(tmp_path / "r.xlsx").active
    ids = [c.value for c in sheet[2]]
    assert code == 0 and sheet.max_row == 2 + 4 and ids[:2] == ["code", "name"] and "positivity" in ids
    assert sheet.cell(3, 1).value == "330382001001" and sheet.cell(3, ids.index("samples_today") + 1).value == 2
    run(capsys, "report", "--db", db, "--ids", "samples_total", "--out", str(tmp_path / "r.csv"))
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["code", "name", "samples_total"] and rows[1][0] == "330382001" and rows[1][2] == "2"
    code, _, err = run(capsys, "report", "--db", db, "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "must end in .xlsx or .csv" in err
