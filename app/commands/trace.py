"""``jingkong trace``: close and secondary contacts of a case, with the evidence of each exposure."""

from __future__ import annotations

import argparse

from app.commands.common import CommandError, Result, add_store_options, open_console
from app.models.as_of import parse_time
from app.models.trace_view import trace_rows
from app.models.tracing import TraceError, trace
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("trace", help="trace the contacts of a case (流调)",
                              description="Close contacts: people scanned at the same venue or checkpoint within "
                                          "± the window during the days before onset; then their contacts, to --depth.")
    p.add_argument("--person", type=int, required=True, metavar="ID", help="the case's person id")
    p.add_argument("--at", required=True, metavar="T", help="onset: Unix seconds or YYYY-MM-DD[THH:MM] (CST)")
    p.add_argument("--window", type=float, default=30, metavar="MIN", help="± minutes at the same place (default 30)")
    p.add_argument("--depth", type=int, default=2, metavar="N", help="1 close contacts only .. 3 (default 2)")
    p.add_argument("--days", type=int, default=14, metavar="N", help="days before onset to search (default 14)")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    onset = parse_time(args.at, end_of_day=False)
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
