"""Entering a person found door to door from the console of an offline pack: reachable from the File menu when
the pack's role may enter people, a bad number refused in one line with nothing written, a good one entered into
the pack and its change log with only the keyed hash and the mask kept, the number gone from the form."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from app.console import Console
from app.store.identity_key import KEY_ENV
from app.store.tables.persons import Person
from app.store.tables.sync import PackChange
from tests.models.pack_world import VILLAGE, centre_with_tasks, pack_copy
from tests.models.test_pack_new_rows import identity

NUMBER = identity("33038219900101123")
GRID = VILLAGE + "001"


def _menu_action(window, text: str):  # noqa: ANN001, ANN202
    return next((a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == text), None)


def _counts(console: Console) -> tuple[int, int]:
    with console.store.engine.connect() as conn:
        return (int(conn.scalar(select(func.count()).select_from(Person.__table__))),
                int(conn.scalar(select(func.count()).select_from(PackChange.__table__))))


def test_enter_a_person_on_a_pack(tmp_path, qtbot, settings_dir, monkeypatch) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow
    from app.views.person_entry import PersonEntryDialog

    world, _ = centre_with_tasks(tmp_path)
    monkeypatch.setenv(KEY_ENV, world.key.secret.decode())  # the centre's key, for the pack's to be made from
    path = pack_copy(world, tmp_path, "laptop")
    monkeypatch.delenv(KEY_ENV)  # the laptop has only the key beside its pack
    world.store.close()
    laptop = Console.open(str(path))
    window = MainWindow(laptop, english=True)
    qtbot.addWidget(window)
    _menu_action(window, "Enter person found door to door…").trigger()
    dialog = window.findChild(PersonEntryDialog)
    assert dialog is not None and dialog.isVisible()
    before = _counts(laptop)

    wrong = NUMBER[:-1] + ("0" if NUMBER[-1] != "0" else "1")
    dialog.number.setText(wrong)
    dialog.name.setText("王五")
    dialog.grid.setText(GRID)
    dialog.enter.click()
    said = dialog.message.text()
    assert said.startswith("Identity number: ") and "check character" in said and "\n" not in said
    assert wrong not in said and "Traceback" not in said
    assert _counts(laptop) == before

    dialog.number.setText(NUMBER)
    dialog.enter.click()
    masked = NUMBER[:6] + "*" * 11 + NUMBER[-1]
    assert masked in dialog.message.text() and NUMBER not in dialog.message.text()
    assert dialog.number.text() == ""  # the number is gone from the form once entered
    assert _counts(laptop) == (before[0] + 1, before[1] + 1)
    p, c = Person.__table__, PackChange.__table__
    with laptop.store.engine.connect() as conn:
        assert conn.scalar(select(p.c.id_masked).where(p.c.name == "王五")) == masked
        after = json.loads(conn.scalar(select(c.c.after).where(c.c.entity == "persons", c.c.kind == "new")))
    assert after["id_masked"] == masked and after["name"] == "王五" and NUMBER not in json.dumps(after)
    window.close()
    laptop.close()
    assert NUMBER.encode() not in path.read_bytes()


def test_no_entry_for_a_role_that_sees_identity_masked(tmp_path, qtbot, settings_dir) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    world, _ = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "drill", role="drill_coordinator")
    world.store.close()
    laptop = Console.open(str(path))
    window = MainWindow(laptop, english=True)
    qtbot.addWidget(window)
    assert _menu_action(window, "Enter person found door to door…") is None
    assert _menu_action(window, "Sync pack with centre…") is not None
    window.close()
    laptop.close()


def test_a_chinese_form_says_why_in_chinese(tmp_path, qtbot, settings_dir, monkeypatch,  # noqa: ANN001
                                            chinese_translations) -> None:  # noqa: ANN001
    """The rules' refusals come from the one zh/en table: the Chinese screen reads them in Chinese."""
    from app.views.person_entry import PersonEntryDialog

    world, _ = centre_with_tasks(tmp_path)
    monkeypatch.setenv(KEY_ENV, world.key.secret.decode())
    path = pack_copy(world, tmp_path, "laptop")
    monkeypatch.delenv(KEY_ENV)
    world.store.close()
    laptop = Console.open(str(path))
    dialog = PersonEntryDialog(laptop.people)
    qtbot.addWidget(dialog)
    said = {}
    for case, number, grid in (("number", NUMBER[:-1] + ("0" if NUMBER[-1] != "0" else "1"), GRID),
                               ("grid", NUMBER, "33038"), ("unknown grid", NUMBER, VILLAGE + "999")):
        dialog.number.setText(number)
        dialog.name.setText("王五")
        dialog.grid.setText(grid)
        dialog.enter.click()
        said[case] = dialog.message.text().split(": ", 1)[1]
    assert said == {"number": "身份证号校验位错误（GB 11643）",
                    "grid": "'33038' 不是镇、村或网格编码（9、12 或 15 位数字）",
                    "unknown grid": f"没有编码为 {VILLAGE}999 的网格（人员住址应为 15 位网格编码）"}
    laptop.close()
