"""Smart-warning lifecycle: new → dispatched → verified | dismissed."""

from __future__ import annotations

import enum


class WarningStatus(enum.IntEnum):
    NEW = 0
    DISPATCHED = 1
    VERIFIED = 2
    DISMISSED = 3

    @property
    def key(self) -> str:
        return self.name.lower()


OPEN_STATUSES = (WarningStatus.NEW, WarningStatus.DISPATCHED)
