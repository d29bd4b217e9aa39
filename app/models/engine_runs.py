"""The screening and tracing panels' state: the last result, shown on the map and dispatched as tasks.

``compute_*`` are pure and may run off the GUI thread; ``publish`` stores a result and emits
``events.result(result)``, then shows its people's home grids on the map through the console context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from psygnal import Signal, SignalGroup

from app.models.context import Choropleth, ConsoleContext
from app.models.dispatch.service import TaskService
from app.models.dispatch_plan import DispatchPlan, plan_dispatch
from app.models.engine_tasks import screening_specs, trace_specs
from app.models.screening import Area, area_names, city_area, polygon_area, screen
from app.models.screening_result import Screening
from app.models.trace_view import TraceNode, trace_nodes, trace_rows
from app.models.tracing import Trace, trace
from app.models.units import unit_codes_by_level
from app.store.queries.cohorts import city_names
from app.store.store import Store

R = TypeVar("R")


class _Events(SignalGroup):
    result = Signal(object)


class _Run(Generic[R]):
    def __init__(self, store: Store, context: ConsoleContext, tasks: TaskService) -> None:
        self.store, self.context, self.tasks = store, context, tasks
        self.events = _Events()
        self.result: R | None = None

    def _show(self, title: str, title_en: str, person_ids: Sequence[int], grid_codes: Sequence[str]) -> None:
        counts: dict[str, float] = {}
        for code in grid_codes:
            if code:
                counts[code] = counts.get(code, 0.0) + 1.0
        self.context.choropleth = Choropleth(title, "grid", counts, "people", title_en=title_en, integer=True)
        self.context.highlighted_persons = list(person_ids)

    def publish(self, result: R) -> None:
        self.result = result
        self.events.result.emit(result)


class ScreeningRun(_Run[Screening]):
    """Events: ``result(Screening)``."""

    def cities(self) -> list[str]:
        return city_names(self.store)

    def area(self, city: str, wkt: str = "") -> Area:
        """A polygon when ``wkt`` is given, else the named city (ScreeningError if neither is usable)."""
        return polygon_area(wkt) if wkt.strip() else city_area(self.store, city)

    def compute(self, area: Area, since: int | None = None, until: int | None = None) -> Screening:
        return screen(self.store, area, since, until)

    def publish(self, result: Screening) -> None:
        super().publish(result)
        name_zh, name_en = area_names(result.area)
        self._show(f"排查 {name_zh}", f"Screening {name_en}", result.person_id.tolist(),
                   result.units["grid"].tolist())

    def plan(self, classes: Sequence[str]) -> DispatchPlan:
        """What dispatching the last result's people of ``classes`` to their grids would create."""
        specs = screening_specs(self.tasks, self.result, classes) if self.result is not None else []
        return plan_dispatch(self.tasks, specs)


class TraceRun(_Run[Trace]):
    """Events: ``result(Trace)``; ``rows`` holds the listed contacts of the last trace, ``nodes`` its graph's people
    (the case first)."""

    def __init__(self, store: Store, context: ConsoleContext, tasks: TaskService) -> None:
        super().__init__(store, context, tasks)
        self.rows: list[dict[str, object]] = []
        self.nodes: list[TraceNode] = []

    def compute(self, person_id: int, onset: int, window_minutes: float, depth: int) -> Trace:
        return trace(self.store, person_id, onset, window_minutes, depth)

    def publish(self, result: Trace) -> None:
        self.rows = trace_rows(self.store, result)
        self.nodes = trace_nodes(self.store, result, self.rows)
        super().publish(result)
        grids = unit_codes_by_level(self.store, [c.grid_id if c.grid_id is not None else -1 for c in result.contacts])
        self._show(f"病例 {result.case_id} 密接", f"Contacts of case {result.case_id}", [c.person_id for c in result.contacts],
                   grids["grid"].tolist())

    def plan(self) -> DispatchPlan:
        """What dispatching the last trace's contacts to their grids would create."""
        return plan_dispatch(self.tasks, trace_specs(self.tasks, self.result) if self.result is not None else [])
