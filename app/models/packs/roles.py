"""What each role may take out in a pack: the widest unit it may pack and what of the people it may hold.

A rule table, not code paths: the centre's roles (the command-centre work) map onto these names, and a pack
made for a role holds nothing the role could not see at the centre. ``identity_hash`` is the keyed hash that
matches records from other departments — only a role that may match carries it (and the key travels
separately, never in the pack); names leave masked unless the role may see them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.admin import Level
from app.store.packs.copy import PackPolicy


@dataclass(frozen=True)
class PackRole:
    name: str
    widest: Level  # the widest unit the role may take out
    policy: PackPolicy


ROLES: dict[str, PackRole] = {r.name: r for r in (
    PackRole("duty_officer", Level.COUNTY, PackPolicy(people=True, records=True, identity_hash=True, clear_names=True)),
    PackRole("town_operator", Level.TOWN, PackPolicy(people=True, records=True)),
    PackRole("village_operator", Level.VILLAGE, PackPolicy(people=True, records=False)),
    PackRole("drill_coordinator", Level.COUNTY, PackPolicy(people=True, records=False)),
    PackRole("trainer", Level.COUNTY, PackPolicy(people=False, records=False, warnings=False)),
)}
DEFAULT_ROLE = "town_operator"


def pack_role(name: str) -> PackRole:
    try:
        return ROLES[name]
    except KeyError:
        raise ValueError(f"unknown role {name!r} (roles: {', '.join(ROLES)})") from None


def check_unit_level(role: PackRole, level: Level, code: str) -> None:
    """Refuse a pack wider than the role may take out (a village operator packing a town)."""
    if level < role.widest:
        raise ValueError(f"a {role.name} may take out a {role.widest.key} or smaller, not the {level.key} {code}")
