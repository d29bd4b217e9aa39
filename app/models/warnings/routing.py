"""Who a warning goes to: the person's home micro-grid and its grid leader (masked forms only)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.models.warnings.engine import Findings
from app.store.queries.admin import grid_leaders
from app.store.queries.people import masked_ids, unit_codes
from app.store.store import Store


class Routing:
    """Grid codes and leaders of one store, read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.codes = unit_codes(store)
        self.leaders = grid_leaders(store)

    def grid(self, grid_id: int | None) -> dict[str, str | None]:
        if grid_id is None or grid_id < 0:
            return {"grid": None, "grid_leader": None, "leader_phone": None}
        name, phone = self.leaders.get(grid_id, (None, None))
        return {"grid": self.codes.get(grid_id), "grid_leader": name, "leader_phone": phone}

    def rows(self, findings: Sequence[Findings], limit: int | None = None) -> list[dict[str, object]]:
        """One JSON-ready row per warning (the first ``limit``): rule, person (masked), evidence, grid, leader."""
        left = sum(len(f) for f in findings) if limit is None else limit
        budget = []
        for f in findings:
            budget.append(min(len(f), left))
            left -= budget[-1]
        people = np.concatenate([f.person_id[:n] for f, n in zip(findings, budget)] or [np.zeros(0, np.int64)])
        masked = masked_ids(self.store, people)
        out = []
        for f, n in zip(findings, budget):
            for i, (pid, gid) in enumerate(zip(f.person_id[:n].tolist(), f.grid_id[:n].tolist())):
                out.append({"rule": f.rule.id, "severity": f.rule.severity, "person_id": pid,
                            "id_masked": masked.get(pid), **self.grid(gid), "evidence": f.refs(i)})
        return out
