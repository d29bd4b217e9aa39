"""Who is at the console: the roles of the command centre and the principal a session acts as.

A principal sees the people, records, tasks and warnings of the units under its ``unit_code`` (codes nest by
prefix: 330382 county / +3 town / +3 village / +3 grid). The same rule is enforced twice: by PostgreSQL's
row-level security and column privileges on a command-centre store, and by the data layer on the embedded one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

COUNTY_CODE = "330382"


class Role(enum.StrEnum):
    ADMIN = "admin"  # sets up the centre, its users and roles
    DUTY_OFFICER = "duty_officer"  # the county's command desk: every unit
    TOWN_OPERATOR = "town_operator"  # one town and what lies below it
    GRID_OPERATOR = "grid_operator"  # one village or grid
    DRILL_COORDINATOR = "drill_coordinator"  # runs drills county-wide: tasks and transfers, identity masked
    TRAINER = "trainer"  # read-only, identity always masked
    AUDITOR = "auditor"  # reads the audit trail; identity masked, changes nothing

    @property
    def masked(self) -> bool:
        """Never sees full names or identity hashes (only the masked forms)."""
        return self in (Role.DRILL_COORDINATOR, Role.TRAINER, Role.AUDITOR)

    @property
    def read_only(self) -> bool:
        return self in (Role.TRAINER, Role.AUDITOR)

    @property
    def county_wide(self) -> bool:
        return self not in (Role.TOWN_OPERATOR, Role.GRID_OPERATOR)


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(f"no role {text!r} (roles: {', '.join(r.value for r in Role)})") from None


class AccessDenied(Exception):
    """The principal may not see or do this; the message says what and why."""


@dataclass(frozen=True)
class Principal:
    """The user a session acts as: name (also the name in the audit trail), role and the unit it covers."""

    name: str
    role: Role
    unit_code: str = COUNTY_CODE

    @property
    def scope(self) -> str:
        """The unit-code prefix of everything this principal may see."""
        return COUNTY_CODE if self.role.county_wide else self.unit_code

    def covers(self, code: str | None) -> bool:
        return code is not None and code.startswith(self.scope)

    def require_write(self, what: str) -> None:
        if self.role.read_only:
            raise AccessDenied(f"{self.name} ({self.role.value}) is read-only: cannot {what}")


def code_range(prefix: str) -> tuple[str, str]:
    """Unit codes that start with ``prefix`` as a half-open range (which a database answers from an index)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def local_admin(name: str) -> Principal:
    """The principal of an embedded store opened without ``--user``: its owner, who sees everything."""
    return Principal(name, Role.ADMIN)


def check_unit_for(role: Role, unit_code: str) -> str:
    """The unit code a user of ``role`` is bound to, checked for its level (town: 9 digits, village/grid 12/15)."""
    code = unit_code.strip() or COUNTY_CODE
    if not code.isdigit() or not code.startswith(COUNTY_CODE) or len(code) not in (6, 9, 12, 15):
        raise ValueError(f"{unit_code!r} is not a unit code of the county ({COUNTY_CODE}…)")
    if role is Role.TOWN_OPERATOR and len(code) != 9:
        raise ValueError(f"a town operator is bound to a town (9-digit code), not {code}")
    if role is Role.GRID_OPERATOR and len(code) not in (12, 15):
        raise ValueError(f"a village/grid operator is bound to a village or grid (12 or 15 digits), not {code}")
    return code
