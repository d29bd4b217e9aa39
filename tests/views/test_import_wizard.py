"""The import wizard takes a user from a file to imported rows: a sample file, the guessed mapping with a
preview, the validation report, then the import in a worker with its counts."""

from __future__ import annotations

from pathlib import Path

from app.models.imports.service import ImportService
from app.store.identity_key import install_key
from app.views.import_wizard import ImportWizard
from tests.factories import World
from tests.imports.conftest import valid_numbers
from tests.imports.files import write_table


def test_a_persons_file_goes_through_every_page(qtbot, world: World, tmp_path: Path) -> None:  # noqa: ANN001
    install_key(world.store.url, world.key)
    numbers = valid_numbers(3)
    path = write_table(tmp_path, "persons", "csv-gbk", ["姓名", "证件号码", "备注"],
                       [["甲", numbers[0], ""], ["乙", numbers[1][:17] + "0" if numbers[1][17] != "0" else numbers[1][:17] + "1", ""],
                        ["丙", numbers[2], ""]])
    wizard = ImportWizard(ImportService(world.store), "en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.file_page.kinds.setCurrentIndex(wizard.file_page.kinds.findData("persons"))
    wizard.next()
    combos = wizard.mapping_page._combos
    assert combos["id_number"].currentText() == "证件号码" and combos["name"].currentText() == "姓名"
    preview = wizard.mapping_page.preview
    assert preview.rowCount() == 3
    assert preview.item(0, 1).text() == numbers[0][:6] + "*" * 11 + numbers[0][-1]  # masked, as everywhere
    wizard.next()
    assert "2 good, 1 with problems" in wizard.check_page.summary.text()
    wizard.next()
    page = wizard.run_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    assert (page.report.imported, page.report.rejected) == (2, 1)
    assert "imported 2" in page.status.text()


def test_try_with_a_sample_offers_the_sample_files_in_order(qtbot, world: World) -> None:  # noqa: ANN001
    wizard = ImportWizard(ImportService(world.store), "zh")
    qtbot.addWidget(wizard)
    wizard.file_page._sample()
    assert Path(wizard.file_page.path.text()).name == "persons_公安_gbk.csv"
    assert wizard.file_page.kind() == "persons"
    wizard.file_page._sample()
    assert wizard.file_page.kind() == "places" and wizard.file_page.isComplete()
