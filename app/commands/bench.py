"""``jingkong bench GROUP``: run named benchmark cases and report medians."""

from __future__ import annotations

import argparse

from app.arguments import arg
from app.bench import BenchContext, groups, load_cases, measure
from app.commands.common import CommandError, Result, add_store_options
from app.models import inputs
from app.store.demo.scale import SCALES

MAX_RUNS = 1000


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("bench", help="run a benchmark group", description=f"Run a benchmark group: {', '.join(groups())}. Each case runs once as warm-up, then N times.")
    p.add_argument("group", help="benchmark group: " + ", ".join(groups()))
    p.add_argument("--case", action="append", type=arg(inputs.text), help="only this case (repeatable)")
    p.add_argument("--runs", type=arg(inputs.whole_number, 1, MAX_RUNS), default=5, help=f"measured runs per case (1 .. {MAX_RUNS}, default 5)")
    p.add_argument("--seconds", type=arg(inputs.number, 1, 3600), help="how long load cases run (centre: default 60)")
    p.add_argument("--scale", default="tiny", choices=SCALES, help="store scale for groups that generate (generate: tiny|small|full)")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    ctx = BenchContext(db=args.db, runs=args.runs, options={"scale": args.scale, "seconds": args.seconds})
    cases = load_cases(args.group, ctx)
    if args.case:
        unknown = set(args.case) - {c.name for c in cases}
        if unknown:
            raise CommandError(f"unknown case(s) {', '.join(sorted(unknown))} in group {args.group} (cases: {', '.join(c.name for c in cases)})")
        cases = [c for c in cases if c.name in args.case]
    results = {}
    lines = []
    for case in cases:
        results[case.name] = measure(case, args.runs)
        r = results[case.name]
        extra = "  ".join(f"{k}={v}" for k, v in r.items() if k not in ("median_ms", "min_ms", "max_ms", "runs"))
        lines.append(f"{case.name:<24} median {r['median_ms']:>10.2f} ms   min {r['min_ms']:>10.2f}   max {r['max_ms']:>10.2f}   runs {r['runs']}  {extra}")
    return Result(results, "\n".join(lines))
