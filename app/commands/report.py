"""``jingkong report``: chosen indicators for every unit of a level, written as an XLSX workbook or a CSV file."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from app.arguments import arg
from app.commands.common import Result, add_store_options
from app.commands.indicators import LEVELS, add_choice_options, compute_table
from app.domain.spreadsheet import neutralise_formula
from app.models import inputs
from app.models.indicators.table import IndicatorTable, plain_rows


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("report", help="write indicators of every unit of a level to XLSX or CSV",
                              description="Write chosen indicators (--ids / --group; default all) for all units of a "
                                          "level as of a date to an .xlsx workbook or a .csv file.")
    p.add_argument("--level", choices=LEVELS, default="town", help="admin level (default town)")
    add_choice_options(p)
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv", type=arg(inputs.output_file, (".xlsx", ".csv")),
                   help="where to write the report")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    out = args.out
    table, names = compute_table(args)
    as_of = table.as_of
    (write_xlsx if out.suffix.lower() == ".xlsx" else write_csv)(table, names, out)
    data = {"out": str(out), "level": table.level.key, "as_of": str(as_of), "units": len(table.codes),
            "indicators": len(table.indicators)}
    return Result(data, f"wrote {len(table.codes)} {table.level.key} units × {len(table.indicators)} indicators as of {as_of} to {out}")


def _cells(table: IndicatorTable, names: dict[str, str]) -> list[list[object]]:
    # unit names may come from imported boundaries: neutralised, like every text cell a spreadsheet opens
    return [[code, neutralise_formula(names.get(code, "")), *row] for code, row in zip(table.codes, plain_rows(table.values))]


def write_csv(table: IndicatorTable, names: dict[str, str], out: Path) -> None:
    """One header row of indicator ids (names are in ``jingkong indicators --list``), one row per unit."""
    with out.open("w", newline="", encoding="utf-8-sig") as f:  # the BOM lets Excel read the Chinese names
        writer = csv.writer(f)
        writer.writerow(["code", "name", *(i.id for i in table.indicators)])
        writer.writerows(["" if c is None else c for c in row] for row in _cells(table, names))


def write_xlsx(table: IndicatorTable, names: dict[str, str], out: Path) -> None:
    """A sheet with Chinese names (and units) over indicator ids as headers, one row per unit, frozen headers."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"{table.level.key} {table.as_of}"
    sheet.append(["单位代码", "单位名称", *(f"{i.name_zh}（{i.unit}）" if i.unit else i.name_zh for i in table.indicators)])
    sheet.append(["code", "name", *(i.id for i in table.indicators)])
    for row in _cells(table, names):
        sheet.append(row)
    for cell in (*sheet[1], *sheet[2]):
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C3"
    book.save(out)
