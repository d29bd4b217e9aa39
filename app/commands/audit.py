"""``jingkong audit verify|log``: check the audit trail's hash chain and every task against its events."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.commands.common import Result, add_action
from app.domain.tasks import TaskStatus
from app.models.audit_trail import AuditTrail
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("audit", help="check or read the audit trail",
                              description="The append-only, hash-chained audit trail of the store.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add_action(actions, "verify", "check the hash chain and the tasks' states (exit 2 naming the first break)",
               lambda c: c.audit, _verify)
    a = add_action(actions, "log", "the newest entries of the audit trail", lambda c: c.audit, _log)
    a.add_argument("--limit", type=int, default=30)


def _status(value: int | None) -> str:
    return "no status event" if value is None else TaskStatus(value).key


def _verify(trail: AuditTrail, args: argparse.Namespace) -> Result:
    report = trail.check()
    lines = [f"audit chain: {report.entries:,} entries, " + ("intact" if report.broken is None
                                                               else f"BROKEN at {report.broken.reason}")]
    lines += [f"task {m.task_id}: status {_status(m.status)} but its events leave it {_status(m.by_events)}"
              for m in report.mismatches]
    data = {"entries": report.entries, "intact": report.intact,
            "broken": asdict(report.broken) if report.broken else None,
            "mismatches": [asdict(m) for m in report.mismatches]}
    return Result(data, "\n".join(lines), exit_code=0 if report.intact else 2)


def _log(trail: AuditTrail, args: argparse.Namespace) -> Result:
    rows = trail.recent(args.limit)
    text = "\n".join(f"{r['id']:>7}  {format_seconds(r['at'])}  {r['actor']:<12} {r['action']:<16} {r['subject']}  "
                     f"{r['detail']}" for r in rows)
    return Result(rows, text or "no entries")
