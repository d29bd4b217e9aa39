"""``jingkong persons list|show|add``: the people the logged-in user may see (opening one is audited), and
entering a person found door to door."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.commands.common import CommandError, Result, add_action
from app.models.people_directory import KINDS, PeopleDirectory, PersonNotVisible
from app.store.queries.person_cards import PersonCard


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("persons", help="people the user may see: list by unit, show one (audited)",
                              description="People within the logged-in user's units (masked for masked roles).")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = add_action(actions, "list", "list people whose home grid lies under a unit", lambda c: c.people, _list)
    a.add_argument("--unit", metavar="CODE", help="only people living under this unit")
    a.add_argument("--limit", type=int, default=50)
    a.add_argument("--offset", type=int, default=0)
    a = add_action(actions, "show", "one person's details (written to the audit trail)", lambda c: c.people, _show)
    a.add_argument("id", type=int)
    a = add_action(actions, "add", "enter a person found door to door (on a pack: sent to the centre at sync)",
                   lambda c: c.people, _add)
    a.add_argument("--id-number", required=True, help="the 18-character identity number (only its keyed hash and "
                                                      "mask are kept)")
    a.add_argument("--name", required=True)
    a.add_argument("--grid", metavar="CODE", required=True, help="the home grid (15 digits)")
    a.add_argument("--kind", default="resident", choices=KINDS)


def _line(card: PersonCard) -> str:
    return f"{card.id:>8}  {card.id_masked}  {card.name or '—':<6}  {card.grid_code or '—'}"


def _list(people: PeopleDirectory, args: argparse.Namespace) -> Result:
    cards = people.list(args.unit, args.limit, args.offset)
    return Result([asdict(c) for c in cards], "\n".join(map(_line, cards)) or "no people")


def _show(people: PeopleDirectory, args: argparse.Namespace) -> Result:
    try:
        card = people.open(args.id)
    except PersonNotVisible as exc:
        raise CommandError(str(exc)) from None
    return Result(asdict(card), "\n".join(f"{k}: {v}" for k, v in asdict(card).items()))


def _add(people: PeopleDirectory, args: argparse.Namespace) -> Result:
    person_id = people.add(args.id_number, args.name, args.grid, args.kind)
    return Result({"id": person_id}, f"person {person_id} entered in grid {args.grid}")
