"""The demo county's camera status history: cameras drop offline or fail and come back over the period.

Its own random stream (from the seed), so adding it reshuffles no other table. Each camera starts online at the
period's start; outages come at about one per camera per two months (a quarter of them faults, repaired in days,
the rest network drops, back within hours); a camera not online now went down for the last time a few days before
the period's end and is still down, so its last event says what ``cameras.status`` says.
"""

from __future__ import annotations

import numpy as np

from app.domain.cameras import CameraStatus
from app.store.demo.scale import PERIOD_END, PERIOD_START
from app.timebase import to_seconds

OUTAGES_PER_CAMERA = 1.2  # over the 69 days: a network of this size loses 2–3 % of its cameras on any day
FAULT_SHARE = 0.25
DROP_HOURS, REPAIR_HOURS = 18.0, 72.0  # mean length of a network drop and of a repair
STILL_DOWN_HOURS = 96.0  # how long, on average, a camera down now has been down


def camera_history(seed: int, camera_ids: np.ndarray, status_now: np.ndarray) -> dict[str, np.ndarray]:
    """``camera_status_events`` columns (in time order) for cameras ``camera_ids`` whose status now is
    ``status_now``."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 2]))
    start, end = to_seconds(PERIOD_START), to_seconds(PERIOD_END) + 86_399
    n = len(camera_ids)
    down_since = np.full(n, end + 1)  # the last outage of a camera down now (never, for one online)
    down = status_now != CameraStatus.ONLINE
    hours = rng.exponential(STILL_DOWN_HOURS, n)
    down_since[down] = np.maximum(start + 3600, end - (hours[down] * 3600).astype(np.int64))
    count = rng.poisson(OUTAGES_PER_CAMERA, n)
    owner = np.repeat(np.arange(n), count)
    begins = rng.integers(start + 3600, end, len(owner))
    fault = rng.random(len(owner)) < FAULT_SHARE
    ends = begins + 600 + (rng.exponential(np.where(fault, REPAIR_HOURS, DROP_HOURS)) * 3600).astype(np.int64)
    cams, ats, states = [camera_ids, camera_ids[down]], [np.full(n, start), down_since[down]], [
        np.full(n, int(CameraStatus.ONLINE)), status_now[down]]
    order = np.lexsort((begins, owner))
    kept, last_owner, free_at = [], -1, 0
    for i in order.tolist():  # outages of one camera do not overlap, and end before its last one begins
        o = int(owner[i])
        if o != last_owner:
            last_owner, free_at = o, 0
        if begins[i] >= free_at and ends[i] < min(down_since[o], end):
            kept.append(i)
            free_at = int(ends[i])
    kept_ = np.asarray(kept, np.int64)
    lost = np.where(fault[kept_], int(CameraStatus.FAULT), int(CameraStatus.OFFLINE))
    cams += [camera_ids[owner[kept_]], camera_ids[owner[kept_]]]
    ats += [begins[kept_], ends[kept_]]
    states += [lost, np.full(len(kept_), int(CameraStatus.ONLINE))]
    camera, at, status = np.concatenate(cams), np.concatenate(ats), np.concatenate(states)
    by_time = np.lexsort((camera, at))
    return {"camera_id": camera[by_time].astype(np.int64), "at": at[by_time].astype(np.int64),
            "status": status[by_time].astype(np.int64), "source": np.full(len(camera), "demo", dtype=object)}
