"""A map canvas over the World test store, built from the models directly (no main window)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.map.canvas import MapCanvas
from app.models.admin_atlas import AdminAtlas
from app.models.context import ConsoleContext
from app.models.drill import DrillPath
from app.models.map_layers import build_layers
from app.models.thematic import Thematic
from app.store.queries.points import load_cameras, load_facilities, load_places
from tests.factories import World


@pytest.fixture
def canvas(qtbot, world: World) -> MapCanvas:  # noqa: ANN001
    world.add_camera("330382001001001", code="C1")
    store = world.store
    atlas = AdminAtlas(store)
    context = ConsoleContext(as_of=dt.date(2022, 3, 31))
    layers = build_layers(load_places(store), load_facilities(store), load_cameras(store))
    view = MapCanvas(atlas, layers, Thematic(atlas, context), DrillPath(atlas), context,
                     lambda units, row: str(units.data.codes[row]), lambda: ("", []))
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_to_extent()
    return view
