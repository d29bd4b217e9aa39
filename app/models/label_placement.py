"""Greedy label placement: labels in priority order, each kept only if it overlaps none kept before it.

Rectangles are in screen pixels; kept ones are filed in a grid of 64-pixel cells, so an overlap check looks
only at the few labels near it (thousands of grid labels place in milliseconds).
"""

from __future__ import annotations

import numpy as np

CELL_PX = 64


def place_greedy(rects: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Indices of ``rects`` ((n, 4): left, top, right, bottom) kept, in ``order`` (highest priority first)."""
    boxes = np.asarray(rects, float).tolist()  # plain floats: per-label checks in Python stay cheap
    cells: dict[tuple[int, int], list[list[float]]] = {}
    kept: list[int] = []
    for i in np.asarray(order, np.int64).tolist():
        box = boxes[i]
        x0, y0, x1, y1 = box
        keys = [(cx, cy) for cx in range(int(x0 // CELL_PX), int(x1 // CELL_PX) + 1)
                for cy in range(int(y0 // CELL_PX), int(y1 // CELL_PX) + 1)]
        if any(o[0] < x1 and x0 < o[2] and o[1] < y1 and y0 < o[3] for k in keys for o in cells.get(k, ())):
            continue
        for k in keys:
            cells.setdefault(k, []).append(box)
        kept.append(i)
    return np.asarray(kept, np.int64)
