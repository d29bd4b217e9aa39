"""Files as they really arrive, generated: any of the encodings and delimiters, missing and extra columns, bad
dates, bad check digits, duplicates, huge fields and formula injection. Every good row goes in, every bad row goes
to the reject file with its reason, identity numbers never in clear, and formulas never reach a spreadsheet."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.imports.service import ImportService
from app.store.export import export_table
from app.store.identity_key import install_key
from app.store.imports.csv_source import CsvSource
from tests.factories import World
from tests.imports.conftest import valid_numbers
from tests.imports.files import write_table

NUMBERS = valid_numbers(60, seed=11)
HAN = st.text(st.sampled_from("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
                              "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
                              "abcXYZ 0123,;\"'\t=+-@"), min_size=1, max_size=12)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(rows=st.lists(st.lists(HAN, min_size=3, max_size=3), min_size=1, max_size=20),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030"]), delimiter=st.sampled_from([",", "\t", ";", "|"]))
def test_any_encoding_and_delimiter_reads_back_the_same_cells(rows: list[list[str]], encoding: str, delimiter: str) -> None:
    header = ["姓名", "地址", "备注"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.csv"
        with path.open("w", encoding=encoding, newline="") as f:
            csv.writer(f, delimiter=delimiter).writerows([header, *rows])
        source = CsvSource(path)
        assert source.headers == header
        assert [r for r in source.rows() if r] == [r for r in rows if any(c.strip() for c in r)]


def _bad_check(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


# A row of a persons file by what is wrong with it: (cells for 姓名, 证件号码, 出生日期, 备注; reason code or None).
ROWS = {
    "good": lambda n, i: ([f"人{i}", n, f"{n[6:10]}-{n[10:12]}-{n[12:14]}", "普通"], None),
    "good_formula": lambda n, i: ([f"=cmd|' /C calc'!A{i}", n, "", "@SUM(A1)"], None),
    "good_huge_note": lambda n, i: ([f"人{i}", n, "", "长" * 100_000], None),
    "bad_check_digit": lambda n, i: ([f"人{i}", _bad_check(n), "", ""], "身份证号校验位错误（GB 11643）"),
    "bad_date": lambda n, i: ([f"人{i}", n, "2022-02-30", ""], "'2022-02-30' 不是日期（没有这一天）"),
    "wrong_birth_day": lambda n, i: ([f"人{i}", n, "1950-01-01", ""], "出生日期与身份证号不符"),
    "missing_name": lambda n, i: (["", n, "", ""], "姓名为空（必填）"),
    "huge_name": lambda n, i: (["名" * 5000, n, "", ""], "姓名无效"),
}


@SETTINGS
@given(kinds=st.lists(st.sampled_from(sorted(ROWS)), min_size=1, max_size=25),
       duplicates=st.lists(st.integers(0, 24), max_size=4),
       fmt=st.sampled_from(["csv-utf8", "csv-gbk", "csv-bom-tab", "xlsx"]), extra=st.booleans())
def test_every_good_row_goes_in_and_every_bad_row_is_rejected_with_its_reason(
        kinds: list[str], duplicates: list[int], fmt: str, extra: bool) -> None:
    rows, reasons = [], []
    for i, kind in enumerate(kinds):
        cells, reason = ROWS[kind](NUMBERS[i], i)
        rows.append(cells)
        reasons.append(reason)
    for d in duplicates:  # a good row sent twice in the same file
        if d < len(kinds) and reasons[d] is None:
            rows.append(list(rows[d]))
            reasons.append("与文件中前面的行重复")
    header = ["姓名", "证件号码", "出生日期", "备注"]
    if extra:
        header, rows = [*header, "多余列"], [[*r, "x"] for r in rows]
    with tempfile.TemporaryDirectory() as folder:
        world = World.create(Path(folder) / "w.gpkg")
        try:
            install_key(world.store.url, world.key)
            path = write_table(Path(folder), "persons", fmt, header, rows)
            rejects = Path(folder) / "rejects.csv"
            report = ImportService(world.store).job("persons", path, reject_path=rejects, batch_size=7).run()
            good = sum(r is None for r in reasons)
            assert (report.read, report.imported, report.rejected) == (len(rows), good, len(rows) - good)
            with rejects.open(encoding="utf-8-sig") as f:
                lines = list(csv.reader(f))[1:]
            assert [(int(r[0]), r[3]) for r in lines] == [(i + 1, r) for i, r in enumerate(reasons) if r is not None]
            text = rejects.read_text(encoding="utf-8-sig")
            assert not any(n in text for n in NUMBERS)  # identity numbers only masked
            out = Path(folder) / "persons.csv"
            export_table(world.store, "persons", out)
            with out.open(encoding="utf-8-sig") as f:
                names = [r["name"] for r in csv.DictReader(f)]
            assert not any(name.startswith(("=", "+", "-", "@")) for name in names)
        finally:
            world.store.close()


def test_a_formula_in_an_imported_name_is_neutralised_in_csv_exports(keyed_world: World, tmp_path: Path) -> None:
    x, y = keyed_world.grid_center("330382001001001")
    path = write_table(tmp_path, "places", "csv-utf8", ["场所编码", "场所名称", "经度", "纬度"],
                       [["P1", "=cmd|' /C calc'!A1", x, y], ["P2", "+1+1", x, y], ["P3", "普通超市", x, y]])
    ImportService(keyed_world.store).job("places", path).run()
    out = tmp_path / "places.csv"
    export_table(keyed_world.store, "places", out)
    with out.open(encoding="utf-8-sig") as f:
        assert [r["name"] for r in csv.DictReader(f)] == ["'=cmd|' /C calc'!A1", "'+1+1", "普通超市"]


@pytest.mark.parametrize("lang, expected", [("zh", "坐标不在本县范围内"), ("en", "the point is outside the county")])
def test_reject_reasons_are_in_the_ui_language(keyed_world: World, tmp_path: Path, lang: str, expected: str) -> None:
    path = write_table(tmp_path, "places", "csv-utf8", ["场所编码", "场所名称", "经度", "纬度"], [["P1", "上海的店", 121.47, 31.23]])
    rejects = tmp_path / "r.csv"
    ImportService(keyed_world.store).job("places", path, lang=lang, reject_path=rejects).run()
    with rejects.open(encoding="utf-8-sig") as f:
        assert list(csv.reader(f))[1][3] == expected
