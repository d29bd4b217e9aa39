"""``jingkong sync PACK --to CENTRE``: send an offline pack's changes to its centre and bring the centre's back;
``jingkong sync conflicts`` and ``jingkong sync resolve ID --take mine|theirs|merged``: review what could not
be applied because the centre changed the same field meanwhile."""

from __future__ import annotations

import argparse
import json
import sys
import time

from app.arguments import arg
from app.commands.common import CommandError, Result, add_by, add_store_options
from app.models import inputs
from app.models.packs.service import sync
from app.store import Store
from app.store.packs.conflicts import RESOLUTIONS, list_conflicts, resolve
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sync", help="sync an offline pack with its centre; review and resolve conflicts",
                              description="'jingkong sync PACK --to CENTRE' sends the pack's offline changes (each "
                                          "exactly once) and brings the centre's changes back; 'jingkong sync "
                                          "conflicts' lists fields both sides changed; 'jingkong sync resolve ID "
                                          "--take mine|theirs|merged [--value V] --by NAME' resolves one (audited).")
    p.add_argument("pack", metavar="PACK|conflicts|resolve", help="the pack file to sync, or an action")
    p.add_argument("conflict", nargs="?", type=arg(inputs.whole_number, 1), help="the conflict id (resolve)")
    p.add_argument("--to", metavar="PATH|URL", type=arg(inputs.store_location), help="the centre store")
    p.add_argument("--all", action="store_true", help="conflicts: resolved ones too")
    p.add_argument("--take", choices=RESOLUTIONS, help="resolve: which value to keep")
    p.add_argument("--value", help="resolve --take merged: the value to keep (JSON, or text)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_by(p, "cli")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    if args.pack == "conflicts":
        return _conflicts(args)
    if args.pack == "resolve":
        return _resolve(args)
    if not args.to:
        raise CommandError("--to: name the centre store to sync with (a path or URL)")
    pack = Store.open(inputs.store_location(args.pack, "PACK"))
    try:
        centre = Store.open(args.to)
        try:
            def progress(done: int, total: int) -> None:
                if not args.quiet:
                    print(f"sent {done}/{total} changes", file=sys.stderr, flush=True)

            report = sync(pack, centre, progress)
        finally:
            centre.close()
    finally:
        pack.close()
    p = report.pushed
    data = {"sent": p.sent, "applied": p.applied, "new_rows": p.new_rows, "conflicts": p.conflicts,
            "already_at_centre": p.already,
            "pulled": report.pulled, "seconds": round(report.seconds, 2)}
    text = (f"sent {p.sent} changes: {p.applied} applied ({p.new_rows} new rows made offline), "
            f"{p.conflicts} conflicting fields kept for review, "
            f"{p.already} already at the centre; pack refreshed ({report.pulled.get('tasks', 0)} tasks)"
            + ("\nreview them: jingkong sync conflicts --db CENTRE" if p.conflicts else ""))
    return Result(data, text)


def _conflicts(args: argparse.Namespace) -> Result:
    store = Store.open(args.db)
    try:
        rows = list_conflicts(store, open_only=not args.all)
    finally:
        store.close()
    data = [r.__dict__ for r in rows]
    lines = [f"#{r.id:<5} {r.entity} {r.entity_id} {r.field:<12} mine {json.dumps(r.mine, ensure_ascii=False):<14} "
             f"theirs {json.dumps(r.theirs, ensure_ascii=False):<14} by {r.author or '?'}@{r.device} "
             f"{format_seconds(r.at)} {r.status}{f' ({r.resolution})' if r.resolution else ''}" for r in rows]
    return Result(data, "\n".join(lines) if lines else "no open conflicts")


def _resolve(args: argparse.Namespace) -> Result:
    if args.conflict is None or args.take is None:
        raise CommandError("resolve needs a conflict id and --take mine|theirs|merged")
    merged = None
    if args.value is not None:
        try:
            merged = json.loads(args.value)
        except json.JSONDecodeError:
            merged = args.value
    store = Store.open(args.db)
    try:
        row = resolve(store, args.conflict, args.take, args.by, int(time.time()), merged)
    finally:
        store.close()
    return Result(row.__dict__, f"conflict {row.id} resolved: {row.entity} {row.entity_id} {row.field} = "
                                f"{json.dumps(row.value, ensure_ascii=False)} ({row.resolution}, by {row.resolved_by})")
