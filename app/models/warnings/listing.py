"""The stored warnings as the panel lists them: masked person, rule name, grid and grid leader per row."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.domain.warnings import WarningStatus
from app.models.warnings.service import WarningService

STATUS_KEYS = tuple(s.key for s in WarningStatus)


@dataclass(frozen=True)
class WarningListing:
    """Row-aligned columns (numpy arrays), newest warning first; ``total`` counts all that match the filter."""

    ids: np.ndarray
    rule_ids: np.ndarray
    rule_names: np.ndarray
    severity: np.ndarray
    person_ids: np.ndarray
    masked: np.ndarray
    grids: np.ndarray  # unit code, '' if none
    leaders: np.ndarray
    status: np.ndarray  # status key
    task_ids: np.ndarray  # -1: none
    as_of: np.ndarray
    total: int

    def __len__(self) -> int:
        return len(self.ids)


def build_listing(service: WarningService, statuses: tuple[int, ...] | None = None, rule_id: str | None = None,
                  limit: int | None = None, lang: str = "zh") -> WarningListing:
    """The newest ``limit`` warnings matching the filters, rules named in ``lang`` ("zh" or "en")."""
    stored = service.stored(statuses, rule_id, limit=limit)
    total = len(stored) if limit is None or len(stored) < limit else service.count(statuses, rule_id)
    rules = service.rule_by_id
    named = {r: (rules[r].name(lang), rules[r].severity) if r in rules else (r, "") for r in set(stored.rule_ids.tolist())}
    return WarningListing(
        ids=stored.ids, rule_ids=stored.rule_ids,
        rule_names=np.array([named[r][0] for r in stored.rule_ids.tolist()], dtype=object),
        severity=np.array([named[r][1] for r in stored.rule_ids.tolist()], dtype=object),
        person_ids=stored.person_ids, masked=stored.masked, grids=stored.grid_codes, leaders=stored.leaders,
        status=np.array(STATUS_KEYS, dtype=object)[stored.status] if len(stored) else np.zeros(0, object),
        task_ids=stored.task_ids, as_of=stored.as_of, total=total,
    )
