"""The map canvas: level of detail, hit-testing, restyling without rebuilding, drawing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from app.domain.admin import Level
from app.map.canvas import MapCanvas
from app.models.classify import Method


def _view_width(canvas: MapCanvas, metres: float) -> None:
    centre = canvas.vb.viewRect().center()
    canvas.vb.setRange(QRectF(centre.x() - metres / 2, centre.y() - metres / 4, metres, metres / 2), padding=0)
    canvas.refresh()


def test_level_of_detail_towns_far_villages_and_grids_near(canvas: MapCanvas) -> None:
    _view_width(canvas, 50_000)
    assert canvas.layer_painters["town"].visible and not canvas.layer_painters["village"].visible
    assert canvas.label_level() == Level.TOWN and canvas.hit_level() == Level.TOWN
    assert not canvas.layer_painters["cameras"].visible
    _view_width(canvas, 20_000)
    assert canvas.layer_painters["village"].visible and canvas.label_level() == Level.VILLAGE
    _view_width(canvas, 3_000)
    assert canvas.hit_level() == Level.GRID and canvas.layer_painters["cameras"].visible
    assert not canvas.layer_painters["grid"].visible  # the grids carry the thematic fills instead
    assert canvas.choropleth.visible


def test_hit_test_finds_the_unit_under_a_point(canvas: MapCanvas) -> None:
    units = canvas.atlas.levels[Level.GRID]
    for row, (x, y) in enumerate(units.label_points):
        found = canvas.unit_at(x, y, Level.GRID)
        assert found is not None and found[1] == row
    assert canvas.unit_at(0.0, 0.0) is None


def test_restyle_keeps_the_geometry(canvas: MapCanvas) -> None:
    tiles = canvas.tiles(Level.GRID)
    before = canvas.choropleth._fills
    canvas.thematic.set_style(method=Method.EQUAL_INTERVAL, k=3, palette="cividis")
    assert canvas.tiles(Level.GRID) is tiles
    assert canvas.choropleth._fills is not before


def test_the_map_is_drawn(canvas: MapCanvas) -> None:
    x0, y0, x1, y1 = canvas.atlas.bounds("330382001001001")
    inside = canvas.mapFromScene(canvas.vb.mapViewToScene(QPointF(x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.2)))
    image = canvas.viewport().grab().toImage()
    assert image.pixelColor(inside).name() == canvas.thematic.colours[0]  # the grid's fill, not the background
    assert image.pixelColor(2, 2).name() == "#eef2f5"


def test_a_recolour_that_moves_few_units_rebuilds_only_their_fills() -> None:
    """Fill paths are grouped by the units they hold: a group that comes back unchanged is the same path."""
    from app.map.tiled_paths import TiledPaths
    from app.models.rings import Rings

    # four unit squares side by side
    xs, ys, connect, start = [], [], [], [0]
    for i in range(4):
        xs += [i, i + 1, i + 1, i, i]
        ys += [0, 0, 1, 1, 0]
        connect += [1, 1, 1, 1, 0]
        start.append(len(xs))
    rings = Rings(np.array(xs, float), np.array(ys, float), np.array(connect, np.int32), np.array(start))
    tiles = TiledPaths(rings, np.array([[0, 0, 4, 1]] * 4, float))  # one bounding box: all in one tile
    (before,) = tiles.fills(np.array([0, 0, 1, 1]), 2)
    (after,) = tiles.fills(np.array([0, 0, 1, 0]), 2)  # unit 3 moves to class 0
    first = dict(before)
    again = dict(after)
    assert again[0] is not first[0] and again[1] is not first[1]  # both groups changed members
    (back,) = tiles.fills(np.array([0, 0, 1, 1]), 2)  # and back: both groups are the ones drawn before
    assert dict(back)[0] is first[0] and dict(back)[1] is first[1]
    (relabelled,) = tiles.fills(np.array([1, 1, 0, 0]), 2)  # same groups, other classes: same paths
    assert dict(relabelled)[1] is first[0] and dict(relabelled)[0] is first[1]
