"""The input rules say why they refuse a value in the language the user reads: the reject file and the command line
in ``--lang`` (Chinese by default), from the one zh/en table of :mod:`app.domain.input_messages`."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from app.cli import main
from app.domain.errors import InputError
from app.domain.input_messages import MESSAGES, TERMS
from app.models.imports.service import ImportService
from tests.factories import World
from tests.imports.conftest import valid_numbers
from tests.imports.files import write_table

GRID = "330382001001001"


def test_both_languages_of_every_message_take_the_same_arguments() -> None:
    for key, (zh, en) in MESSAGES.items():
        names = [set(re.findall(r"(?<!\{)\{(\w+)\}", t)) for t in (zh, en)]
        assert names[0] == names[1], key
        assert not re.search(r"[\u4e00-\u9fff]", en.replace("2022年3月1日", "")), key
    for key, (zh, en) in TERMS.items():
        assert re.search(r"[\u4e00-\u9fff]", zh) and not re.search(r"[\u4e00-\u9fff]", en), key


def _reasons(world: World, tmp_path: Path, lang: str) -> dict[str, str]:
    good = valid_numbers(1)[0]
    bad_check = good[:17] + ("0" if good[17] != "0" else "1")
    path = write_table(tmp_path, "persons", "csv-utf8", ["姓名", "证件号码", "出生日期", "所属网格"],
                       [["甲", bad_check, "", GRID], ["乙", good, "2022-02-30", GRID], ["丙", good, "", "33038"]])
    rejects = tmp_path / f"rejects-{lang}.csv"
    ImportService(world.store).job("persons", path, reject_path=rejects, lang=lang).run()
    with rejects.open(encoding="utf-8-sig") as f:
        return {row[1]: row[3] for row in list(csv.reader(f))[1:]}


@pytest.fixture
def keyed(world: World) -> World:
    from app.store.identity_key import install_key

    install_key(world.store.url, world.key)
    return world


def test_the_reject_file_says_why_in_the_ui_language(keyed: World, tmp_path: Path) -> None:
    assert _reasons(keyed, tmp_path, "zh") == {"身份证号": "身份证号校验位错误（GB 11643）",
                                               "出生日期": "'2022-02-30' 不是日期（没有这一天）",
                                               "网格编码": "网格编码不存在"}
    assert _reasons(keyed, tmp_path, "en") == {
        "identity number": "the check character of the identity number is wrong (GB 11643)",
        "birth date": "'2022-02-30' is not a date (no such day)",
        "grid code": "no grid with this code"}


@pytest.mark.parametrize(("lang", "said"), [("zh", "文件中没有列 '住址'"), ("en", "the file has no column '住址'")])
def test_the_import_error_line_is_in_the_chosen_language(keyed: World, tmp_path: Path, capsys, lang: str,  # noqa: ANN001
                                                          said: str) -> None:
    path = write_table(tmp_path, "persons", "csv-utf8", ["姓名", "证件号码"], [["甲", valid_numbers(1)[0]]])
    mapping = tmp_path / "m.json"
    mapping.write_text('{"columns": {"grid_code": "住址"}}', encoding="utf-8")
    code = main(["import", "--kind", "persons", str(path), "--mapping", str(mapping), "--lang", lang,
                 "--db", str(keyed.store.url)])
    assert code == 2
    assert said in capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize(("lang", "said"), [("zh", "'蓝码' 不是可识别的健康码"), ("en", "'蓝码' is not a known health code")])
def test_an_unknown_value_names_its_kind_in_the_chosen_language(lang: str, said: str) -> None:
    from app.models.imports.fields import F

    with pytest.raises(InputError) as caught:
        F["health_code"].rule("蓝码", "健康码")
    assert caught.value.problem_in(lang) == said


def _boundary_rejects(world: World, tmp_path: Path, lang: str) -> tuple[list[str], str, list[str]]:
    """A grids layer with a code that is no admin code and a self-crossing polygon: the reasons in ``lang``."""
    import geopandas as gpd
    import shapely

    from app.models.imports.boundaries import import_boundaries
    from app.store.export import read_layer

    grids = read_layer(world.store, "grids")[["code", "name_zh", "geometry"]].rename(
        columns={"code": "网格编码", "name_zh": "网格名称"})
    grids.loc[0, "网格编码"] = "33038X"
    x0, y0, x1, y1 = grids.geometry[1].bounds
    grids.loc[1, "geometry"] = shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])  # a bow tie
    path = tmp_path / f"grids-{lang}.geojson"
    gpd.GeoDataFrame(grids, crs=grids.crs).to_file(path, engine="pyogrio")
    report = import_boundaries(world.store, path, lang=lang)
    return ([why.problem_in(lang) for _, _, why in report.rejected], report.text(lang),
            [r["reason"] for r in report.as_dict()["rejected"]])


@pytest.mark.parametrize(("lang", "code_said", "polygon_said"), [
    ("zh", "'33038X' 不是镇、村或网格编码（9、12 或 15 位数字）", "不是有效的面（Self-intersection"),
    ("en", "'33038X' is not a town, village or grid code (9, 12 or 15 digits)", "not a valid polygon (Self-intersection")])
def test_rejected_boundary_rows_say_why_in_the_chosen_language(world: World, tmp_path: Path, lang: str,
                                                               code_said: str, polygon_said: str) -> None:
    reasons, text, listed = _boundary_rejects(world, tmp_path, lang)
    assert len(reasons) == 2
    assert reasons[0] == code_said and reasons[1].startswith(polygon_said)
    assert listed == reasons
    assert code_said in text
