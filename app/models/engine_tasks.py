"""Turning the smart engine's results into tasks for the units that must act on them.

Warnings become one verification task each, routed to the person's grid leader; a screening or a trace becomes
one task per home micro-grid listing its people (people with no home grid go to the command centre).
The dispatch model (``TaskService``) routes, times and audits them; nothing here writes task rows itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.domain.task_titles import Title, names
from app.domain.warnings import WarningStatus
from app.models.dispatch.service import TaskService, TaskSpec
from app.models.screening import area_names
from app.models.screening_result import CLASSES, Screening
from app.models.tracing import Trace
from app.models.warnings.service import SEVERITY_PRIORITY, WarningService
from app.store.queries.people import unit_codes
from app.timebase import format_seconds

DISPATCH_CHUNK = 5_000  # warnings per transaction (and per IN list)


def warning_specs(service: WarningService, warning_ids: Sequence[int]) -> tuple[list[int], list[TaskSpec]]:
    """The *new* warnings among ``warning_ids`` and one warning-verification task for each (reads only)."""
    ids: list[int] = []
    specs: list[TaskSpec] = []
    wanted = list(warning_ids)
    for start in range(0, len(wanted), DISPATCH_CHUNK):
        stored = service.stored((int(WarningStatus.NEW),), ids=wanted[start : start + DISPATCH_CHUNK])
        for wid, rid, pid, masked, code in zip(stored.ids.tolist(), stored.rule_ids.tolist(), stored.person_ids.tolist(),
                                               stored.masked.tolist(), stored.grid_codes.tolist()):
            rule = service.rule_by_id[rid]
            ids.append(int(wid))
            made = Title("warning_check", {"rule": names(rule.name_zh, rule.name_en), "person": masked})
            specs.append(TaskSpec.titled("warning_verification", "warning", made, code or None, person_ids=(pid,),
                                  priority=SEVERITY_PRIORITY[rule.severity], source_ref=f"warning:{wid}",
                                  note=f"{rule.name_en} ({rule.id})"))
    return ids, specs


def create_warning_tasks(service: WarningService, warning_ids: Sequence[int], specs: Sequence[TaskSpec],
                         by: str = "system") -> list[int]:
    """Create ``specs`` (one per warning, as :func:`warning_specs` made them) and mark their warnings dispatched."""
    task_ids: list[int] = []
    for start in range(0, len(specs), DISPATCH_CHUNK):
        created = TaskService(service.store).create_many(specs[start : start + DISPATCH_CHUNK], by=by)
        service.mark_dispatched(warning_ids[start : start + DISPATCH_CHUNK], created)
        task_ids += created
    return task_ids


def dispatch_warnings(service: WarningService, warning_ids: Sequence[int], by: str = "system") -> list[int]:
    """One warning-verification task per *new* warning among ``warning_ids``; returns the task ids."""
    ids, specs = warning_specs(service, warning_ids)
    return create_warning_tasks(service, ids, specs, by)


def _per_grid(grids: np.ndarray, people: np.ndarray) -> list[tuple[int, list[int]]]:
    return [(int(g), people[grids == g].tolist()) for g in np.unique(grids)]


def dispatch_screening(service: TaskService, result: Screening, classes: Sequence[str] = ("returned", "planning"),
                       by: str = "system") -> list[int]:
    """One screening task per home grid for the people of ``classes``; returns the task ids."""
    specs = screening_specs(service, result, classes)
    return service.create_many(specs, by=by) if specs else []


def screening_specs(service: TaskService, result: Screening, classes: Sequence[str]) -> list[TaskSpec]:
    """The tasks :func:`dispatch_screening` creates (reads only)."""
    unknown = sorted(set(classes) - set(CLASSES))
    if unknown:
        raise ValueError(f"unknown screening classes {unknown} (classes: {', '.join(CLASSES)})")
    keep = np.isin(result.cls, [CLASSES.index(c) for c in classes])
    codes = unit_codes(service.store)
    ref = f"screening:{result.area}:{result.since}-{result.until}"
    area = names(*area_names(result.area))
    specs = [TaskSpec.titled("screening", "screening", Title("screening", {"area": area, "people": len(people)}),
                             codes.get(g), priority=1, source_ref=ref, person_ids=tuple(people),
                      note=f"classes: {', '.join(classes)}; window {format_seconds(result.since)} – {format_seconds(result.until)}")
             for g, people in _per_grid(result.grid_id[keep], result.person_id[keep])]
    return specs


def dispatch_trace(service: TaskService, result: Trace, by: str = "system") -> list[int]:
    """One control task per home grid and depth (close contacts urgent); returns the task ids."""
    specs = trace_specs(service, result)
    return service.create_many(specs, by=by) if specs else []


def trace_specs(service: TaskService, result: Trace) -> list[TaskSpec]:
    """The tasks :func:`dispatch_trace` creates (reads only)."""
    if not result.contacts:
        return []
    people = np.array([c.person_id for c in result.contacts], np.int64)
    grids = np.array([c.grid_id if c.grid_id is not None else -1 for c in result.contacts], np.int64)
    depth = np.array([c.depth for c in result.contacts], np.int64)
    codes = unit_codes(service.store)
    specs = []
    for d in np.unique(depth).tolist():
        label = {1: "密接", 2: "次密接"}.get(d) or names(f"{d}级接触者", f"depth-{d} contacts")
        for g, members in _per_grid(grids[depth == d], people[depth == d]):
            made = Title("contact_control", {"contacts": label, "people": len(members)})
            specs.append(TaskSpec.titled("control", "trace", made, codes.get(g), priority=1 if d == 1 else 2,
                                         person_ids=tuple(members),
                                  source_ref=f"trace:{result.case_id}@{result.onset}",
                                  note=f"depth {d} contacts of case {result.case_id}, onset {format_seconds(result.onset)}"))
    return specs
