"""``jingkong export``: layers to GeoPackage/GeoJSON/Shapefile, tables to CSV."""

from __future__ import annotations

import argparse

from app.arguments import arg
from app.commands.common import CommandError, Result, add_store_options, open_console
from app.models import inputs
from app.store.export import FORMATS, LAYER_NAMES, export_layer, export_table


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="export layers or tables",
        description="Export a map layer (format from the extension: .gpkg, .geojson, .shp) or a table to CSV. "
                    "People leave masked: no identity hashes, identity numbers and names masked, ten-year age "
                    "bands instead of birth days.",
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--layer", type=arg(inputs.text), help="layer: " + ", ".join(LAYER_NAMES))
    what.add_argument("--table", type=arg(inputs.text), help="table name (written as CSV)")
    p.add_argument("--out", required=True, type=arg(inputs.output_file), help="output file")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    if args.layer and args.out.suffix.lower() not in FORMATS:
        raise CommandError(f"--out {args.out}: use a .gpkg, .geojson or .shp file for a layer")
    if args.table and args.out.suffix.lower() != ".csv":
        raise CommandError(f"--out {args.out}: tables are written as .csv")
    console = open_console(args)
    try:
        store = console.store
        n = export_layer(store, args.layer, args.out) if args.layer else export_table(store, args.table, args.out)
        console.audit.record_export(f"layer:{args.layer}" if args.layer else f"table:{args.table}", n, str(args.out))
    finally:
        console.close()
    what = args.layer or args.table
    return Result({"exported": what, "rows": n, "out": str(args.out)}, f"exported {what}: {n:,} rows -> {args.out}")
