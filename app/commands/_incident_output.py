"""How incident commands print a plan and a board (shared by ``jingkong incident`` and ``jingkong drill``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.domain.incidents import IncidentRow
from app.models.incident.plan import Plan
from app.models.incident.replay import Snapshot
from app.timebase import format_seconds


def incident_data(row: IncidentRow) -> dict[str, Any]:
    data = asdict(row)
    data.pop("plan")
    return data


def plan_data(plan: Plan) -> dict[str, Any]:
    return {"case_person_id": plan.case_person_id, "case_at": plan.case_at, "home_grid": plan.home_grid,
            "visited": plan.visited, "zones": plan.zones.to_json(), "stats": {k: asdict(v) for k, v in plan.stats.items()},
            "numbers": plan.numbers, "actions": {a: plan.count(a) for a in dict.fromkeys(i.action for i in plan.items)}}


def plan_text(incident_id: int, plan: Plan) -> str:
    n = plan.numbers
    lines = [f"incident {incident_id}: case {plan.case_person_id or '-'} at {format_seconds(plan.case_at)} (CST)"]
    for kind, stats in plan.stats.items():
        lines.append(f"  {kind:<10} {stats.grids:>5} grids  {stats.population:>8,} people  {stats.households:>7,} households"
                     f"  {stats.key_facilities:>5} key facilities  {stats.cameras:>6} cameras")
    lines.append(f"  staff {n['staff']:,} · seal points {n['seal_points']} · traffic checkpoints {n['traffic_checkpoints']} · "
                 f"sites {n['sites']} / stations {n['stations']} · beds needed {n['beds_needed']} of {n['beds_free']:,} free")
    lines.append(f"  contacts: {n['close']} close, {n['secondary']} secondary · {n['tasks']} tasks to dispatch")
    return "\n".join(lines)


def board_data(snap: Snapshot) -> dict[str, Any]:
    return {"at": snap.at, "tasks": snap.counts(),
            "milestones": [{"key": m.key, "title_zh": m.title_zh, "title_en": m.title_en, "target_at": m.target_at,
                            "actual_at": m.actual_at, "state": m.state, "rating": m.rating.value if m.rating else None,
                            "tasks_done": m.tasks_done, "tasks_total": m.tasks_total,
                            "quantities": {u: list(v) for u, v in m.quantities.items()}} for m in snap.board],
            "zones": {k: len(v) for k, v in snap.zones.grids.items()}}


def board_text(zero: int, snap: Snapshot) -> str:
    lines = [f"at {format_seconds(snap.at)} (T+{(snap.at - zero) / 60:.0f} min): "
             + ", ".join(f"{k} {v}" for k, v in snap.counts().items())]
    for m in snap.board:
        actual = f"T+{(m.actual_at - zero) / 60:.0f}" if m.actual_at else "-"
        lines.append(f"  {m.key:<22} target T+{(m.target_at - zero) / 60:.0f}  actual {actual:<7} {m.state:<8} "
                     f"{m.rating.value if m.rating else '-'}  {m.tasks_done}/{m.tasks_total} tasks")
    return "\n".join(lines)
