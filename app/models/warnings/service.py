"""The warnings of one store: evaluate the rules, record what fired once, and work each warning's lifecycle.

Events: ``events.changed()`` after warnings are recorded or change status (panels and the map refresh).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence

from psygnal import Signal, SignalGroup

from app.domain.warnings import OPEN_STATUSES, WarningStatus
from app.models.context import Choropleth
from app.models.warnings import engine
from app.models.warnings.engine import Findings
from app.models.warnings.rules import Rule
from app.store import warning_writes as writes
from app.store.queries import warnings as reads
from app.store.queries.people import unit_codes
from app.store.store import Store

SEVERITY_PRIORITY = {"high": 1, "medium": 2, "low": 3}  # task priority: 1 urgent .. 3 routine


class WarningService:
    """Smart warnings over ``store`` with the declared ``rules`` (default: resources/warning_rules.json);
    ``clock`` gives the Unix seconds recorded for status changes (default: the wall clock)."""

    class _Events(SignalGroup):
        changed = Signal()

    def __init__(self, store: Store, rules: Sequence[Rule] | None = None, clock: Callable[[], int] | None = None) -> None:
        self.store = store
        self.clock = clock or (lambda: int(time.time()))  # when status changes happen (tests pass their own)
        self.rules = list(rules) if rules is not None else engine.rules()
        self.rule_by_id = {r.id: r for r in self.rules}
        self.events = self._Events()

    def evaluate(self, as_of: int, rule_ids: Sequence[str] | None = None) -> list[Findings]:
        return engine.evaluate(self.store, as_of, rule_ids, self.rules)

    def record(self, findings: Sequence[Findings], now: int | None = None, notify: bool = True) -> int:
        """Store every finding that has no open warning yet for its person and rule; returns how many are new.

        Warnings are created at ``now``, by default at the time they were evaluated as of.
        Off the GUI thread pass ``notify=False`` and emit ``events.changed`` from the GUI thread when done."""
        already = reads.open_keys(self.store, [f.rule.id for f in findings])
        rows = [
            writes.NewWarning(f.rule.id, int(pid), int(grid) if grid >= 0 else None, json.dumps(f.refs(i)), f.as_of)
            for f in findings for i, (pid, grid) in enumerate(zip(f.person_id.tolist(), f.grid_id.tolist()))
            if (f.rule.id, pid) not in already
        ]
        added = writes.insert_new(self.store, rows, now)
        if added and notify:
            self.events.changed.emit()
        return added

    def refresh(self, as_of: int, rule_ids: Sequence[str] | None = None) -> tuple[list[Findings], int]:
        """Evaluate as of ``as_of`` and record the new warnings: (findings, number recorded)."""
        findings = self.evaluate(as_of, rule_ids)
        return findings, self.record(findings)

    def stored(self, statuses: Sequence[int] | None = None, rule_id: str | None = None,
               ids: Sequence[int] | None = None, limit: int | None = None) -> reads.StoredWarnings:
        """Stored warnings matching the filters, newest first (at most ``limit``)."""
        return reads.stored_warnings(self.store, statuses, rule_id, ids, limit)

    def count(self, statuses: Sequence[int] | None = None, rule_id: str | None = None) -> int:
        return reads.count_warnings(self.store, statuses, rule_id)

    def evidence(self, warning_id: int) -> list[dict[str, object]]:
        return reads.evidence_of(self.store, warning_id)

    def _change(self, ids: Sequence[int], allowed: Sequence[WarningStatus], to: WarningStatus, **kw: object) -> list[int]:
        changed = writes.change_status(self.store, ids, allowed, to, self.clock(), **kw)  # type: ignore[arg-type]
        if changed:
            self.events.changed.emit()
        return changed

    def verify(self, ids: Sequence[int]) -> list[int]:
        """Confirm dispatched warnings (the grid leader checked them); returns the ids changed."""
        return self._change(ids, (WarningStatus.DISPATCHED,), WarningStatus.VERIFIED)

    def dismiss(self, ids: Sequence[int], reason: str) -> list[int]:
        """Close open warnings as false alarms, with the reason; returns the ids changed."""
        if not reason.strip():
            raise ValueError("a dismissed warning needs a reason")
        return self._change(ids, OPEN_STATUSES, WarningStatus.DISMISSED, reason=reason.strip())

    def mark_dispatched(self, ids: Sequence[int], task_ids: Sequence[int]) -> list[int]:
        return self._change(ids, (WarningStatus.NEW,), WarningStatus.DISPATCHED, task_ids=list(task_ids))

    def reopen(self, ids: Sequence[int]) -> list[int]:
        """Return dispatched warnings to new (their task was taken back); returns the ids changed."""
        return self._change(ids, (WarningStatus.DISPATCHED,), WarningStatus.NEW, task_ids=[None] * len(ids))

    def grid_choropleth(self) -> Choropleth:
        """Open warnings per micro-grid, ready for ``ConsoleContext.choropleth``."""
        codes = unit_codes(self.store)
        counts = reads.open_counts_by_grid(self.store)
        return Choropleth("预警数", "grid", {codes[g]: float(n) for g, n in counts.items()}, "warnings",
                          title_en="Open warnings", integer=True)
