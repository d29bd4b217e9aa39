"""The task lifecycle: new → dispatched → acknowledged → in progress → done | failed | cancelled."""

from __future__ import annotations

from app.domain.tasks import CLOSED_STATUSES, OPEN_STATUSES, TaskStatus
from app.models.dispatch.errors import IllegalTransition, TaskError

S = TaskStatus
TRANSITIONS: dict[TaskStatus, tuple[TaskStatus, ...]] = {
    S.NEW: (S.DISPATCHED, S.CANCELLED),
    S.DISPATCHED: (S.ACKNOWLEDGED, S.CANCELLED),
    S.ACKNOWLEDGED: (S.IN_PROGRESS, S.FAILED, S.CANCELLED),
    S.IN_PROGRESS: (S.DONE, S.FAILED, S.CANCELLED),
    S.DONE: (),
    S.FAILED: (),
    S.CANCELLED: (),
}
_FORWARD = (S.NEW, S.DISPATCHED, S.ACKNOWLEDGED, S.IN_PROGRESS)


def parse_status(value: str | int | TaskStatus) -> TaskStatus:
    """A status from its key (``in_progress``, also ``in-progress``) or number."""
    if isinstance(value, int):
        try:
            return TaskStatus(value)
        except ValueError:
            raise TaskError(f"no task status {value}") from None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return TaskStatus[key.upper()]
    except KeyError:
        raise TaskError(f"unknown task status {value!r} (statuses: {', '.join(s.key for s in TaskStatus)})") from None


def check_transition(task_id: int, current: TaskStatus, target: TaskStatus) -> None:
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(s.key for s in TRANSITIONS[current]) or "nothing: the task is closed"
        raise IllegalTransition(f"task {task_id} cannot go from {current.key} to {target.key} (allowed from {current.key}: {allowed})")


def path_to(current: TaskStatus, target: TaskStatus) -> list[TaskStatus]:
    """The legal steps from ``current`` to ``target`` (empty if already there), e.g. for a roll-up."""
    if current == target:
        return []
    if current in CLOSED_STATUSES:
        raise IllegalTransition(f"a {current.key} task cannot become {target.key}")
    if target in TRANSITIONS[current]:
        return [target]
    steps = list(_FORWARD[_FORWARD.index(current) + 1 :])
    if target in OPEN_STATUSES:
        if target not in steps:
            raise IllegalTransition(f"a task cannot go back from {current.key} to {target.key}")
        return steps[: steps.index(target) + 1]
    for i, step in enumerate(steps):
        if target in TRANSITIONS[step]:
            return steps[: i + 1] + [target]
    raise IllegalTransition(f"no way from {current.key} to {target.key}")
