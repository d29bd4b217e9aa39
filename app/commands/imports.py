"""``jingkong import``: load a department's file (``--kind KIND FILE``), list imports, undo one."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.arguments import arg
from app.commands.common import CommandError, Result, add_store_options, open_console
from app.console import Console
from app.domain.admin import Level
from app.domain.errors import InputError
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
    p.add_argument("--replace", action="store_true",
                   help="boundaries: replace the admin layers (after the checks pass; undo: jingkong import undo ID)")
    p.add_argument("--accept-topology", action="store_true",
                   help="boundaries: replace although the check lists gaps, overlaps or grids crossing their village")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    """The import, list or undo; a value the input rules refuse is said in ``--lang`` (as the reject file is)."""
    try:
        return _run(args)
    except InputError as exc:
        raise CommandError(exc.text_in(args.lang)) from None


def _run(args: argparse.Namespace) -> Result:
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
            return _boundaries(args, console, path, mapping)
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


def _boundaries(args: argparse.Namespace, console: Console, path: Path, mapping: dict[str, str] | None) -> Result:
    """Check the file and report; with --replace (and --accept-topology for gaps and overlaps) replace the layers
    and rebuild the indicator cube over the new units. Exit 2 when the check refuses, or --replace did nothing."""
    job = console.imports.boundary_job(path, mapping=mapping, source=args.source, layer=args.layer, lang=args.lang)
    report = job.check()
    data = report.as_dict()
    text = report.text(args.lang)
    if args.replace and report.replaceable and (report.ok or args.accept_topology):
        console.imports.replace_boundaries(job, args.accept_topology)
        data = report.as_dict()
        text = report.text(args.lang) + "\n" + _rebuild(console, data)
    done = bool(report.replaced) or (not args.replace and report.replaceable)
    return Result(data, text, 0 if done else 2)


def _rebuild(console: Console, data: dict[str, object]) -> str:
    """Compute the indicator cube over the store's units now (``data["indicators"]``: units per level)."""
    engine = console.indicators
    engine.compute()
    units = {level.key: len(engine.codes(level)) for level in Level}
    data["indicators"] = units
    return "indicators rebuilt for " + ", ".join(f"{n:,} {k}" for k, n in units.items())


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
        if any(k.startswith("units_") for k in deleted):
            _rebuild(console, {})
    finally:
        console.close()
    # a records import names the tables it deleted from; a boundaries import what it put back
    restored = any(k.startswith("units_") for k in deleted)
    text = ", ".join(f"{n:,} {t.replace('_', ' ')}" for t, n in deleted.items()) or "nothing"
    return Result({"import_id": run_id, "deleted": deleted},
                  f"undid import {run_id}: {text if restored else 'deleted ' + text}")
