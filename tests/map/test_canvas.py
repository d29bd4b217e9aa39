"""The map canvas: level of detail, hit-testing, restyling without rebuilding, drawing."""

from __future__ import annotations

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
