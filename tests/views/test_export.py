"""Briefing exports: valid PNG and PDF files of the expected size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument


def test_png_export_is_an_a4_sheet_at_300_dpi(main_window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "map.png"
    assert main_window.export_to(path, "疫情防控态势图")
    image = QImage(str(path))
    assert (image.width(), image.height()) == (3509, 2481)  # A4 landscape, 300 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    assert image.pixelColor(5, 5).name() == "#ffffff"  # the sheet's margin
    fill = main_window.console.thematic.colours[0]
    assert fill in {image.pixelColor(x, 1200).name() for x in range(200, 3300, 25)}  # the map is drawn


def test_pdf_export_is_one_a4_landscape_page(main_window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "map.pdf"
    assert main_window.export_to(path, "疫情防控态势图")
    assert path.read_bytes()[:5] == b"%PDF-"
    document = QPdfDocument(None)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1
    size = document.pagePointSize(0)
    assert abs(size.width() - 842) < 2 and abs(size.height() - 595) < 2
    document.close()


def test_the_sheet_says_what_a_briefing_needs(main_window) -> None:  # noqa: ANN001
    sheet = main_window.sheet("态势图")
    assert sheet.title == "态势图" and sheet.subtitle == "Unit 330382"  # the English interface names places in pinyin
    assert sheet.legend and "Schematic" in sheet.footer_right and "Printed" in sheet.footer_left
