"""The incident service: open an incident or drill from a case, edit its plan, dispatch it, follow its board on
its clock, note, close, replay, and keep the improvement plan of its after-action report.

Every change is recorded (``incident_events`` beside the tasks' own audit trail), so the picture at any moment
can be rebuilt. ``clock`` returns the incident's time: the wall clock for a real incident, a
:class:`~app.models.incident.clock.DrillClock` for a drill; the service's own task service writes on it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property

from app.domain.incidents import ImprovementRow, IncidentMode, IncidentRow, LinkedTask
from app.domain.tasks import CLOSED_STATUSES, TaskStatus
from app.models import inputs
from app.models.admin_atlas import AdminAtlas
from app.models.dispatch.changes import Change
from app.models.dispatch.lifecycle import path_to
from app.models.dispatch.service import TaskService
from app.models.incident import autoplay
from app.models.incident.catalogue import MilestoneCatalogue, milestone_catalogue
from app.models.incident.clock import wall_clock
from app.models.incident.dispatch import dispatch_plan
from app.models.incident.errors import IncidentError
from app.models.incident.plan import Plan
from app.models.incident.planner import Planner
from app.models.incident.replay import Recording, Snapshot, before_last_edit, record
from app.models.incident.scenarios import REFERENCE, Scenario, load_scenario
from app.models.incident.zones import Zones
from app.store.queries import incidents as q
from app.store.store import Store

S = TaskStatus


class IncidentService:
    """Incidents over one store. ``clock`` may be replaced (a drill's clock) at any time."""

    def __init__(self, store: Store, atlas: AdminAtlas, clock: Callable[[], int] | None = None,
                 catalogue: MilestoneCatalogue | None = None) -> None:
        self.store, self.atlas = store, atlas
        self.clock: Callable[[], int] = clock or wall_clock
        self.catalogue = catalogue or milestone_catalogue()
        self._fixed: int | None = None
        self._recording: Recording | None = None  # the last incident read for a picture (see ``recording``)

    def now(self) -> int:
        return self._fixed if self._fixed is not None else self.clock()

    @contextmanager
    def at(self, when: int) -> Iterator[None]:
        """Write as of ``when`` (a synthetic completion is stamped with its scheduled time, however it is paced)."""
        self._fixed = when
        try:
            yield
        finally:
            self._fixed = None

    @cached_property
    def tasks(self) -> TaskService:
        return TaskService(self.store, clock=self.now)

    @cached_property
    def planner(self) -> Planner:
        return Planner(self.store, self.atlas)

    def use_atlas(self, atlas: AdminAtlas) -> None:
        """Plan over ``atlas`` from now on (the admin layers were replaced); the incident in hand carries on."""
        self.atlas = atlas
        self.__dict__.pop("planner", None)

    # --- opening and planning -------------------------------------------------------------------------
    def open(self, *, at: int, person_id: int | None = None, place_id: int | None = None, mode: str = "real",
             name: str = "", scenario: str | None = None, speed: int = 1, seed: int | None = None,
             by: str = "console") -> int:
        """Propose the plan for a case and record a new incident holding it; returns its id."""
        mode = IncidentMode(mode).value
        plan = self.planner.propose(person_id, at, place_id)
        started = self.now()
        with self.store.begin() as conn:
            incident_id = q.insert_incident(conn, {
                "mode": mode, "name": name or ("演练" if mode == "drill" else "事件"), "scenario": scenario,
                "case_person_id": person_id, "case_at": at, "started_at": started, "speed": speed, "seed": seed,
                "plan": json.dumps(plan.to_json(), ensure_ascii=False), "created_by": by})
            q.add_event(conn, incident_id, started, "plan", by, f"plan proposed: {plan.numbers['tasks']} actions",
                        {"zones": plan.zones.to_json(), "numbers": plan.numbers})
        return incident_id

    def get(self, incident_id: int) -> IncidentRow:
        row = q.incident_row(self.store, incident_id)
        if row is None:
            raise IncidentError(f"no incident with id {incident_id}")
        return row

    def latest(self, mode: str | None = None) -> IncidentRow:
        incident_id = q.latest_incident_id(self.store, mode)
        if incident_id is None:
            raise IncidentError(f"this store holds no {mode or 'incident'} yet")
        return self.get(incident_id)

    def list(self) -> list[IncidentRow]:
        return q.incident_list(self.store)

    def plan(self, incident_id: int) -> Plan:
        return Plan.from_json(json.loads(self.get(incident_id).plan))

    def edit_zones(self, incident_id: int, grid_codes: list[str], kind: str | None, by: str = "console",
                   remove: bool = False) -> Plan:
        """Move grids to a zone (None: out of every zone), or with ``remove`` take those of them in zone ``kind``
        out of it, before dispatch; the plan follows the new zones."""
        self._editable(incident_id)
        unknown = [c for c in grid_codes if c not in self.planner.grids.index]
        if unknown:
            raise IncidentError(f"no micro-grid with code {unknown[0]}")
        if remove and kind is None:
            raise IncidentError("say which zone to take the grids out of")
        zones = self.plan(incident_id).zones
        new = zones.remove(grid_codes, kind) if remove else zones.assign(grid_codes, kind)
        what = f"{len(grid_codes)} grids {'out of' if remove else '→'} {kind or 'no zone'}"
        return self._replan(incident_id, new, what, {"grids": grid_codes, "kind": kind, "remove": remove}, by)

    def undo_zone_edit(self, incident_id: int, by: str = "console") -> Plan:
        """Give back the zones before the last zone edit still in force (recorded as an edit marked ``undo``)."""
        self._editable(incident_id)
        zones = before_last_edit(q.timeline(self.store, incident_id))
        if zones is None:
            raise IncidentError(f"incident {incident_id} has no zone edit to undo")
        return self._replan(incident_id, zones, "undo zone edit", {"undo": True}, by)

    def _editable(self, incident_id: int) -> None:
        if self._open(incident_id).dispatched_at is not None:
            raise IncidentError(f"incident {incident_id} is dispatched: its plan can no longer be edited")

    def _replan(self, incident_id: int, zones: Zones, note: str, data: dict[str, object], by: str) -> Plan:
        plan = self.planner.replan(self.plan(incident_id), zones)
        with self.store.begin() as conn:
            q.update_incident(conn, incident_id, {"plan": json.dumps(plan.to_json(), ensure_ascii=False)})
            q.add_event(conn, incident_id, self.now(), "zone", by, note, {"zones": plan.zones.to_json(), **data})
        return plan

    def dispatch(self, incident_id: int, by: str = "console") -> list[int]:
        row = self._open(incident_id)
        if row.dispatched_at is not None:
            raise IncidentError(f"incident {incident_id} was already dispatched")
        source = "drill" if row.mode == IncidentMode.DRILL else "trace"
        return dispatch_plan(self.tasks, incident_id, row.name, self.plan(incident_id), self.catalogue, source, by)

    # --- following --------------------------------------------------------------------------------
    def linked(self, incident_id: int) -> list[LinkedTask]:
        return q.linked_tasks(self.store, incident_id)

    def snapshot(self, incident_id: int, at: int | None = None) -> Snapshot:
        """The command picture at ``at`` (default: now on the incident's clock, or its close)."""
        recording = self.recording(incident_id)
        row = recording.incident
        when = at if at is not None else (row.closed_at or self.now())
        final = row.closed_at is not None and when >= row.closed_at
        return recording.snapshot(self.catalogue, when, final)

    def recording(self, incident_id: int) -> Recording:
        """What the incident recorded, read again only when something was recorded since the last read (the row,
        its plan and its tasks change only with an event of their own)."""
        last = self._recording
        if last is not None and last.incident.id == incident_id and last.token == q.change_token(self.store):
            return last
        row = self.get(incident_id)
        plan = Plan.from_json(json.loads(row.plan))
        self._recording = record(self.store, row, self.linked(incident_id), plan.zones)
        return self._recording

    def note(self, incident_id: int, text: str, by: str = "console") -> None:
        self._open(incident_id)
        with self.store.begin() as conn:
            q.add_event(conn, incident_id, self.now(), "note", by, inputs.text(text, "note"))

    def record_clock(self, incident_id: int, what: str, speed: int, by: str = "console") -> None:
        """Record a pause, resume or change of speed of a drill's clock on its timeline."""
        with self.store.begin() as conn:
            q.add_event(conn, incident_id, self.now(), "clock", by, what, {"speed": speed})

    def close(self, incident_id: int, by: str = "console") -> IncidentRow:
        """Close the incident; its open tasks are cancelled (the cascade's root cancels everything below it)."""
        row = self._open(incident_id)
        now = self.now()
        roots = [t for t in self.linked(incident_id) if t.milestone is None and t.parent_id is None]
        for root in roots:
            if S(root.status) not in CLOSED_STATUSES:
                self.tasks.transition(root.task_id, S.CANCELLED, by=by, note=f"incident {incident_id} closed")
        with self.store.begin() as conn:
            q.update_incident(conn, incident_id, {"closed_at": now})
            q.add_event(conn, incident_id, now, "close", by, "incident closed")
        return self.get(row.id)

    def _open(self, incident_id: int) -> IncidentRow:
        row = self.get(incident_id)
        if row.closed_at is not None:
            raise IncidentError(f"incident {incident_id} is closed")
        return row

    # --- synthetic completions (drills) -------------------------------------------------------------
    def schedule(self, incident_id: int, scenario: Scenario | None = None) -> list[autoplay.Step]:
        """The drill's synthetic steps, paced by ``scenario``'s delays (default: the drill's own scenario, or the
        reference drill's for one opened from a case)."""
        row = self.get(incident_id)
        if row.dispatched_at is None:
            raise IncidentError(f"incident {incident_id} is not dispatched yet")
        scenario = scenario or load_scenario(row.scenario or REFERENCE)
        return autoplay.schedule(self.linked(incident_id), scenario.delays, self.catalogue.acknowledge_fraction,
                                 row.dispatched_at, row.seed or 0)

    def perform(self, step: autoplay.Step, by: str = "drill") -> None:
        """Carry out one synthetic step at its scheduled time (a task closed meanwhile is left alone)."""
        with self.at(step.at):
            row = self.tasks.get(step.task_id)
            if S(row.status) in CLOSED_STATUSES:
                return
            if step.what == autoplay.ACK:
                if S(row.status) == S.DISPATCHED:
                    self.tasks.claim(step.task_id, by=row.assignee_name or row.assignee_role)
                return
            # every step to done in one transaction, each still audited (a transaction each made an autoplay
            # of the reference drill spend most of its time committing)
            who = row.claimed_by or row.assignee_name or by
            self.tasks.change(step.task_id, lambda r: Change("transition", tuple(path_to(S(r.status), S.DONE)),
                                                             {"claimed_by": r.claimed_by or who}), by=who)

    # --- improvement plan -----------------------------------------------------------------------------
    def improvements(self, incident_id: int) -> list[ImprovementRow]:
        self.get(incident_id)
        return q.improvements(self.store, incident_id)

    def add_improvement(self, incident_id: int, *, issue: str, action: str, owner: str, due: str,
                        milestone: str | None = None) -> int:
        self.get(incident_id)
        if milestone is not None and milestone not in {m.key for m in self.catalogue.milestones}:
            raise IncidentError(f"unknown milestone {milestone!r}")
        values = {"issue": inputs.text(issue, "issue"), "action": inputs.text(action, "corrective action"),
                  "owner": inputs.text(owner, "owner"), "due": inputs.day(due, "due").isoformat(), "milestone": milestone}
        with self.store.begin() as conn:
            return q.add_improvement(conn, incident_id, values)

    def remove_improvement(self, incident_id: int, improvement_id: int) -> None:
        with self.store.begin() as conn:
            if not q.remove_improvement(conn, incident_id, improvement_id):
                raise IncidentError(f"incident {incident_id} has no improvement row {improvement_id}")
