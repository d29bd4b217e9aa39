"""Spatial questions answered in the database on PostGIS and by shapely on SQLite: the same ids on both backends.

The test county is 2 towns × 2 villages × 2 grids; each grid is STEP wide and 2·STEP tall (tests/factories.py),
so what a polygon or a point hits is known by construction."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from app.console import Console
from app.models.dispatch.service import TaskService
from app.models.projection import to_display
from app.models.screening import polygon_area, screen
from app.store.queries.spatial import PostgisSpatial, ShapelySpatial, spatial_of
from tests.factories import STEP, X0, Y0, World

G1, G2 = "330382001001001", "330382001001002"  # the two grids of the first village, side by side
FAR_TOWN_GRID = "330382002002002"


def _ids(world: World, *codes: str) -> list[int]:
    return sorted(world.unit_ids[c] for c in codes)


def test_the_backend_picks_its_own_implementation(any_world: World) -> None:
    expected = PostgisSpatial if any_world.store.dialect == "postgresql" else ShapelySpatial
    assert type(spatial_of(any_world.store)) is expected


def test_a_drawn_polygon_holds_the_same_grids_places_and_people_on_both_backends(any_world: World) -> None:
    w = any_world
    inside = w.add_place(G1)  # the centre of G1
    on_edge = w.add_place(G2, xy=(X0 + 1.5 * STEP, Y0 + STEP))  # exactly on the polygon's right edge: counts
    outside = w.add_place(FAR_TOWN_GRID)
    people = [w.add_person(G1), w.add_person(G2)]
    w.add_person(FAR_TOWN_GRID)
    polygon = shapely.box(X0 + 0.5 * STEP, Y0 + 0.5 * STEP, X0 + 1.5 * STEP, Y0 + 1.5 * STEP)
    where = spatial_of(w.store)
    assert where.grids_in(polygon).tolist() == _ids(w, G1, G2)
    assert where.places_in(polygon).tolist() == sorted([inside, on_edge]) and outside not in where.places_in(polygon)
    assert where.persons_in(polygon).tolist() == people


def test_a_polygon_across_the_county_border_holds_only_what_lies_inside(any_world: World) -> None:
    w = any_world
    place = w.add_place(G1, xy=(X0 + 0.2 * STEP, Y0 + 0.2 * STEP))
    across = shapely.box(X0 - 1, Y0 - 1, X0 + 0.5 * STEP, Y0 + 0.5 * STEP)  # mostly outside the county
    where = spatial_of(w.store)
    assert where.grids_in(across).tolist() == _ids(w, G1)
    assert where.places_in(across).tolist() == [place]


def test_a_polygon_outside_the_county_holds_nothing(any_world: World) -> None:
    w = any_world
    w.add_place(G1)
    w.add_person(G1)
    nowhere = shapely.box(100.0, 20.0, 100.1, 20.1)
    where = spatial_of(w.store)
    for found in (where.grids_in(nowhere), where.places_in(nowhere), where.facilities_in(nowhere),
                  where.persons_in(nowhere)):
        assert found.tolist() == []
    assert where.grid_at(100.05, 20.05) is None


def test_a_point_routes_to_its_grid_and_a_shared_boundary_to_the_lowest_code(any_world: World) -> None:
    w = any_world
    where = spatial_of(w.store)
    assert where.grid_at(*w.grid_center(G2)) == w.unit_ids[G2]
    assert where.grid_at(X0 + STEP, Y0 + STEP) == w.unit_ids[G1]  # the edge between G1 and G2
    # the corner where four grids of both towns meet: 330382001001002 is the lowest of the four codes
    assert where.grid_at(X0 + 2 * STEP, Y0 + 2 * STEP) == w.unit_ids["330382001001002"]


def test_a_task_aimed_at_a_boundary_point_goes_to_one_grid(any_world: World) -> None:
    tasks = TaskService(any_world.store)
    task = tasks.create(kind="screening", source="manual", title="on the edge",
                        target_wkt=f"POINT ({X0 + STEP} {Y0 + STEP})")
    assert tasks.get(task).assignee_code == G1  # not their village: the rule gives the point one grid


def test_nearest_cameras_are_the_same_on_both_backends(any_world: World) -> None:
    w = any_world
    x, y = X0 + 0.5 * STEP, Y0 + STEP
    twins = [w.add_camera(G1, code="T1", xy=(x, y + 0.001)), w.add_camera(G1, code="T2", xy=(x, y + 0.001))]
    third = w.add_camera(G1, code="N3", xy=(x, y + 0.003))
    w.add_camera(FAR_TOWN_GRID, code="FAR")
    where = spatial_of(w.store)
    found = where.nearest_cameras(x, y, n=3)
    assert found.ids.tolist() == [*twins, third]  # equally near: by id
    assert 105 < found.distance_m[0] == found.distance_m[1] < 115 and 325 < found.distance_m[2] < 340
    assert where.nearest_cameras(x, y, n=None, radius_m=200).ids.tolist() == twins
    assert where.nearest_cameras(x, y, n=1, radius_m=200).ids.tolist() == twins[:1]
    assert where.nearest_cameras(x, y, n=5, radius_m=50).ids.tolist() == []
    with pytest.raises(ValueError):
        where.nearest_cameras(x, y, n=None)


def test_the_console_lists_the_nearest_cameras_of_a_map_click_on_both_backends(any_world: World) -> None:
    w = any_world
    x, y = X0 + 0.5 * STEP, Y0 + STEP
    w.add_camera(G1, code="NEAR", xy=(x, y + 0.001))
    w.add_camera(FAR_TOWN_GRID, code="FAR")
    console = Console.open(w.store.url)
    try:
        links = console.camera_links
        links.mode, links.nearest_n = "nearest", 1
        dx, dy = to_display(np.array([x]), np.array([y]))
        links.pick_point(float(dx[0]), float(dy[0]))
        assert [r.code for r in links.rows] == ["NEAR"] and 105 < links.rows[0].distance_m < 115
    finally:
        console.close()


def test_screening_a_polygon_counts_a_place_on_its_edge(any_world: World) -> None:
    w = any_world
    person = w.add_person(FAR_TOWN_GRID)
    edge_place = w.add_place(G1, xy=(X0 + 0.5 * STEP, Y0 + 0.5 * STEP))
    w.add_scan(person, edge_place, "2022-03-20 10:00")
    corner = polygon_area(shapely.box(X0 + 0.5 * STEP, Y0 + 0.5 * STEP, X0 + STEP, Y0 + STEP).wkt)
    result = screen(w.store, corner)
    assert result.person_id.tolist() == [person]
