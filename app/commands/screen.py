"""``jingkong screen``: cohort screening of everyone linked to a risk area (a city or a polygon)."""

from __future__ import annotations

import argparse

from app.arguments import arg
from app.commands.common import CommandError, Result, add_store_options, open_console
from app.models import inputs
from app.models.screening import ScreeningError, city_area, polygon_area
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("screen", help="screen the cohort linked to a risk area (排查)",
                              description="Classify everyone registered in or scanned at a risk area as returned, "
                                          "planning to return, still there or unknown, with evidence.")
    area = p.add_mutually_exclusive_group(required=True)
    area.add_argument("--area", metavar="NAME", type=arg(inputs.text), help="a city named in the natives-elsewhere register (e.g. 上海)")
    area.add_argument("--polygon", metavar="WKT", help="a polygon in EPSG:4490 longitude/latitude")
    p.add_argument("--since", metavar="D", type=arg(inputs.moment, end_of_day=False), help="window start: YYYY-MM-DD[THH:MM] or Unix seconds "
                                               "(default: when the city became a risk area, else 14 days before --until)")
    p.add_argument("--until", metavar="D", type=arg(inputs.moment), help="window end (default: end of the store's period)")
    p.add_argument("--export", metavar="CSV", type=arg(inputs.output_file, (".csv",)), help="also write one line per person to this CSV file")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    console = open_console(args)
    try:
        area = city_area(console.store, args.area) if args.area is not None else polygon_area(args.polygon)
        result = console.screening.compute(area, args.since, args.until)
    except ScreeningError as exc:
        raise CommandError(str(exc)) from None
    finally:
        console.close()
    if args.export:
        result.export_csv(args.export)
    totals = result.totals()
    data = {"area": result.area, "since": result.since, "until": result.until, "total": len(result), "totals": totals,
            "by_town": result.counts_by("town"), "people": result.rows()}
    lines = [f"screening {result.area}: {format_seconds(result.since)} – {format_seconds(result.until)} (CST), {len(result)} people"]
    lines += [f"  {name:<12} {n:>7}" for name, n in totals.items()]
    return Result(data, "\n".join(lines))
