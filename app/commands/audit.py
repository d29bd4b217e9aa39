"""``jingkong audit verify|anchor|log``: check the audit trail's hash chain and every task against its events,
and write the chain's head down outside the database so that a rewrite of the whole table is caught too."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import asdict

from app.arguments import arg
from app.commands.common import CommandError, Result, add_action
from app.domain.tasks import TaskStatus
from app.models import inputs
from app.models.audit_trail import AuditTrail
from app.store.audit import Anchor
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("audit", help="check or read the audit trail",
                              description="The append-only, hash-chained audit trail of the store.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    v = add_action(actions, "verify", "check the hash chain and the tasks' states (exit 2 naming the first break)",
                   lambda c: c.audit, _verify)
    v.add_argument("--anchor", metavar="FILE.json", type=arg(inputs.audit_anchor),
                   help="an anchor written by `audit anchor`: its entry must still carry the hash written down")
    a = add_action(actions, "anchor", "write the chain's newest entry and hash down, to keep outside the database",
                   lambda c: c.audit, _anchor)
    a.add_argument("--out", metavar="FILE.json", type=arg(inputs.output_file, (".json",)),
                   help="where to write the anchor (default: print it)")
    log = add_action(actions, "log", "the newest entries of the audit trail", lambda c: c.audit, _log)
    log.add_argument("--limit", type=arg(inputs.whole_number, 1, 10_000), default=30, help="how many (1 .. 10000)")


def _status(value: int | None) -> str:
    return "no status event" if value is None else TaskStatus(value).key


def _verify(trail: AuditTrail, args: argparse.Namespace) -> Result:
    report = trail.check(Anchor(*args.anchor) if args.anchor else None)
    lines = [f"audit chain: {report.entries:,} entries, " + ("intact" if report.broken is None
                                                               else f"BROKEN at {report.broken.reason}")]
    lines += [f"task {m.task_id}: status {_status(m.status)} but its events leave it {_status(m.by_events)}"
              for m in report.mismatches]
    data = {"entries": report.entries, "intact": report.intact,
            "broken": asdict(report.broken) if report.broken else None,
            "mismatches": [asdict(m) for m in report.mismatches]}
    return Result(data, "\n".join(lines), exit_code=0 if report.intact else 2)


def _anchor(trail: AuditTrail, args: argparse.Namespace) -> Result:
    head = trail.head()
    if head is None:
        raise CommandError("the audit trail is empty: nothing to anchor yet")
    data = {"entry": head.entry_id, "hash": head.hash, "written": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
    if args.out:
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    where = f" to {args.out}" if args.out else ""
    return Result(data, f"anchored entry {head.entry_id} ({head.hash[:16]}…){where}: keep it away from the database "
                        "and pass it to `audit verify --anchor`")


def _log(trail: AuditTrail, args: argparse.Namespace) -> Result:
    rows = trail.recent(args.limit)
    text = "\n".join(f"{r['id']:>7}  {format_seconds(r['at'])}  {r['actor']:<12} {r['action']:<16} {r['subject']}  "
                     f"{r['detail']}" for r in rows)
    return Result(rows, text or "no entries")
