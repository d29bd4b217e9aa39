"""The people a console may look up: lists by unit, and one person's details — each opening audited.

Who opened whose details is written to the audit trail (``person.view``) before the details are returned, so
there is no way to see a person through the console without leaving that line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.domain.people import PersonKind
from app.domain.roles import AccessDenied, Principal
from app.models import inputs
from app.models.audit_trail import AuditTrail
from app.store import Store
from app.store.queries.person_cards import PersonCard, person_card, person_cards
from app.store.queries.person_writes import grid_id, insert_person
from app.store.tables.persons import Person

KINDS = tuple(k.name.lower() for k in PersonKind)


class PersonNotVisible(LookupError):
    """No such person, or one outside what the principal may see (the two are not told apart)."""


class PeopleDirectory:
    """``check_unit`` refuses a unit the console cannot work on (outside an offline pack's area)."""

    def __init__(self, store: Store, trail: AuditTrail, check_unit: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.trail = trail
        self.check_unit = check_unit or (lambda _code: None)

    @property
    def principal(self) -> Principal:
        return self.store.principal

    def list(self, unit_code: str | None = None, limit: int = 200, offset: int = 0) -> list[PersonCard]:
        return person_cards(self.store, unit_code, limit, offset)

    def open(self, person_id: int) -> PersonCard:
        """One person's details, audited; PersonNotVisible if there is none the principal may see."""
        card = person_card(self.store, person_id)
        self.trail.record("person.view", f"person:{person_id}",
                          {"found": card is not None, "masked": self.principal.role.masked})
        if card is None:
            raise PersonNotVisible(f"no person {person_id} that {self.principal.name} may see")
        return card

    @property
    def may_enter(self) -> bool:
        """Whether the principal may enter people (what ``add`` checks first): it writes and sees identity."""
        return not (self.principal.role.read_only or self.principal.role.masked)

    def add(self, number: str, name: str, grid_code: str, kind: str = "resident") -> int:
        """Enter a person found door to door (audited); returns the new id. A masked role may not enter identity
        data it could not see; the number is checked (GB 11643) and only its keyed hash and mask are kept."""
        who = self.principal
        who.require_write("enter people")
        if who.role.masked:
            raise AccessDenied(f"{who.name} ({who.role.value}) sees identity masked: cannot enter people")
        number = inputs.identity_number(number, "--id-number")
        values = {"name": inputs.text(name, "--name", Person.name),
                  "kind": int(PersonKind[inputs.choice(kind, "--kind", KINDS).upper()]),
                  "sex": inputs.identity_sex(number), "occupation": 0, "health_code": 0,
                  "birth_day": (inputs.identity_birth_day(number) - dt.date(1970, 1, 1)).days,
                  "phone_masked": "",
                  "home_grid_id": grid_id(self.store, inputs.admin_code(grid_code, "--grid"))}
        self.check_unit(grid_code)
        if not who.covers(grid_code):
            raise AccessDenied(f"{who.name} ({who.role.value}) works under {who.scope}, not {grid_code}")
        person_id = insert_person(self.store, number, values)
        self.trail.record("person.add", f"person:{person_id}", {"grid": grid_code})
        return person_id
