"""The milestone board: each milestone's target against the time its tasks were all done, its quantities done
against required, its state now (met, late, pending, overdue) and its HSEEP-style rating."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.incidents import LinkedTask, Rating
from app.models.incident.catalogue import Milestone, MilestoneCatalogue

MET, LATE, PENDING, OVERDUE, EMPTY = "met", "late", "pending", "overdue", "empty"


@dataclass(frozen=True)
class MilestoneState:
    key: str
    title_zh: str
    title_en: str
    target_at: int
    actual_at: int | None  # when its last task was done; None while any is not
    tasks_done: int
    tasks_total: int
    quantities: dict[str, tuple[int, int]]  # unit -> (done, required)
    state: str  # met (on time), late (met after target), pending (not yet, target ahead), overdue, empty (no tasks)
    rating: Rating | None  # None while pending, or when it had no tasks
    reference: dict[str, int | None]


def rate(milestone: Milestone, zero: int, actual_at: int | None, late_fraction: float) -> Rating:
    """P met on time, S late by at most ``late_fraction`` of the target, M later, U not met."""
    if actual_at is None:
        return Rating.UNABLE
    taken, target = actual_at - zero, milestone.minutes * 60
    if taken <= target:
        return Rating.PERFORMED
    return Rating.SOME if taken <= target * (1 + late_fraction) else Rating.MAJOR


def board(catalogue: MilestoneCatalogue, zero: int, tasks: Sequence[LinkedTask], done_at: dict[int, int],
          now: int, final: bool = False) -> list[MilestoneState]:
    """The board at ``now`` from the incident's tasks and when each was done (``done_at``: task id -> time).
    ``final`` rates what is not met as unable to perform (the report at the incident's close)."""
    by_milestone: dict[str, list[LinkedTask]] = defaultdict(list)
    for t in tasks:
        if t.milestone:
            by_milestone[t.milestone].append(t)
    out = []
    for m in catalogue.milestones:
        mine = by_milestone.get(m.key, [])
        target = zero + m.minutes * 60
        done = [t for t in mine if t.task_id in done_at and done_at[t.task_id] <= now]
        quantities: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for t in mine:
            quantities[t.unit][1] += t.quantity
        for t in done:
            quantities[t.unit][0] += t.quantity
        actual = max(done_at[t.task_id] for t in done) if mine and len(done) == len(mine) else None
        if not mine:
            state, rating = EMPTY, None
        elif actual is not None:
            state, rating = (MET if actual <= target else LATE), rate(m, zero, actual, catalogue.some_late_fraction)
        else:
            state = OVERDUE if now > target else PENDING
            rating = Rating.UNABLE if final else None
        out.append(MilestoneState(m.key, m.title_zh, m.title_en, target, actual, len(done), len(mine),
                                  {u: (d, r) for u, (d, r) in quantities.items()}, state, rating, m.reference))
    return out
