"""Briefing exports: a 300-dpi PNG and a one-page vector PDF that carry the title, date, source, scale and legend."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
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
    as_of = main_window.console.context.as_of
    assert f"As of {as_of}" in sheet.footer_left and main_window.console.store.display_name in sheet.footer_left
    assert sheet.legend and sheet.footer_right == "Schematic map: boundaries are not official"
    assert main_window.sheet("T", "my subtitle").subtitle == "my subtitle"


def _content_streams(pdf: bytes) -> bytes:
    """Every stream of the file, inflated when it is compressed."""
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
    return b"\n".join(out)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_is_vector_with_searchable_words(main_window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "map.pdf"
    main_window.console.context.as_of = main_window.console.period_end
    assert main_window.export_to(path, "Epidemic situation", "Liushi town, grids")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Epidemic situation" in text and "Liushi town, grids" in text
    assert f"As of {main_window.console.period_end}" in text and "Scale 1 :" in text
    pdf = path.read_bytes()
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf  # not a picture of the map
    streams = _content_streams(pdf)
    paths = len(re.findall(rb"\s[lc]\s", streams))  # line-to and curve-to operators of the drawn units
    assert paths > 100
