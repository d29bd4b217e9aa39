"""Drawing an area on the map: clicks add corners, a double-click publishes it in EPSG:4490, the screening panel
screens the people scanned inside it; Esc and right-click cancel without publishing."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, QPointF, Qt

from app.domain.places import PlaceKind
from app.models.projection import to_display
from tests.factories import World

# a square well inside grid 330382002001001 (lon 120.92–120.93, lat 28.10–28.12), clockwise from south-west
SQUARE = [(120.922, 28.103), (120.922, 28.117), (120.928, 28.117), (120.928, 28.103)]


@pytest.fixture
def map_world(map_world: World) -> World:
    """Adds one person scanned at a venue inside the square and one scanned at a venue outside it."""
    inside, outside = map_world.add_person("330382002001001"), map_world.add_person("330382001001001")
    map_world.add_scan(inside, map_world.add_place("330382002001001", kind=PlaceKind.VENUE), "2022-03-20 10:00")
    map_world.add_scan(outside, map_world.add_place("330382001001001", kind=PlaceKind.VENUE), "2022-03-20 11:00")
    map_world.people = {"inside": inside, "outside": outside}
    return map_world


def pixel(window, lon: float, lat: float) -> QPoint:  # noqa: ANN001
    """The viewport pixel showing a store coordinate (store → display metres → scene → view)."""
    x, y = to_display(np.array([lon]), np.array([lat]))
    return window.canvas.mapFromScene(window.canvas.vb.mapViewToScene(QPointF(float(x[0]), float(y[0]))))


def click_corners(window, qtbot, corners: list[tuple[float, float]]) -> None:  # noqa: ANN001
    for lon, lat in corners:
        qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pixel(window, lon, lat))


def double_click(window, qtbot, lon: float, lat: float) -> None:  # noqa: ANN001
    """What a user's double-click sends: a click, then a double-click press and its release."""
    pos, left = pixel(window, lon, lat), Qt.MouseButton.LeftButton
    qtbot.mouseClick(window.canvas.viewport(), left, pos=pos)
    qtbot.mouseDClick(window.canvas.viewport(), left, pos=pos)
    qtbot.mouseRelease(window.canvas.viewport(), left, pos=pos)


def screening_panel(window):  # noqa: ANN001, ANN201
    return window.panel("screening")


def test_a_drawn_area_is_published_in_store_coordinates_and_screened(main_window, map_world: World, qtbot) -> None:  # noqa: ANN001
    context, panel = main_window.console.context, screening_panel(main_window)
    selected = context.selected_unit
    main_window.act_draw.trigger()
    assert main_window.act_draw.isChecked() and main_window.canvas.sketch.active
    click_corners(main_window, qtbot, SQUARE[:-1])
    assert context.drawn_area is None  # still drawing
    with qtbot.waitSignal(panel._run.events.result, timeout=20_000):
        double_click(main_window, qtbot, *SQUARE[-1])
    panel.worker.wait()
    area = context.drawn_area
    assert area.geom_type == "Polygon" and len(area.exterior.coords) == 5  # the double-click added no extra corner
    assert shapely.hausdorff_distance(area, shapely.Polygon(SQUARE)) < 1e-4  # within a pixel (about 10 m here)
    assert not main_window.canvas.sketch.active and not main_window.act_draw.isChecked()
    assert context.selected_unit == selected  # clicks while drawing select nothing
    assert shapely.from_wkt(panel.polygon.text()).equals_exact(area, 1e-6)
    assert panel._run.result.person_id.tolist() == [map_world.people["inside"]]
    choropleth = context.choropleth  # the map shows the people found, named for the drawn area
    assert (choropleth.title, choropleth.title_en) == ("排查 自定义范围", "Screening custom area")
    assert choropleth.values == {"330382002001001": 1.0}


def test_the_drawn_area_stays_on_the_map_until_cleared(main_window, qtbot) -> None:  # noqa: ANN001
    main_window.act_draw.trigger()
    click_corners(main_window, qtbot, SQUARE)
    qtbot.keyClick(main_window.canvas, Qt.Key.Key_Return)
    panel = screening_panel(main_window)
    panel.worker.wait()
    # two points of the same grid (one colour underneath), below its label: inside the area and just west of it
    inside, outside = pixel(main_window, 120.925, 28.106), pixel(main_window, 120.9205, 28.106)

    def colours() -> tuple[str, str]:
        image = main_window.canvas.viewport().grab().toImage()
        return image.pixelColor(inside).name(), image.pixelColor(outside).name()

    washed, plain = colours()
    assert washed != plain
    main_window.console.context.drawn_area = None
    assert panel.polygon.text() == ""
    qtbot.waitUntil(lambda: colours() == (plain, plain))


@pytest.mark.parametrize("how", ["escape", "right_click", "untick"])
def test_cancelling_publishes_nothing(main_window, qtbot, how: str) -> None:  # noqa: ANN001
    heard: list[object] = []
    context = main_window.console.context
    context.events.drawn_area.connect(heard.append)
    context.selected_unit = "330382001"
    main_window.act_draw.trigger()
    click_corners(main_window, qtbot, SQUARE)
    if how == "escape":
        qtbot.keyClick(main_window.canvas, Qt.Key.Key_Escape)
        assert context.selected_unit == "330382001"  # Esc ended the drawing, not the selection
    elif how == "right_click":
        qtbot.mouseClick(main_window.canvas.viewport(), Qt.MouseButton.RightButton, pos=pixel(main_window, *SQUARE[0]))
    else:
        main_window.act_draw.trigger()
    assert not main_window.canvas.sketch.active and not main_window.act_draw.isChecked()
    assert heard == [] and context.drawn_area is None
    assert screening_panel(main_window).polygon.text() == ""


def test_fewer_than_three_corners_keep_drawing(main_window, qtbot) -> None:  # noqa: ANN001
    main_window.act_draw.trigger()
    click_corners(main_window, qtbot, SQUARE[:1])
    double_click(main_window, qtbot, *SQUARE[1])
    assert main_window.canvas.sketch.active and main_window.console.context.drawn_area is None
