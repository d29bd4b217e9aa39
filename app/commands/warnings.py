"""``jingkong warnings``: evaluate the smart-warning rules as of a time (and optionally record them)."""

from __future__ import annotations

import argparse

from app.commands.common import CommandError, Result, add_store_options, open_console
from app.models.as_of import parse_time, period_end
from app.models.warnings.routing import Routing
from app.models.warnings.rules import RuleError
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("warnings", help="evaluate the smart-warning rules (一脑智查)",
                              description="Evaluate the warning rules of resources/warning_rules.json over the whole store.")
    p.add_argument("--as-of", metavar="T", help="evaluate as of this time: YYYY-MM-DD (end of day), "
                                               "YYYY-MM-DDTHH:MM or Unix seconds (default: end of the store's period)")
    p.add_argument("--rule", action="append", metavar="ID", help="only this rule (repeatable)")
    p.add_argument("--record", action="store_true", help="store new warnings (one open warning per person and rule)")
    p.add_argument("--limit", type=int, metavar="N", help="list at most N warnings (totals still count all)")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    if args.limit is not None and args.limit < 0:
        raise CommandError(f"--limit must not be negative, not {args.limit}")
    console = open_console(args)
    try:
        as_of = parse_time(args.as_of) if args.as_of else period_end(console.meta)
        try:
            service = console.warnings
            findings = service.evaluate(as_of, args.rule)
        except RuleError as exc:
            raise CommandError(str(exc)) from None
        recorded = service.record(findings) if args.record else None
        rows = Routing(console.store).rows(findings, args.limit)
    finally:
        console.close()
    totals = {f.rule.id: len(f) for f in findings}
    data = {"as_of": as_of, "as_of_text": format_seconds(as_of), "totals": totals, "total": sum(totals.values()),
            "recorded": recorded, "warnings": rows}
    lines = [f"warnings as of {format_seconds(as_of)} (CST): {sum(totals.values())}"]
    lines += [f"  {f.rule.id:<26} {f.rule.name_zh:<12} {len(f):>8}" for f in findings]
    if recorded is not None:
        lines.append(f"recorded {recorded} new warning(s)")
    unrouted = {f.rule.id: int((f.grid_id < 0).sum()) for f in findings if (f.grid_id < 0).any()}
    if unrouted:
        lines.append("without a home grid: " + ", ".join(f"{k} {v}" for k, v in sorted(unrouted.items())))
    return Result(data, "\n".join(lines))
