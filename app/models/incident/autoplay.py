"""Synthetic task completions for a drill's autoplay: each task is acknowledged and done after delays drawn
from its scenario's log-normal per action, from one seed — the same seed plays the same drill."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from app.domain.incidents import LinkedTask
from app.models.incident.scenarios import Delay

ACK, DONE = "acknowledge", "done"


@dataclass(frozen=True, order=True)
class Step:
    at: int
    order: int  # acknowledgements before completions at the same second, then task order
    task_id: int
    what: str


def schedule(tasks: Sequence[LinkedTask], delays: Mapping[str, Delay], acknowledge_fraction: float,
             dispatched_at: int, seed: int) -> list[Step]:
    """When each plan task is acknowledged (after ``acknowledge_fraction`` of its delay) and done, in time order.
    Tasks are drawn in plan order (task id), so a seed gives the same delays whatever ids the store hands out."""
    rng = np.random.default_rng(seed)
    steps: list[Step] = []
    for i, t in enumerate(sorted((t for t in tasks if t.milestone), key=lambda t: t.task_id)):
        delay = delays[t.action]
        minutes = delay.median * math.exp(delay.sigma * rng.standard_normal())
        done = dispatched_at + max(round(minutes * 60), 60)
        ack = dispatched_at + max(round(minutes * 60 * acknowledge_fraction), 30)
        steps += [Step(ack, 2 * i, t.task_id, ACK), Step(done, 2 * i + 1, t.task_id, DONE)]
    return sorted(steps, key=lambda s: (s.at, s.what != ACK, s.order))


def play(steps: Sequence[Step], perform: Callable[[Step], None], wait_until: Callable[[int], bool] | None = None,
         should_stop: Callable[[], bool] | None = None) -> int:
    """Perform the steps in order; ``wait_until(at)`` paces them on a drill clock (False: stop). Returns how many
    were performed."""
    n = 0
    for step in steps:
        if should_stop is not None and should_stop():
            break
        if wait_until is not None and not wait_until(step.at):
            break
        perform(step)
        n += 1
    return n
