"""The people a console may look up: lists by unit, and one person's details — each opening audited.

Who opened whose details is written to the audit trail (``person.view``) before the details are returned, so
there is no way to see a person through the console without leaving that line.
"""

from __future__ import annotations

from app.domain.roles import Principal
from app.models.audit_trail import AuditTrail
from app.store import Store
from app.store.queries.person_cards import PersonCard, person_card, person_cards


class PersonNotVisible(LookupError):
    """No such person, or one outside what the principal may see (the two are not told apart)."""


class PeopleDirectory:
    def __init__(self, store: Store, trail: AuditTrail) -> None:
        self.store = store
        self.trail = trail

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
