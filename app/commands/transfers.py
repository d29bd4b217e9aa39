"""``jingkong transfers beds|people|specimens|pickup|arrive``: closed-loop transfers of people to quarantine
hotels (within their free beds) and specimen batches to labs, as tasks of the dispatch queue."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict

from app.arguments import arg
from app.commands.common import Result, add_action, add_by
from app.commands.tasks import task_json
from app.models import inputs
from app.models.dispatch.transport import TransportService
from app.store.tables.facilities import Facility
from app.store.tables.persons import Person
from app.store.tables.tasks import Task, Trip


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("transfers", help="transfers of people and specimens (closed loop)",
                              description="Plan and follow transfers of people to quarantine hotels and specimens to labs.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    _action(actions, "beds", "quarantine hotels with their free beds", _beds)
    a = _action(actions, "people", "plan a transfer of people to a hotel (refused past its free beds)", _people)
    a.add_argument("--person", required=True, metavar="IDS", type=arg(inputs.id_list, Person.id), help="comma-separated person ids")
    a.add_argument("--hotel", required=True, type=arg(inputs.record_id, Facility.id), help="facility id of the quarantine hotel")
    _trip_options(a)
    a.add_argument("--origin", default="home", type=arg(inputs.text, Trip.origin), help="where the people are picked up")
    a = _action(actions, "specimens", "plan a specimen batch from a test site to a lab", _specimens)
    a.add_argument("--lab", required=True, type=arg(inputs.record_id, Facility.id), help="facility id of the lab")
    a.add_argument("--site", required=True, type=arg(inputs.record_id, Facility.id), help="facility id of the test site")
    a.add_argument("--samples", required=True, type=arg(inputs.whole_number, 1))
    _trip_options(a)
    for name, text in (("pickup", "the vehicle picked up its load"), ("arrive", "the vehicle arrived")):
        a = _action(actions, name, text, _pickup if name == "pickup" else _arrive)
        a.add_argument("id", type=arg(inputs.record_id, Task.id), help="task id")
        add_by(a)


def _trip_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vehicle", required=True, type=arg(inputs.text, Trip.vehicle), help="the vehicle's plate or name")
    add_by(parser, "cli")


def _action(actions: argparse._SubParsersAction, name: str, text: str,
            body: Callable[[TransportService, argparse.Namespace], Result]) -> argparse.ArgumentParser:
    return add_action(actions, name, text, lambda console: console.transport, body)


def _beds(transport: TransportService, args: argparse.Namespace) -> Result:
    hotels = transport.hotels()
    lines = [f"{h.id:>6}  {h.name:<24} capacity {h.capacity:>5}  used {h.used:>5}  free {h.free:>5}" for h in hotels]
    return Result([asdict(h) | {"free": h.free} for h in hotels], "\n".join(lines) or "no quarantine hotels")


def _people(transport: TransportService, args: argparse.Namespace) -> Result:
    people = args.person
    task = transport.plan_transfer(people, args.hotel, vehicle=args.vehicle, origin=args.origin, by=args.by)
    return Result(task_json(transport.tasks.get(task)), f"transfer task {task}: {len(people)} people → hotel {args.hotel}")


def _specimens(transport: TransportService, args: argparse.Namespace) -> Result:
    task = transport.plan_specimens(args.lab, args.samples, vehicle=args.vehicle, site_id=args.site, by=args.by)
    return Result(task_json(transport.tasks.get(task)), f"specimen task {task}: {args.samples} samples → lab {args.lab}")


def _pickup(transport: TransportService, args: argparse.Namespace) -> Result:
    row = transport.pick_up(args.id, by=args.by)
    return Result(task_json(row) | {"trip": asdict(transport.trip(row.id))}, f"task {row.id} picked up")


def _arrive(transport: TransportService, args: argparse.Namespace) -> Result:
    row = transport.arrive(args.id, by=args.by)
    return Result(task_json(row), f"task {row.id} arrived and closed")
