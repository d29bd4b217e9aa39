"""``jingkong trace``: close and secondary contacts of a case, with the evidence of each exposure."""

from __future__ import annotations

import argparse

from app.arguments import arg
from app.commands.common import CommandError, Result, add_store_options, open_console
from app.models import inputs
from app.models.trace_view import trace_rows
from app.models.tracing import MAX_DEPTH, TraceError, trace
from app.store.tables.persons import Person
from app.timebase import format_seconds

MAX_WINDOW_MINUTES = 24 * 60  # a day either side: past that "at the same place at the same time" means nothing
MAX_DAYS = 366


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("trace", help="trace the contacts of a case (流调)",
                              description="Close contacts: people scanned at the same venue or checkpoint within "
                                          "± the window during the days before onset; then their contacts, to --depth.")
    p.add_argument("--person", type=arg(inputs.record_id, Person.id), required=True, metavar="ID", help="the case's person id")
    p.add_argument("--at", required=True, metavar="T", type=arg(inputs.moment, end_of_day=False),
                   help="onset: Unix seconds or YYYY-MM-DD[THH:MM] (CST)")
    p.add_argument("--window", type=arg(inputs.number, 0, MAX_WINDOW_MINUTES), default=30, metavar="MIN",
                   help=f"± minutes at the same place (0 .. {MAX_WINDOW_MINUTES}, default 30)")
    p.add_argument("--depth", type=arg(inputs.whole_number, 1, MAX_DEPTH), default=2, metavar="N",
                   help=f"1 close contacts only .. {MAX_DEPTH} (default 2)")
    p.add_argument("--days", type=arg(inputs.whole_number, 1, MAX_DAYS), default=14, metavar="N",
                   help=f"days before onset to search (1 .. {MAX_DAYS}, default 14)")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    onset = args.at
    console = open_console(args)
    try:
        result = trace(console.store, args.person, onset, args.window, args.depth, args.days)
        rows = trace_rows(console.store, result)
    except TraceError as exc:
        raise CommandError(str(exc)) from None
    finally:
        console.close()
    by_depth = {str(d): len(result.at_depth(d)) for d in range(1, result.depth + 1)}
    data = {"case": result.case_id, "onset": result.onset, "window_minutes": result.window_minutes,
            "depth": result.depth, "days": result.days, "counts": by_depth, "total": len(result.contacts),
            "contacts": rows}
    lines = [f"trace of person {result.case_id} from {format_seconds(result.onset)} (CST), ±{result.window_minutes:g} min, "
             f"{result.days} days: {len(result.contacts)} contacts"]
    lines += [f"  depth {d}: {n}" for d, n in by_depth.items()]
    return Result(data, "\n".join(lines))
