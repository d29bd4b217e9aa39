"""The input rules say why they refuse a value in the language the user reads: the reject file and the command line
in ``--lang`` (Chinese by default), from the one zh/en table of :mod:`app.domain.input_messages`."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from app.cli import main
from app.domain.input_messages import MESSAGES
from app.models.imports.service import ImportService
from tests.factories import World
from tests.imports.conftest import valid_numbers
from tests.imports.files import write_table

GRID = "330382001001001"


def test_both_languages_of_every_message_take_the_same_arguments() -> None:
    for key, (zh, en) in MESSAGES.items():
        names = [set(re.findall(r"(?<!\{)\{(\w+)\}", t)) for t in (zh, en)]
        assert names[0] <= names[1], key  # Chinese may leave one out (the English noun of "a known …")
        assert not re.search(r"[\u4e00-\u9fff]", en.replace("2022年3月1日", "")), key


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
