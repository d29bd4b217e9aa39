"""The wall mode's state (一屏协同), Qt-free: the open alarms read from the store and the steps it cycles through.

The wall shows the same command picture as the console — the one state in ``ConsoleContext`` — so a step sets
the context's selected unit and choropleth, and leaving the wall puts the console's own back (:class:`WallScene`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.tasks import OPEN_STATUSES
from app.domain.warnings import WarningStatus
from app.models.context import Choropleth, ConsoleContext
from app.models.dispatch.service import TaskService
from app.models.indicators import IndicatorEngine
from app.models.indicators.unit_profile import choropleth_values
from app.models.warnings.service import WarningService
from app.store.queries.tasks import TaskFilter, next_due, task_count, task_page

ALARM_LINES = 8  # the alarms a wall lists of each kind (readable from 5 m)


@dataclass(frozen=True)
class Alarm:
    title: str  # the task's title, or the warning rule's name (in the interface's language)
    where: str  # the unit code it concerns
    since: int  # when it fell due (tasks) or was raised (warnings), Unix seconds


@dataclass(frozen=True)
class Alarms:
    """Open alarms: overdue tasks (most overdue first) and new warnings (newest first), with their totals."""

    overdue: int
    overdue_tasks: tuple[Alarm, ...]
    new_warnings: int
    warnings: tuple[Alarm, ...]
    next_due: int | None = None  # when the next open task falls overdue (Unix seconds): read again then


def read_alarms(tasks: TaskService, warnings: WarningService, now: int, lang: str = "zh",
                limit: int = ALARM_LINES) -> Alarms:
    """The open alarms as of ``now`` (reads the store: call it off the GUI thread)."""
    late = TaskFilter(statuses=tuple(int(s) for s in OPEN_STATUSES), overdue_at=now, sort="due_at")
    rows = task_page(tasks.store, late, 0, limit)
    new = (int(WarningStatus.NEW),)
    stored = warnings.stored(new, limit=limit)
    rules = warnings.rule_by_id
    return Alarms(task_count(tasks.store, late),
                  tuple(Alarm(r.title_in(lang), r.assignee_code or "", r.due_at) for r in rows),
                  warnings.count(new),
                  tuple(Alarm(rules[rid].name(lang), code or "", int(at)) for rid, code, at in
                        zip(stored.rule_ids.tolist(), stored.grid_codes.tolist(), stored.as_of.tolist())),
                  next_due(tasks.store, now))


def indicator_choropleth(engine: IndicatorEngine, indicator_id: str, code: str, as_of: dt.date) -> Choropleth:
    """The map coloured by an indicator for the units below ``code``, as the indicator panel colours it."""
    ind = engine.catalogue[indicator_id]
    level, values = choropleth_values(engine, ind, code, as_of)
    return Choropleth(f"{ind.name_zh} {as_of}", level, values, ind.unit, ind.good, f"{ind.name_en} {as_of}",
                      integer=not ind.is_rate, warning=ind.warning, alarm=ind.alarm)


@dataclass(frozen=True)
class WallChoice:
    """What the wall cycles through: units (codes; none: the county), indicators (catalogue ids) and how many
    seconds each step stays up. The console keeps it between runs."""

    units: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ("positive_today", "coverage_1d", "vax_d3_cov_elderly", "risk_arrivals_14d")
    seconds: int = 20

    def checked(self, known_units: Sequence[str], known_indicators: Sequence[str]) -> WallChoice:
        """The choice without what this store or catalogue does not have (a saved choice may be older), the
        default indicators if none is left, and a period of 3 s to 1 h."""
        indicators = tuple(i for i in self.indicators if i in known_indicators)
        return WallChoice(tuple(u for u in self.units if u in known_units),
                          indicators or tuple(i for i in WallChoice().indicators if i in known_indicators),
                          min(max(int(self.seconds), 3), 3600))


@dataclass(frozen=True)
class WallStep:
    unit: str
    indicator: str


class WallScene:
    """Steps through every (unit, indicator) pair in turn, setting the context; :meth:`restore` puts back the
    selection and choropleth the console had when the wall began."""

    def __init__(self, context: ConsoleContext, engine: IndicatorEngine, units: Sequence[str],
                 indicators: Sequence[str]) -> None:
        if not units or not indicators:
            raise ValueError("the wall cycles through at least one unit and one indicator")
        self.context, self.engine = context, engine
        self.steps = [WallStep(u, i) for u in units for i in indicators]
        self._next = itertools.cycle(self.steps)
        self.current: WallStep | None = None
        self._saved = (context.selected_unit, context.choropleth)

    def advance(self) -> WallStep:
        """Show the next step: its unit selected, the map coloured by its indicator (when computed)."""
        self.current = step = next(self._next)
        self.context.selected_unit = step.unit
        if self.engine.ready:
            self.context.choropleth = indicator_choropleth(self.engine, step.indicator, step.unit, self.context.as_of)
        return step

    def restore(self) -> None:
        selected, choropleth = self._saved
        self.context.selected_unit = selected
        if choropleth is not None or self.current is not None:
            self.context.choropleth = choropleth
