"""Boundaries in the import wizard: the topology report comes before anything is replaced, the user accepts
what may be accepted (blocking problems cannot be), the replacement runs in a worker, and can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from sqlalchemy import text

from app.models.imports.boundaries import BoundaryJob, Cancelled
from app.models.imports.service import SAMPLES, ImportService
from app.store.export import read_layer
from app.views.import_wizard import ImportWizard
from tests.factories import STEP, World


def _admin(world: World) -> list[tuple]:
    with world.store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT id, code, parent_id, population, geom FROM admin_units "
                                                    "ORDER BY id"))]


def _grids_file(world: World, path: Path, *, code: str | None = None) -> Path:
    """The grids with grid 1 pushed half a step into its neighbour (an overlap and a gap), or one code changed."""
    grids = read_layer(world.store, "grids")[["code", "name_zh", "geometry"]].rename(columns={"code": "网格编码",
                                                                                          "name_zh": "网格名称"})
    if code is None:
        grids.loc[0, "geometry"] = shapely.affinity.translate(grids.geometry[0], STEP / 2, 0)
    else:
        grids.loc[7, "网格编码"] = code
    grids.to_crs(4549).to_file(path, engine="pyogrio")
    return path


def _open(qtbot, world: World, path: Path) -> ImportWizard:
    wizard = ImportWizard(ImportService(world.store), "en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.kinds.setCurrentIndex(wizard.file_page.kinds.findData("boundaries"))
    wizard.file_page.path.setText(str(path))
    wizard.next()
    page = wizard.topology_page
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    return wizard


def test_the_report_comes_first_and_an_accepted_replacement_can_be_undone(qtbot, world: World,
                                                                           tmp_path: Path) -> None:
    before = _admin(world)
    wizard = _open(qtbot, world, _grids_file(world, tmp_path / "grids.gpkg"))
    page = wizard.topology_page
    table = page.problems
    shown = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert any(code == "330382001001001" and "overlaps" in text for code, text in shown)
    assert any("gap" in text for _, text in shown)
    assert not page.isComplete() and page.accept.isVisibleTo(wizard)
    assert _admin(world) == before  # nothing replaced while the user reads the report
    page.accept.setChecked(True)
    assert page.isComplete()
    wizard.next()
    replace = wizard.replace_page
    qtbot.waitUntil(lambda: replace.report is not None, timeout=20_000)
    assert replace.report.replaced["updated"] == 8 and f"Import {replace.report.import_id}" in replace.status.text()
    assert _admin(world) != before
    replace.undo.click()
    qtbot.waitUntil(lambda: replace.undone is not None, timeout=20_000)
    assert _admin(world) == before
    assert "undone" in replace.status.text()


def test_codes_not_nested_block_the_replacement(qtbot, world: World, tmp_path: Path) -> None:
    wizard = _open(qtbot, world, _grids_file(world, tmp_path / "grids.gpkg", code="330382009001002"))
    page = wizard.topology_page
    assert "block the replacement" in page.summary.text()
    assert not page.accept.isVisibleTo(wizard)
    page.accept.setChecked(True)
    assert not page.isComplete()


def test_try_with_a_sample_offers_the_sample_boundaries(qtbot, world: World) -> None:
    wizard = ImportWizard(ImportService(world.store), "zh")
    qtbot.addWidget(wizard)
    wizard.file_page.kinds.setCurrentIndex(wizard.file_page.kinds.findData("boundaries"))
    wizard.file_page._sample()
    assert Path(wizard.file_page.path.text()) == SAMPLES / "村社区界线_民政.shp"
    assert wizard.file_page.kind() == "boundaries" and wizard.file_page.isComplete()


def test_a_check_can_be_cancelled_and_writes_nothing(world: World) -> None:
    job = BoundaryJob(world.store, SAMPLES / "村社区界线_民政.shp")
    seen = []
    with pytest.raises(Cancelled):
        job.check(lambda read, expected: seen.append((read, expected)), cancelled=lambda: bool(seen))
    assert seen == [(200, 514)] and job.report is None


@pytest.mark.parametrize(("lang", "said"), [("zh", "'33038X' 不是镇、村或网格编码"), ("en", "'33038X' is not a town, village")])
def test_a_rejected_row_says_why_in_the_wizards_language(qtbot, world: World, tmp_path: Path, lang: str,  # noqa: ANN001
                                                         said: str) -> None:
    path = _grids_file(world, tmp_path / "grids.gpkg", code="33038X")
    wizard = ImportWizard(ImportService(world.store), lang)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.kinds.setCurrentIndex(wizard.file_page.kinds.findData("boundaries"))
    wizard.file_page.path.setText(str(path))
    wizard.next()
    page = wizard.topology_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    texts = {page.problems.item(r, 0).text(): page.problems.item(r, 1).text() for r in range(page.problems.rowCount())}
    assert said in texts["33038X"] and texts["33038X"].startswith("row 8: ")
