"""What a pack made for a role may hold: decided by the rule the store's access layer enforces, not a table of
its own.

The roles are the command centre's (``app.domain.roles.Role``). A pack is made for a principal — the role and
the unit it is bound to — and holds what that principal could see at the centre: a town or village/grid
operator takes out only its own unit (``check_unit_for``, the rule user accounts are bound by); county-wide
roles take out any unit. A masked role (drill coordinator, trainer, auditor) gets names masked and no identity
hash, exactly the columns PostgreSQL's column privileges withhold from it (``access.MASKED_COLUMNS``); the
others carry the keyed hash and names in clear, as they see them at the centre. A pack opens as that principal,
so the data layer keeps the same rules offline (a trainer's pack is read-only).
"""

from __future__ import annotations

from app.domain.roles import Principal, Role, check_unit_for, parse_role
from app.store.packs.copy import PackPolicy

DEFAULT_ROLE = Role.TOWN_OPERATOR
ROLE_NAMES = tuple(r.value for r in Role)


def pack_policy(role: Role) -> PackPolicy:
    """What of the people a pack for ``role`` holds: the same columns the access layer lets the role select."""
    return PackPolicy(people=True, records=True, identity_hash=not role.masked, clear_names=not role.masked)


def principal_for(role_name: str, unit_code: str, user: str) -> Principal:
    """The principal a pack of ``unit_code`` is made for; ValueError for a unit the role may not take out (an
    operator bound to one town packing another level)."""
    role = parse_role(role_name)
    if role in (Role.TOWN_OPERATOR, Role.GRID_OPERATOR):
        check_unit_for(role, unit_code)
    return Principal(user, role, unit_code)
