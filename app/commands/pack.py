"""``jingkong pack --unit CODE [--role ROLE] --out FILE``: take a town, village set or the county out for an
offline laptop; ``jingkong pack list``: the packs a centre has handed out, and how stale each is."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from app.arguments import arg
from app.commands.common import CommandError, Result, add_store_options
from app.models import inputs
from app.models.packs.roles import DEFAULT_ROLE, ROLE_NAMES
from app.models.packs.service import make_pack
from app.store import Store
from app.store.packs.status import packs_out
from app.store.tables.admin import AdminUnit
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("pack", help="take an area out as an offline pack; 'pack list' shows packs out",
                              description="Write a self-contained pack of one unit (town, village or the county) for "
                                          "work with no network, in the forms its role may hold; "
                                          "'jingkong pack list' lists the packs out and how stale they are.")
    p.add_argument("action", nargs="?", choices=("list",), help="list the packs handed out by the centre (--db)")
    p.add_argument("--unit", metavar="CODE", type=arg(inputs.text, AdminUnit.code), help="the unit to take out")
    p.add_argument("--role", default=DEFAULT_ROLE.value, choices=ROLE_NAMES,
                   help=f"the command-centre role of who will use it: the pack holds what that role sees at the centre "
                        f"(default {DEFAULT_ROLE.value})")
    p.add_argument("--out", metavar="FILE", type=arg(inputs.output_file, (".gpkg",)), help="the pack file to write (.gpkg)")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    centre = Store.open(args.db)
    try:
        if args.action == "list":
            return _list(centre)
        if not args.unit or not args.out:
            raise CommandError("--unit and --out are required to make a pack")
        out = Path(args.out)
        report = make_pack(centre, args.unit, args.role, out)
    finally:
        centre.close()
    data = {"path": str(report.path), "pack_id": report.pack_id, "unit": report.area.code, "role": args.role,
            "bytes": report.size_bytes, "seconds": round(report.seconds, 2), "rows": report.rows}
    key = report.path.with_name(report.path.name + ".key")
    data["identity_key"] = str(key) if key.exists() else None
    text = (f"pack of {report.area.code} {report.area.name} for {args.role}: {report.path} "
            f"({report.size_bytes / 1e6:.1f} MB, {report.rows.get('persons', 0)} people, "
            f"{report.rows.get('tasks', 0)} tasks, {report.seconds:.1f} s)"
            + (f"\nidentity key for entering people: {key} (owner-only; never inside the pack)" if key.exists() else ""))
    return Result(data, text)


def _list(centre: Store) -> Result:
    now = int(time.time())
    rows = packs_out(centre)
    data = [{**r.__dict__, "stale_hours": round((now - (r.last_sync_at or r.created_at)) / 3600, 1)} for r in rows]
    lines = [f"{r.pack_id[:8]}  {r.unit_code:<15} {r.role:<18} made {format_seconds(r.created_at)}  "
             f"last sync {format_seconds(r.last_sync_at) if r.last_sync_at else 'never':<16}  "
             f"{d['stale_hours']:>7.1f} h stale  {r.changes_in} changes in  {r.path}" for r, d in zip(rows, data)]
    return Result(data, "\n".join(lines) if lines else "no packs out")
