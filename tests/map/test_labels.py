"""Grid labels read as people say them and never overlap (issue 10, defect 11), on the tiny demo county."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from app.console import Console
from app.domain.admin import Level
from app.map.canvas import MapCanvas


@pytest.fixture
def tiny_canvas(qtbot, tiny_store_path: str) -> MapCanvas:  # noqa: ANN001
    console = Console.open(tiny_store_path)
    view = MapCanvas(console.atlas, console.layers, console.thematic, console.drill, console.context,
                     lambda units, row: "", lambda: ("", []))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view
    console.close()


def _densest_town_view(canvas: MapCanvas, width_m: float) -> None:
    """A view ``width_m`` wide on the town with the most grids (the crowded plains)."""
    grids = canvas.atlas.levels[Level.GRID]
    towns = np.array([str(c)[:9] for c in grids.data.codes])
    names, counts = np.unique(towns, return_counts=True)
    x0, y0, x1, y1 = canvas.atlas.bounds(str(names[counts.argmax()]))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    canvas.vb.setRange(QRectF(cx - width_m / 2, cy - width_m / 3, width_m, width_m * 2 / 3), padding=0)
    canvas.refresh()
    canvas.viewport().grab()  # paint: the view box brings its transform up to date before painting


def _placed(canvas: MapCanvas) -> tuple[list[str], np.ndarray]:
    painter = canvas.labels[Level.GRID]
    transform = canvas.stack.deviceTransform(canvas.viewportTransform())
    size = canvas.viewport().size()
    rows = [row for row, _, _ in painter.placed(transform, size.width(), size.height())]
    return [painter.texts[r] for r in rows], painter.placed_rects(transform, size.width(), size.height())


def _pairwise_disjoint(rects: np.ndarray) -> bool:
    x0, y0, x1, y1 = (rects[:, k] for k in range(4))
    overlap = ((x0[:, None] < x1[None, :]) & (x0[None, :] < x1[:, None])
               & (y0[:, None] < y1[None, :]) & (y0[None, :] < y1[:, None]))
    np.fill_diagonal(overlap, False)
    return not overlap.any()


@pytest.mark.parametrize("width_m", [2_500, 6_000, 8_500])
def test_grid_labels_are_short_numbers_and_never_overlap(tiny_canvas: MapCanvas, width_m: float) -> None:
    _densest_town_view(tiny_canvas, width_m)
    assert tiny_canvas.label_level() == Level.GRID
    texts, rects = _placed(tiny_canvas)
    assert len(texts) >= 10
    assert all(re.fullmatch(r"Grid \d{1,3}", t) for t in texts), texts[:5]  # not "330382001202013"
    assert _pairwise_disjoint(rects)


def test_grid_labels_by_leader_name(tiny_canvas: MapCanvas) -> None:
    painter = tiny_canvas.labels[Level.GRID]
    leaders = tiny_canvas.atlas.grid_leaders
    ids = tiny_canvas.atlas.levels[Level.GRID].data.ids
    painter.set_texts([leaders[int(i)][0] for i in ids])
    _densest_town_view(tiny_canvas, 6_000)
    texts, rects = _placed(tiny_canvas)
    assert texts and set(texts) <= {name for name, _ in leaders.values()}
    assert _pairwise_disjoint(rects)
