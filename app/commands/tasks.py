"""``jingkong tasks list|create|claim|update|show|cascade|escalate``: the dispatch queue from the shell,
over the same model and rules as the console (a lost claim race exits 2 naming who holds the task)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from app.arguments import arg
from app.commands.common import Result, add_action, add_by
from app.domain.admin import Level
from app.domain.tasks import OPEN_STATUSES, TaskRow, TaskStatus
from app.models import inputs
from app.models.dispatch.cascade import cascade, progress
from app.models.dispatch.catalogue import KINDS, PRIORITIES, SOURCES
from app.models.dispatch.escalation import escalate_overdue
from app.models.dispatch.lifecycle import parse_status
from app.models.dispatch.service import TaskService
from app.store.queries.tasks import SORT_KEYS, TaskFilter, task_count, task_page
from app.store.tables.admin import AdminUnit
from app.store.tables.persons import Person
from app.store.tables.tasks import Task

MAX_PAGE = 10_000  # tasks in one listing
from app.timebase import format_seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("tasks", help="the dispatch queue: list, create, claim, update, show tasks",
                              description="Work the dispatch queue: tasks routed to towns, villages and grid leaders.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = _action(actions, "list", "list tasks, filtered and sorted", _list)
    a.add_argument("--status", type=arg(inputs.name_list), help="comma-separated statuses (default: open ones; 'all' for every status)")
    a.add_argument("--kind", choices=KINDS)
    a.add_argument("--source", choices=SOURCES)
    a.add_argument("--unit", metavar="CODE", type=arg(inputs.text, AdminUnit.code), help="tasks assigned to this unit or below it")
    a.add_argument("--overdue", action="store_true", help="only open tasks past due")
    a.add_argument("--sort", default="due_at", choices=SORT_KEYS)
    a.add_argument("--desc", action="store_true", help="sort descending")
    a.add_argument("--limit", type=arg(inputs.whole_number, 1, MAX_PAGE), default=50, help=f"at most N tasks (1 .. {MAX_PAGE}, default 50)")
    a.add_argument("--offset", type=arg(inputs.whole_number, 0), default=0)

    a = _action(actions, "create", "create a task routed to its unit", _create)
    a.add_argument("--kind", required=True, choices=KINDS)
    a.add_argument("--title", required=True, type=arg(inputs.text, Task.title))
    a.add_argument("--source", default="manual", choices=SOURCES)
    a.add_argument("--unit", metavar="CODE", type=arg(inputs.text, AdminUnit.code), help="target admin unit code")
    a.add_argument("--person", metavar="IDS", type=arg(inputs.id_list, Person.id), help="comma-separated person ids")
    a.add_argument("--wkt", help="a point or polygon target inside the county, WKT in EPSG:4490")
    a.add_argument("--priority", type=int, choices=PRIORITIES, default=2, help="1 urgent .. 3 routine (default 2)")
    a.add_argument("--ref", type=arg(inputs.text, Task.source_ref), help="source reference (warning id, screening run ...)")
    a.add_argument("--note", default="", type=arg(inputs.text, required=False))
    add_by(a, "cli")
    a.add_argument("--dispatch", action="store_true", help="dispatch the task at once")

    a = _action(actions, "claim", "claim a dispatched task (exit 2 if someone else holds it)", _claim)
    _task_id(a)
    add_by(a)

    a = _action(actions, "update", "move a task to another status, or add a note", _update)
    _task_id(a)
    a.add_argument("--status", type=arg(inputs.text), help=", ".join(s.key for s in TaskStatus) + " (omit to add only a note)")
    add_by(a)
    a.add_argument("--note", default="", type=arg(inputs.text, required=False))
    a.add_argument("--version", type=arg(inputs.whole_number, 1), help="refuse if the task is no longer at this version")

    a = _action(actions, "show", "a task with its people, children and audit trail", _show)
    _task_id(a)

    a = _action(actions, "cascade", "fan a task out to the villages or grids below its unit", _cascade)
    _task_id(a)
    a.add_argument("--to", required=True, choices=("town", "village", "grid"))
    add_by(a, "cli")

    a = _action(actions, "escalate", "escalate every overdue task to the parent unit", _escalate)
    add_by(a, "system")


def _task_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=arg(inputs.record_id, Task.id), help="task id")


def _action(actions: argparse._SubParsersAction, name: str, text: str,
            body: Callable[[TaskService, argparse.Namespace], Result]) -> argparse.ArgumentParser:
    return add_action(actions, name, text, lambda console: console.tasks, body)


def task_json(row: TaskRow) -> dict[str, Any]:
    return asdict(row) | {"status": TaskStatus(row.status).key, "due": format_seconds(row.due_at)}


def _line(row: TaskRow) -> str:
    who = row.claimed_by or row.assignee_name or row.assignee_role
    return (f"{row.id:>7}  {TaskStatus(row.status).key:<12} P{row.priority}  {row.kind:<20} due {format_seconds(row.due_at)}"
            f"  {row.assignee_code:<15} {who:<12} {row.title}")


def _list(service: TaskService, args: argparse.Namespace) -> Result:
    if args.status == ["all"]:
        statuses: tuple[int, ...] = ()
    elif args.status:
        statuses = tuple(int(parse_status(s)) for s in args.status)
    else:
        statuses = tuple(int(s) for s in OPEN_STATUSES)
    if args.unit:
        service.router.by_code(args.unit)
    f = TaskFilter(statuses=statuses, kinds=(args.kind,) if args.kind else (), sources=(args.source,) if args.source else (),
                   unit_code=args.unit, overdue_at=service.clock() if args.overdue else None,
                   sort=args.sort, descending=args.desc)
    rows = task_page(service.store, f, args.offset, args.limit)
    total = task_count(service.store, f)
    text = "\n".join([_line(r) for r in rows] + [f"{len(rows)} of {total} tasks"])
    return Result({"total": total, "tasks": [task_json(r) for r in rows]}, text)


def _create(service: TaskService, args: argparse.Namespace) -> Result:
    task_id = service.create(kind=args.kind, source=args.source, title=args.title, target_unit_code=args.unit,
                             person_ids=args.person or (), priority=args.priority,
                             source_ref=args.ref, by=args.by, note=args.note, target_wkt=args.wkt)
    row = service.transition(task_id, TaskStatus.DISPATCHED, by=args.by) if args.dispatch else service.get(task_id)
    return Result(task_json(row), f"created task {task_id} → {row.assignee_role} {row.assignee_code}, due {format_seconds(row.due_at)}")


def _claim(service: TaskService, args: argparse.Namespace) -> Result:
    row = service.claim(args.id, by=args.by)
    return Result(task_json(row), f"task {row.id} claimed by {row.claimed_by}")


def _update(service: TaskService, args: argparse.Namespace) -> Result:
    if args.status is None:
        row = service.note(args.id, args.note, by=args.by)
        return Result(task_json(row), f"note added to task {row.id}")
    row = service.transition(args.id, args.status, by=args.by, note=args.note, expected_version=args.version)
    return Result(task_json(row), f"task {row.id} is {TaskStatus(row.status).key}")


def _show(service: TaskService, args: argparse.Namespace) -> Result:
    row, events, people = service.get(args.id), service.events(args.id), service.people(args.id)
    rollup = progress(service, args.id)
    data = task_json(row) | {"people": people, "children": rollup.counts,
                             "events": [asdict(e) for e in events]}
    lines = [_line(row), f"people: {', '.join(map(str, people)) or '-'}   children: {rollup.text}"]
    for e in events:
        change = "" if e.to_status is None else f"{'' if e.from_status is None else TaskStatus(e.from_status).key} → {TaskStatus(e.to_status).key}"
        lines.append(f"  {format_seconds(e.at)}  {e.by:<12} {e.action:<10} {change:<28} {e.note}")
    return Result(data, "\n".join(lines))


def _cascade(service: TaskService, args: argparse.Namespace) -> Result:
    ids = cascade(service, args.id, Level[args.to.upper()], by=args.by)
    return Result({"parent": args.id, "children": ids}, f"task {args.id} fanned out into {len(ids)} {args.to} tasks")


def _escalate(service: TaskService, args: argparse.Namespace) -> Result:
    ids = escalate_overdue(service, by=args.by)
    return Result({"escalated": ids}, f"{len(ids)} overdue tasks escalated")
