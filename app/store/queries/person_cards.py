"""People as the console lists and opens them, limited to what the store's principal may see.

The limit is applied here for the embedded store (home grid under the principal's unit; full name and identity
hash only for unmasked roles) and again by PostgreSQL's row-level security and column privileges on a command
centre, where a query that asked for more would get nothing or be refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select

from app.domain.roles import COUNTY_CODE, Principal, code_range
from app.store.store import Store
from app.store.tables.admin import AdminUnit
from app.store.tables.persons import Person


@dataclass(frozen=True)
class PersonCard:
    id: int
    kind: int
    id_masked: str
    name: str | None  # None for masked roles
    sex: int
    birth_day: int
    health_code: int
    phone_masked: str
    grid_code: str | None


def _cards(principal: Principal) -> Select:
    p, u = Person.__table__, AdminUnit.__table__
    columns = [p.c.id, p.c.kind, p.c.id_masked, p.c.sex, p.c.birth_day, p.c.health_code, p.c.phone_masked,
               u.c.code.label("grid_code")]
    if not principal.role.masked:
        columns.append(p.c.name)
    query = select(*columns).select_from(p.outerjoin(u, u.c.id == p.c.home_grid_id))
    if principal.scope != COUNTY_CODE:
        low, high = code_range(principal.scope)
        query = query.where(u.c.code >= low, u.c.code < high)
    return query


def _card(row) -> PersonCard:  # noqa: ANN001
    values = dict(row._mapping)
    return PersonCard(name=values.pop("name", None), **values)


def person_cards(store: Store, unit_code: str | None = None, limit: int = 200, offset: int = 0) -> list[PersonCard]:
    """People whose home grid lies under ``unit_code`` (and under the principal's unit), by id."""
    p, u = Person.__table__, AdminUnit.__table__
    query = _cards(store.principal)
    if unit_code:
        low, high = code_range(unit_code)
        query = query.where(u.c.code >= low, u.c.code < high)
    with store.engine.connect() as conn:
        return [_card(r) for r in conn.execute(query.order_by(p.c.id).offset(offset).limit(limit))]


def person_card(store: Store, person_id: int) -> PersonCard | None:
    """One person, or None if there is none the principal may see."""
    with store.engine.connect() as conn:
        row = conn.execute(_cards(store.principal).where(Person.__table__.c.id == person_id)).first()
    return _card(row) if row else None


__all__ = ["PersonCard", "person_card", "person_cards"]
