"""``jingkong indicators``: the indicator catalogue, and indicator values for the units of a level."""

from __future__ import annotations

import argparse
import datetime as dt

from app.arguments import arg
from app.commands.common import CommandError, Result, add_store_options, open_console
from app.console import Console
from app.domain.admin import Level
from app.models import inputs
from app.models.as_of import check_date
from app.models.indicators import Catalogue, load_catalogue
from app.models.indicators.table import IndicatorTable, level_table

LEVELS = [level.key for level in Level]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("indicators", help="the indicator catalogue and indicator values per unit",
                              description="List the indicator catalogue (--list), or compute indicators for every "
                                          "unit of a level as of a date (--level).")
    p.add_argument("--list", action="store_true", help="print the catalogue")
    p.add_argument("--level", choices=LEVELS, help="admin level to compute for")
    add_choice_options(p)
    add_store_options(p)
    p.set_defaults(run=run)


def add_choice_options(p: argparse.ArgumentParser) -> None:
    """``--units/--ids/--group/--as-of``: which units and indicators, as of which day (also for ``report``)."""
    p.add_argument("--units", metavar="CODE,…", type=arg(inputs.name_list), help="only these unit codes (of --level)")
    p.add_argument("--ids", metavar="ID,…", type=arg(inputs.name_list), help="only these indicator ids")
    p.add_argument("--group", type=arg(inputs.text), help="only the indicators of this group")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", type=arg(inputs.day),
                   help="as of this date (default: the last day of the data)")


def chosen_ids(catalogue: Catalogue, ids: list[str] | None, group: str | None) -> list[str] | None:
    """Indicator ids from ``--ids`` and ``--group``; CommandError naming an unknown one."""
    chosen = ids
    unknown = [i for i in chosen or [] if i not in {x.id for x in catalogue}]
    if unknown:
        raise CommandError(f"unknown indicator id(s) {', '.join(unknown)} (see: jingkong indicators --list)")
    if group is not None:
        if group not in {g.id for g in catalogue.groups}:
            raise CommandError(f"unknown group {group!r} (groups: {', '.join(g.id for g in catalogue.groups)})")
        chosen = [i.id for i in catalogue.in_group(group) if chosen is None or i.id in chosen]
    return chosen


def parse_as_of(as_of: dt.date | None, console: Console) -> dt.date:
    """The ``--as-of`` date, checked against the data period before anything is computed."""
    if as_of is None:
        return console.period_end
    return check_date(as_of, console.indicators.period)


def run(args: argparse.Namespace) -> Result:
    if args.list:
        return _list(load_catalogue(), chosen_ids(load_catalogue(), args.ids, args.group))
    if args.level is None:
        raise CommandError("give --list, or --level county|town|village|grid")
    table, _names = compute_table(args)
    as_of = table.as_of
    data = table.as_dict()
    lines = [f"{table.level.key} indicators as of {as_of}: {len(table.codes)} units × {len(table.indicators)} indicators"]
    for code, values in list(data.items())[:50]:
        lines.append(code + "  " + "  ".join(f"{k}={'—' if v is None else f'{v:g}'}" for k, v in list(values.items())[:8]))
    if len(data) > 50:
        lines.append(f"… {len(data) - 50} more units (use --units, or --json)")
    return Result(data, "\n".join(lines))


def _list(catalogue: Catalogue, ids: list[str] | None) -> Result:
    rows = [i for i in catalogue if ids is None or i.id in ids]
    data = [{"id": i.id, "name_zh": i.name_zh, "name_en": i.name_en, "group": i.group, "unit": i.unit,
             "formula": i.formula, "good": i.good,
             "thresholds": None if i.warning is None else {"warning": i.warning, "alarm": i.alarm}} for i in rows]
    text = "\n".join(f"{i.id:<28} {i.group:<12} {i.unit:<8} {i.name_zh}  {i.name_en}" for i in rows)
    return Result(data, text + f"\n{len(rows)} indicators")


def compute_table(args: argparse.Namespace) -> tuple[IndicatorTable, dict[str, str]]:
    """The indicators chosen by ``--ids/--group/--units/--as-of`` for ``--level``, with the units' names."""
    console = open_console(args)
    try:
        engine = console.indicators
        ids = chosen_ids(engine.catalogue, args.ids, args.group)
        as_of = parse_as_of(args.as_of, console)
        try:
            table = level_table(engine, Level[args.level.upper()], as_of, ids, args.units)
        except KeyError as exc:
            raise CommandError(str(exc).strip("'\"")) from None
        return table, {code: engine.tree.name(code) for code in table.codes}
    finally:
        console.close()
