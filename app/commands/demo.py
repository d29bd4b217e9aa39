"""``jingkong demo``: generate the synthetic demo county into a store."""

from __future__ import annotations

import argparse
import sys
import time

from app.arguments import arg
from app.commands.common import CommandError, Result, progress_printer
from app.console import Console
from app.models import inputs
from app.store.demo.generate import generate_store
from app.store.demo.scale import SCALES
from app.store.store import default_store_path, resolve_url, sqlite_path, store_exists

MAX_SEED = 2**32 - 1


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo", help="generate the synthetic demo county",
        description="Generate the schematic demo county (25 towns, 514 villages, 7,977 grids) with synthetic "
                    "people and 60+ days of records. The same seed gives the same store.",
    )
    p.add_argument("--scale", default="small", help="tiny | small | full (default small)")
    p.add_argument("--seed", type=arg(inputs.whole_number, 0, MAX_SEED), default=1, help="random seed (default 1)")
    p.add_argument("--out", "--db", dest="out", metavar="PATH|URL", type=arg(inputs.new_store_location),
                   help=f"store file or SQLAlchemy URL (default {default_store_path()})")
    p.add_argument("--force", action="store_true", help="replace a store that is already there (never one in use)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    if args.scale not in SCALES:
        raise CommandError(f"--scale must be one of {', '.join(SCALES)}, not {args.scale!r}")
    target = args.out or str(default_store_path())
    if not args.force and store_exists(target):
        raise CommandError(f"{target} already exists: add --force to replace it")
    progress = progress_printer(args.quiet)
    report = generate_store(target, args.scale, args.seed, progress)
    indicators_s = None
    if sqlite_path(resolve_url(target)) is not None:
        if not args.quiet:
            sys.stderr.write(f"\r{'[100%] indicators':<47}")
        started = time.perf_counter()
        _save_indicators(target)
        indicators_s = round(time.perf_counter() - started, 2)
    if not args.quiet:
        sys.stderr.write("\n")
    data = {"store": report.store, "scale": report.scale, "seed": report.seed, "seconds": round(report.seconds, 2),
            "rows": report.rows, "records_total": report.records_total, "indicators_seconds": indicators_s}
    text = (f"generated {report.scale} demo county (seed {report.seed}) in {report.seconds:.1f} s -> {report.store}\n"
            f"{report.records_total:,} records; " + ", ".join(f"{t} {n:,}" for t, n in report.rows.items()))
    return Result(data, text)


def _save_indicators(target: str) -> None:
    """Compute the indicators of a new embedded store once and keep them in this user's cache, so the console's first
    start on it has them at once (as every later start does). A PostgreSQL centre is left out: its consoles run
    on other workstations, each keeping its own."""
    console = Console.open(target)
    try:
        console.indicators.compute()
        console.indicators.save()
    finally:
        console.close()
