"""``jingkong copy``: copy a whole store to another backend (GeoPackage ⇄ PostGIS)."""

from __future__ import annotations

import argparse
import sys

from app.arguments import arg
from app.commands.common import Result, progress_printer
from app.models import inputs
from app.store.copy import copy_store


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "copy", help="copy a whole store to another backend",
        description="Copy every table of a store into a new store file or an empty PostgreSQL/PostGIS database "
                    "(COPY, keys and indexes built after the rows). Identity hashes stay valid: the source's key "
                    "is installed beside the target. The audit trail is copied as it is and still verifies; one "
                    "store.copy entry is chained after it. Users are copied without passwords.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="PATH|URL", type=arg(inputs.store_location),
                   help="the store to copy")
    p.add_argument("--to", dest="target", required=True, metavar="PATH|URL", type=arg(inputs.new_store_location),
                   help="a new store file, or an empty database (postgresql+psycopg://…)")
    p.add_argument("--force", action="store_true", help="replace what the target holds")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    progress = progress_printer(args.quiet)
    report = copy_store(args.source, args.target, args.force, progress)
    if not args.quiet:
        sys.stderr.write("\n")
    data = {"source": report.source, "target": report.target, "seconds": round(report.seconds, 2),
            "rows": report.rows, "audit_entries": report.audit_entries}
    text = (f"copied {report.source} -> {report.target} in {report.seconds:.1f} s: "
            f"{sum(report.rows.values()):,} rows in {len(report.rows)} tables, "
            f"{report.audit_entries:,} audit entries (chain verified, store.copy entry added)")
    return Result(data, text)
