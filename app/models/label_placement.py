"""Greedy label placement: labels in priority order, each kept only if it overlaps none kept before it.

A label may have several candidate positions (right of its point, then left…): the first free one is taken.
Rectangles are in screen pixels; kept ones are filed in a grid of 64-pixel cells, so an overlap check looks
only at the few labels near it (thousands of grid labels place in milliseconds).
"""

from __future__ import annotations

import numpy as np

CELL_PX = 64


def place_greedy(rects: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Indices of ``rects`` ((n, 4): left, top, right, bottom) kept, in ``order`` (highest priority first)."""
    kept, _choice = place_candidates(np.asarray(rects, float)[:, None, :], order)
    return kept


def place_candidates(rects: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(kept indices, the candidate each took) for ``rects`` of shape (n, k, 4): k positions per label, in
    order of preference; candidates that are NaN are never taken."""
    boxes = np.asarray(rects, float).tolist()  # plain floats: per-label checks in Python stay cheap
    cells: dict[tuple[int, int], list[list[float]]] = {}
    kept: list[int] = []
    chosen: list[int] = []
    for i in np.asarray(order, np.int64).tolist():
        for k, box in enumerate(boxes[i]):
            x0, y0, x1, y1 = box
            if x0 != x0:  # noqa: PLR0124  (NaN: no such candidate)
                continue
            keys = [(cx, cy) for cx in range(int(x0 // CELL_PX), int(x1 // CELL_PX) + 1)
                    for cy in range(int(y0 // CELL_PX), int(y1 // CELL_PX) + 1)]
            if any(o[0] < x1 and x0 < o[2] and o[1] < y1 and y0 < o[3] for key in keys for o in cells.get(key, ())):
                continue
            for key in keys:
                cells.setdefault(key, []).append(box)
            kept.append(i)
            chosen.append(k)
            break
    return np.asarray(kept, np.int64), np.asarray(chosen, np.int64)
