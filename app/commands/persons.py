"""``jingkong persons list|show``: the people the logged-in user may see; opening one is audited."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.commands.common import CommandError, Result, add_action
from app.models.people_directory import PeopleDirectory, PersonNotVisible
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
