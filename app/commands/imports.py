"""``jingkong import``: load a department's file (``--kind KIND FILE``), list imports, undo one."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.arguments import arg
from app.commands.common import CommandError, Result, add_store_options, open_console
from app.models import inputs
from app.models.imports.kinds import KIND_NAMES
from app.models.imports.mapping import read_mapping_crs, read_mapping_file
from app.store.tables.imports import ImportRun


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import", help="import a department's file; list or undo imports",
        description="jingkong import --kind KIND FILE: import a CSV (UTF-8 or GBK), XLSX, GeoJSON, Shapefile or "
                    "GeoPackage file. Good rows go in, bad rows go to a reject file with the reason; rows already "
                    "in the store are skipped. jingkong import list: the imports so far. jingkong import undo ID: "
                    f"delete what an import added. Kinds: {', '.join(KIND_NAMES)}.",
    )
    p.add_argument("target", nargs="+", metavar="FILE | list | undo ID", help="the file to import, or list, or undo ID")
    p.add_argument("--kind", choices=KIND_NAMES, help="what the file holds")
    p.add_argument("--mapping", metavar="M.json", type=arg(inputs.text), help="column mapping {\"columns\": {field: header}}")
    p.add_argument("--source", metavar="NAME", type=arg(inputs.text, ImportRun.source),
                   help="the department the file comes from (default: the file's name); its mapping is reused")
    p.add_argument("--crs", metavar="EPSG:CODE", type=arg(inputs.crs),
                   help="coordinate system of the x/y (longitude/latitude) columns when they are projected, e.g. "
                        "EPSG:4549; also \"crs\" in the mapping file (default: degrees)")
    p.add_argument("--layer", metavar="NAME", type=arg(inputs.text), help="GeoPackage layer or workbook sheet")
    p.add_argument("--rejects", metavar="FILE.csv", type=arg(inputs.output_file, (".csv",)),
                   help="where bad rows go (default: imports/import-ID-rejects.csv beside the store)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the reject reasons (default zh)")
    p.add_argument("--replace", action="store_true", help="boundaries: replace the admin layers (after the checks pass)")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    action, *rest = args.target
    if action == "list" and not rest:
        return _list(args)
    if action == "undo":
        if len(rest) != 1:
            raise CommandError("give one import id: jingkong import undo ID")
        return _undo(args, inputs.whole_number(rest[0], "undo", 1))
    if rest:
        raise CommandError(f"one file at a time, not {len(args.target)}")
    if args.kind is None:
        raise CommandError("--kind is required to import a file")
    path = Path(action).expanduser()
    if not path.is_file():
        raise CommandError(f"no file {path}")
    mapping = read_mapping_file(Path(args.mapping)) if args.mapping else None
    crs = args.crs or (read_mapping_crs(Path(args.mapping)) if args.mapping else None)
    console = open_console(args)
    try:
        if args.kind == "boundaries":
            from app.models.imports.boundaries import import_boundaries

            report = import_boundaries(console.store, path, mapping=mapping, source=args.source, layer=args.layer,
                                       lang=args.lang, replace=args.replace)
            return Result(report.as_dict(), report.text(args.lang), 0 if report.ok else 2)
        job = console.imports.job(args.kind, path, mapping=mapping, source=args.source, layer=args.layer,
                                  lang=args.lang, reject_path=args.rejects, crs=crs)
        report = job.run()
    finally:
        console.close()
    data = report.as_dict()
    text = (f"import {report.import_id} ({report.kind} from {report.source}): read {report.read:,}, imported "
            f"{report.imported:,}, skipped {report.skipped:,} already present, rejected {report.rejected:,}"
            + (f" -> {report.reject_file}" if report.rejected else ""))
    return Result(data, text)


def _list(args: argparse.Namespace) -> Result:
    console = open_console(args)
    try:
        rows = console.imports.runs()
    finally:
        console.close()
    lines = [f"{r['id']:>4}  {r['status']:<9} {r['kind']:<20} {r['source']:<16} read {r['rows_read']:>9,}  imported "
             f"{r['imported']:>9,}  skipped {r['skipped']:>7,}  rejected {r['rejected']:>7,}  {r['file_name']}" for r in rows]
    return Result(rows, "\n".join(lines) or "no imports yet")


def _undo(args: argparse.Namespace, run_id: int) -> Result:
    console = open_console(args)
    try:
        deleted = console.imports.undo(run_id)
    finally:
        console.close()
    text = ", ".join(f"{n:,} {t}" for t, n in deleted.items()) or "nothing"
    return Result({"import_id": run_id, "deleted": deleted}, f"undid import {run_id}: deleted {text}")
