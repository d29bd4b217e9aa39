"""The import history lists past imports with their counts; Undo, once confirmed with what it removes, runs in a
worker and the row then reads undone while the records are gone. Only the latest boundaries import can be undone:
the others' Undo is disabled with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from app.models.imports.service import ImportService
from app.store.identity_key import install_key
from app.store.imports import provenance as runs
from app.views.import_history import ImportHistoryDialog
from tests.factories import World
from tests.imports.conftest import valid_numbers
from tests.imports.files import write_table

GRID = "330382001001001"


def _persons(world: World) -> int:
    with world.store.engine.connect() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM persons")).scalar())


def test_an_import_is_listed_and_undone_from_the_list(qtbot, world: World, tmp_path: Path) -> None:  # noqa: ANN001
    install_key(world.store.url, world.key)
    before = _persons(world)
    path = write_table(tmp_path, "persons", "csv-utf8", ["姓名", "证件号码", "所属网格"],
                       [[f"人{i}", n, GRID] for i, n in enumerate(valid_numbers(3))] + [["坏", "123", GRID]])
    service = ImportService(world.store)
    report = service.job("persons", path, source="公安").run()
    assert _persons(world) == before + 3
    dialog = ImportHistoryDialog(service, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[0] == str(report.import_id) and row[2:4] == ["公安", "persons.csv"]
    assert row[5:] == ["4", "3", "0", "1", "done"]
    assert not dialog.undo.isEnabled()  # nothing selected yet
    dialog.table.selectRow(0)
    assert dialog.undo.isEnabled()
    dialog.undo.click()
    assert dialog.confirm is not None
    assert dialog.confirm.text() == f"Undo import {report.import_id}: 3 person records will be deleted."
    dialog.confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.table.item(0, 9).text() == "undone", timeout=20_000)
    assert _persons(world) == before
    assert not dialog.undo.isEnabled() and "undone already" in dialog.undo.toolTip()


def test_only_the_latest_boundaries_import_can_be_undone(qtbot, world: World) -> None:  # noqa: ANN001
    first, latest = (runs.start_run(world.store, "boundaries", "自然资源局", f"grids-{i}.gpkg", "0" * 64, {}, 1_000 + i)
                     for i in range(2))
    for run_id in (first, latest):
        runs.finish_run(world.store, run_id, "done", 2_000)
    dialog = ImportHistoryDialog(ImportService(world.store), "en")
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(2)] == [str(latest), str(first)]  # newest first
    dialog.select(first)
    assert not dialog.undo.isEnabled() and "Only the latest boundaries import" in dialog.undo.toolTip()
    dialog.select(latest)
    assert dialog.undo.isEnabled()
    assert "admin layers it replaced are put back" in dialog.removal_text(dialog.selected())


def test_the_confirmation_says_what_goes_in_chinese(qtbot, world: World, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.store.store import ROOT

    install_key(world.store.url, world.key)
    path = write_table(tmp_path, "persons", "csv-utf8", ["姓名", "证件号码", "所属网格"],
                       [[f"人{i}", n, GRID] for i, n in enumerate(valid_numbers(2))])
    service = ImportService(world.store)
    run_id = service.job("persons", path).run().import_id
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / "jingkong_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = ImportHistoryDialog(service, "zh")
        qtbot.addWidget(dialog)
        dialog.select(run_id)
        assert dialog.removal_text(dialog.selected()) == f"撤销导入 {run_id}：将删除 2 条人员记录。"
        assert dialog.table.item(0, 1).text() == "人员"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_file_menu_opens_the_history(main_window) -> None:  # noqa: ANN001
    main_window.act_import_history.trigger()
    dialogs = main_window.findChildren(ImportHistoryDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()
