"""The console's incident desk: the incident in hand, its drill clock, the steps of its autoplay still to come,
and the picture shown (live, or replayed at a moment). Qt-free; the incident panel drives it from workers and
publishes on the GUI thread.

Events: ``incident(IncidentRow | None)`` when another incident is taken up or it changes (dispatch, close,
zones), ``picture(Snapshot)`` when the shown picture changes, ``wartime(bool)`` when the console switches between
peacetime and wartime (in wartime the dispatch queue shows the incident's tasks only). Publishing a picture colours the map's grids by
zone (the context's choropleth: 3 lockdown, 2 control, 1 precaution).
"""

from __future__ import annotations

import json

import numpy as np
import shapely
from psygnal import Signal, SignalGroup

from app.domain.admin import Level
from app.domain.incidents import IncidentRow
from app.models.context import Category, Choropleth, ConsoleContext
from app.models.incident.autoplay import Step
from app.models.incident.clock import DrillClock
from app.models.incident.plan import Plan
from app.models.incident.replay import Snapshot
from app.models.incident.scenarios import find_case, load_scenario
from app.models.incident.service import IncidentService
from app.models.incident.zones import Zones
from app.models.projection import geoms_to_display

ZONE_CATEGORIES = {  # the map's zone legend: names and fixed colours (red, orange, yellow as the notices use)
    "lockdown": Category(3.0, "封控区", "Lockdown zone", "#c53030"),
    "control": Category(2.0, "管控区", "Control zone", "#dd6b20"),
    "precaution": Category(1.0, "防范区", "Precaution zone", "#ecc94b"),
}


def zone_choropleth(zones: Zones) -> Choropleth:
    values = {code: ZONE_CATEGORIES[kind].value for kind, codes in zones.grids.items() for code in codes}
    return Choropleth("风险区划", "grid", values, "", "neutral", "Zones", integer=True,
                      categories=tuple(ZONE_CATEGORIES.values()))


class IncidentDesk:
    class _Events(SignalGroup):
        incident = Signal(object)
        picture = Signal(object)
        wartime = Signal(bool)

    def __init__(self, service: IncidentService, context: ConsoleContext) -> None:
        self.events = self._Events()
        self.service, self.context = service, context
        self.incident: IncidentRow | None = None
        self.clock: DrillClock | None = None
        self.pending: list[Step] = []
        self.picture: Snapshot | None = None
        self.replaying = False
        self.wartime = False

    # --- work (run off the GUI thread) --------------------------------------------------------------
    def open_scenario(self, key: str, speed: int) -> IncidentRow:
        """Open a drill of a scenario with its plan proposed (not dispatched); its clock starts paused."""
        scenario = load_scenario(key)
        case = find_case(scenario, self.service.store, self.service.atlas)
        self.clock = DrillClock(case.at, speed)
        self.clock.pause()
        self.service.clock = self.clock
        with self.service.at(case.at):
            incident_id = self.service.open(at=case.at, person_id=case.person_id, place_id=case.place_id, mode="drill",
                                            name=f"演练：{scenario.name_zh}", scenario=key, speed=speed,
                                            seed=scenario.seed)
        self.pending = []
        return self.service.get(incident_id)

    def dispatch(self) -> IncidentRow:
        """Dispatch the plan in hand; a drill's clock starts and its synthetic completions are scheduled."""
        row = self._row()
        self.service.dispatch(row.id)
        if row.mode == "drill":
            self.pending = self.service.schedule(row.id)
            if self.clock is not None:
                self.clock.resume()
        return self.service.get(row.id)

    def edit_zone(self, codes: list[str], kind: str | None, remove: bool = False) -> IncidentRow:
        self.service.edit_zones(self._row().id, codes, kind, remove=remove)
        return self.service.get(self._row().id)

    def undo_zone(self) -> IncidentRow:
        self.service.undo_zone_edit(self._row().id)
        return self.service.get(self._row().id)

    def advance(self) -> Snapshot:
        """Carry out the synthetic steps due on the drill clock, then the live picture."""
        row = self._row()
        now = self.service.now()
        while self.pending and self.pending[0].at <= now:
            self.service.perform(self.pending.pop(0))
        return self.service.snapshot(row.id, now)

    def reread(self) -> tuple[IncidentRow, Snapshot]:
        """The incident in hand as the store has it now, and its live picture: another console dispatched it,
        closed it or changed its zones."""
        row = self._row()
        return self.service.get(row.id), self.service.snapshot(row.id, self.service.now())

    def picture_at(self, at: int) -> Snapshot:
        return self.service.snapshot(self._row().id, at)

    def grids_in(self, area: shapely.Geometry) -> list[str]:
        """Codes of the grids a drawn area (store CRS) touches, from the atlas's index (no store read)."""
        grids = self.service.atlas.levels[Level.GRID]
        rows = grids.tree.query(geoms_to_display(np.array([area]))[0], predicate="intersects")
        return sorted(str(c) for c in grids.data.codes[rows])

    def running_clock(self, incident_id: int) -> DrillClock | None:
        """The drill clock of ``incident_id`` if it is the drill in hand (its tasks' time left counts on it)."""
        row = self.incident
        return self.clock if row is not None and row.id == incident_id and row.mode == "drill" else None

    def queue_incident(self) -> int | None:
        """The incident the dispatch queue is narrowed to: the one in hand, in wartime; else None (all tasks)."""
        return self.incident.id if self.wartime and self.incident is not None else None

    @property
    def plan(self) -> Plan | None:
        """The plan of the incident in hand, as it was taken up (no store read)."""
        return Plan.from_json(json.loads(self.incident.plan)) if self.incident is not None else None

    def _row(self) -> IncidentRow:
        if self.incident is None:
            raise ValueError("no incident in hand: open a drill or an incident first")
        return self.incident

    # --- publishing (GUI thread) ---------------------------------------------------------------------
    def take_up(self, row: IncidentRow | None) -> None:
        self.incident = row
        self.events.incident.emit(row)

    def set_wartime(self, on: bool) -> None:
        if on != self.wartime:
            self.wartime = on
            self.events.wartime.emit(on)

    def publish(self, snap: Snapshot) -> None:
        zones_changed = self.picture is None or self.picture.zones != snap.zones
        self.picture = snap
        if zones_changed:
            self.context.choropleth = zone_choropleth(snap.zones)
        self.events.picture.emit(snap)
