"""Qt-free map models: classification, rings, search, camera links, drill-down (values known by construction)."""

from __future__ import annotations

import numpy as np
import shapely

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.cameras import CameraLinks, resolve_stream
from app.models.classify import Method, classify, natural_breaks
from app.models.context import ConsoleContext
from app.models.drill import DrillPath
from app.models.projection import to_display
from app.models.rings import Rings, flatten, polylines, without_shared_edges
from app.models.search import UnitSearch
from app.store.queries.points import load_cameras
from app.store.queries.spatial import spatial_of
from tests.factories import World


def test_quantiles_split_evenly_and_nan_is_no_data() -> None:
    values = np.array([1, 2, 3, 4, 5, 6, 7, 8, np.nan])
    c = classify(values, Method.QUANTILES, 4)
    assert c.index.tolist() == [0, 0, 1, 1, 2, 2, 3, 3, -1]
    assert c.counts().tolist() == [2, 2, 2, 2]


def test_equal_interval_bins() -> None:
    c = classify(np.array([0.0, 10.0, 2.0, 9.0]), Method.EQUAL_INTERVAL, 5)
    assert c.bins.tolist() == [2.0, 4.0, 6.0, 8.0, 10.0]
    assert c.index.tolist() == [0, 4, 0, 4]


def test_natural_breaks_find_the_gaps_between_clusters() -> None:
    values = np.concatenate([np.full(50, 1.0), np.full(30, 10.0), np.full(20, 100.0)]) + np.linspace(0, 0.5, 100)
    bins = natural_breaks(values, 3)
    assert bins[0] < 2 and 10 <= bins[1] < 11 and bins[2] == values.max()
    assert classify(values, Method.NATURAL_BREAKS, 3).counts().tolist() == [50, 30, 20]


def test_rings_flatten_and_shared_edges_are_drawn_once() -> None:
    geoms = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)])
    rings = flatten(geoms)
    assert rings.start.tolist() == [0, 5, 10]
    assert rings.connect.sum() == 8  # 4 edges each
    assert without_shared_edges(rings).sum() == 7  # the common edge x = 1 once


def test_polylines_draw_the_same_edges_in_fewer_pieces() -> None:
    geoms = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(0, 1, 1, 2)])
    rings = flatten(geoms)
    edges = Rings(rings.x, rings.y, without_shared_edges(rings), rings.start)
    lines = polylines(edges)

    def segments(r: Rings) -> set[tuple[float, ...]]:
        i = np.flatnonzero(r.connect == 1)
        return {tuple(sorted([(r.x[k], r.y[k]), (r.x[k + 1], r.y[k + 1])])) for k in i}

    assert segments(lines) == segments(edges) and len(segments(edges)) == 10
    assert (lines.connect == 0).sum() < (edges.connect[np.flatnonzero(edges.connect == 1) + 1] == 0).sum()


def test_search_by_name_pinyin_and_code(world: World) -> None:
    search = UnitSearch(AdminAtlas(world.store))
    assert search.find("测试县")[0].code == "330382"
    assert search.find("330382002001")[0].code == "330382002001"
    assert search.find("unit330382002")[0].code == "330382002"  # pinyin without spaces
    assert search.find("没有这个") == []


def test_camera_links_in_unit_and_nearest(world: World) -> None:
    world.add_camera("330382001001001", code="A")
    world.add_camera("330382002002002", code="B", url="sample://camera_demo.mp4")
    atlas = AdminAtlas(world.store)
    context = ConsoleContext(as_of=__import__("datetime").date(2022, 3, 31))
    links = CameraLinks(load_cameras(world.store), atlas, context, spatial_of(world.store), nearest_n=1)
    context.selected_unit = "330382002"
    assert [r.code for r in links.rows] == ["B"]
    links.mode = "nearest"
    lon, lat = world.grid_center("330382001001002")
    x, y = to_display(np.array([lon]), np.array([lat]))
    links.pick_point(float(x[0]), float(y[0]))
    assert [r.code for r in links.rows] == ["A"] and 900 < links.rows[0].distance_m < 1100
    assert resolve_stream("sample://camera_demo.mp4").endswith("resources/samples/camera_demo.mp4")
    assert resolve_stream("rtsp://h/x") == "rtsp://h/x"


def test_drill_path_and_child_level(world: World) -> None:
    drill = DrillPath(AdminAtlas(world.store))
    assert drill.path == ["330382"] and drill.child_level == Level.TOWN
    drill.drill_to("330382002001")
    assert drill.path == ["330382", "330382002", "330382002001"] and drill.child_level == Level.GRID
    drill.go_up_to(1)
    assert drill.path == ["330382", "330382002"]
