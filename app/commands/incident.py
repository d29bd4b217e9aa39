"""``jingkong incident``: open an incident from a case, see and edit its plan, dispatch it, follow it, close it."""

from __future__ import annotations

import argparse

from app.commands._incident_output import board_data, board_text, incident_data, plan_data, plan_text
from app.commands.common import Result, add_action
from app.console import Console
from app.models.as_of import parse_time
from app.models.incident.catalogue import ZONE_KINDS
from app.models.incident.service import IncidentService


def _service(console: Console) -> IncidentService:
    return console.incidents


def _incident_id(service: IncidentService, value: int | None) -> int:
    return value if value is not None else service.latest().id


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("incident", help="incidents: plan, dispatch and follow (战时指挥)",
                              description="An incident from a case: zones, checkpoints, sampling, staff, beds and "
                                          "contacts proposed as a plan, dispatched as tasks in one action, followed "
                                          "on the incident clock's milestones.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = add_action(actions, "new", "open an incident from a case (a person, or a place) and propose its plan",
                     _service, _new)
    new.add_argument("--person", type=int, metavar="ID", help="the case's person id")
    new.add_argument("--place", type=int, metavar="ID", help="a positive place (venue or checkpoint) id")
    new.add_argument("--at", required=True, metavar="T", help="when the case became known: Unix seconds or YYYY-MM-DD[THH:MM] (CST)")
    new.add_argument("--name", default="", help="a name for the incident")
    plan = add_action(actions, "plan", "show an incident's plan; --zone KIND --grids CODES moves grids before dispatch",
                      _service, _plan)
    plan.add_argument("id", type=int, nargs="?", help="incident id (default: the latest)")
    plan.add_argument("--zone", choices=[*ZONE_KINDS, "none"], help="the zone to move --grids to (none: out of every zone)")
    plan.add_argument("--grids", metavar="CODE,…", help="grid codes to move")
    dispatch = add_action(actions, "dispatch", "dispatch the plan as tasks in one action (cascaded)", _service, _dispatch)
    dispatch.add_argument("id", type=int, nargs="?", help="incident id (default: the latest)")
    status = add_action(actions, "status", "the milestone board and task counts", _service, _status)
    status.add_argument("id", type=int, nargs="?", help="incident id (default: the latest)")
    status.add_argument("--at", metavar="T", help="the board as it was at T (default: now)")
    close = add_action(actions, "close", "close the incident (open tasks are cancelled)", _service, _close)
    close.add_argument("id", type=int, nargs="?", help="incident id (default: the latest)")


def _new(service: IncidentService, args: argparse.Namespace) -> Result:
    at = parse_time(args.at, end_of_day=False)
    incident_id = service.open(at=at, person_id=args.person, place_id=args.place, name=args.name, by="cli")
    plan = service.plan(incident_id)
    return Result({"incident": incident_id, "plan": plan_data(plan)}, plan_text(incident_id, plan))


def _plan(service: IncidentService, args: argparse.Namespace) -> Result:
    incident_id = _incident_id(service, args.id)
    if args.zone or args.grids:
        if not (args.zone and args.grids):
            raise ValueError("--zone and --grids go together")
        codes = [c.strip() for c in args.grids.split(",") if c.strip()]
        plan = service.edit_zones(incident_id, codes, None if args.zone == "none" else args.zone, by="cli")
    else:
        plan = service.plan(incident_id)
    return Result({"incident": incident_id, "plan": plan_data(plan)}, plan_text(incident_id, plan))


def _dispatch(service: IncidentService, args: argparse.Namespace) -> Result:
    incident_id = _incident_id(service, args.id)
    ids = service.dispatch(incident_id, by="cli")
    return Result({"incident": incident_id, "tasks": len(ids), "task_ids": ids},
                  f"incident {incident_id}: {len(ids)} tasks dispatched")


def _status(service: IncidentService, args: argparse.Namespace) -> Result:
    incident_id = _incident_id(service, args.id)
    row = service.get(incident_id)
    snap = service.snapshot(incident_id, parse_time(args.at, end_of_day=False) if args.at else None)
    return Result({"incident": incident_data(row), **board_data(snap)},
                  f"incident {incident_id} ({row.name})\n" + board_text(row.case_at, snap))


def _close(service: IncidentService, args: argparse.Namespace) -> Result:
    row = service.close(_incident_id(service, args.id), by="cli")
    return Result({"incident": incident_data(row)}, f"incident {row.id} closed")


