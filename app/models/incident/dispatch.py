"""Dispatching a plan in one confirmed action: every plan item becomes a task, cascaded under one incident task
for the county, a task per town and one per village (层层下达), all in one transaction — all or none.

Each task is due at its milestone's target on the incident clock; a parent is due with its latest child and
rolls up from its children as any cascaded task does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.domain.task_titles import Title, parse
from app.domain.tasks import TaskStatus
from app.models.dispatch.service import TaskService, TaskSpec
from app.models.incident.catalogue import MilestoneCatalogue
from app.models.incident.plan import Plan, PlanItem
from app.store.queries import incidents as q

CASCADE = "cascade"  # the action of the parent tasks (no milestone)


def _spec(tasks: TaskService, item: PlanItem, source: str, ref: str) -> TaskSpec:
    """The task of a plan item; its title (the planner writes it in Chinese) is read back into its template, so it
    reads in each reader's language."""
    wkt = f"POINT ({item.lon} {item.lat})" if item.lon is not None and item.lat is not None else None
    unit = tasks.router.by_code(item.unit_code) if item.unit_code else None
    made = parse(item.title, {unit.name_zh: unit.names} if unit is not None else {})
    return TaskSpec(item.kind, source, item.title, item.unit_code, item.person_ids, item.priority, ref,
                    target_wkt=wkt, made=made)


def dispatch_plan(tasks: TaskService, incident_id: int, name: str, plan: Plan, catalogue: MilestoneCatalogue,
                  source: str, by: str) -> list[int]:
    """Create the plan's tasks under their cascade and link them to the incident; returns the leaf task ids in
    plan order."""
    ref = f"incident:{incident_id}"
    leaves = [_spec(tasks, i, source, ref) for i in plan.items]
    rows = tasks.prepare(leaves)
    for row, item in zip(rows, plan.items):
        milestone = catalogue.of_action(item.action)
        minutes = catalogue.get(milestone).minutes if milestone else 24 * 60
        row.update(status=int(TaskStatus.DISPATCHED), due_at=plan.case_at + minutes * 60)
    codes = [r["assignee_code"] for r in rows]
    county = tasks.router.county.code
    towns = sorted({c[:9] for c in codes if len(c) >= 12})
    villages = sorted({c[:12] for c in codes if len(c) >= 15})
    due = max(r["due_at"] for r in rows)

    def parents(unit_codes: Sequence[str], title: str) -> tuple[list[TaskSpec], list[dict[str, Any]]]:
        specs = [TaskSpec.titled("control", source, Title("incident_order", {"incident": name, "order": title,
                                                                              "unit": tasks.router.by_code(c).names}),
                                 c, priority=1, source_ref=ref) for c in unit_codes]
        prepared = tasks.prepare(specs)
        for r in prepared:
            r.update(status=int(TaskStatus.DISPATCHED), due_at=due)
        return specs, prepared

    root_spec, root_row = parents([county], "处置总指令")
    town_specs, town_rows = parents(towns, "乡镇处置")
    village_specs, village_rows = parents(villages, "村社处置")
    with tasks.store.begin() as conn:
        now = tasks.clock()
        root = tasks.insert(conn, root_row, root_spec, by, now)[0]
        for r in town_rows:
            r["parent_id"] = root
        town_ids = dict(zip(towns, tasks.insert(conn, town_rows, town_specs, by, now)))
        for r in village_rows:
            r["parent_id"] = town_ids[r["assignee_code"][:9]]
        village_ids = dict(zip(villages, tasks.insert(conn, village_rows, village_specs, by, now)))
        for r in rows:
            code = r["assignee_code"]
            r["parent_id"] = village_ids[code[:12]] if len(code) >= 15 else town_ids[code[:9]] if len(code) >= 12 else root
        leaf_ids = tasks.insert(conn, rows, leaves, by, now)
        links = [{"incident_id": incident_id, "task_id": i, "action": CASCADE, "milestone": None, "quantity": 0,
                  "unit": "tasks"} for i in [root, *town_ids.values(), *village_ids.values()]]
        links += [{"incident_id": incident_id, "task_id": i, "action": item.action,
                   "milestone": catalogue.of_action(item.action), "quantity": item.quantity, "unit": item.unit}
                  for i, item in zip(leaf_ids, plan.items)]
        q.insert_links(conn, links)
        q.update_incident(conn, incident_id, {"dispatched_at": now})
        q.add_event(conn, incident_id, now, "dispatch", by, f"{len(leaf_ids)} tasks dispatched",
                    {"tasks": len(leaf_ids), "parents": len(links) - len(leaf_ids)})
    return leaf_ids
