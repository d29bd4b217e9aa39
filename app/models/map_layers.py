"""The console's default layer stack: admin levels with their level of detail, then the point layers."""

from __future__ import annotations

import numpy as np

from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.domain.places import PlaceKind
from app.models.layers import LayerList, PointLayer, PolygonLayer
from app.models.projection import to_display
from app.store.queries.points import PointSet

VILLAGE_VIEW_M = 30_000.0  # villages appear when the view is at most 30 km wide
GRID_VIEW_M = 9_000.0
POINT_VIEW_M = 20_000.0
CAMERA_VIEW_M = 5_000.0  # 18,000 cameras: only at street level


def _points(key: str, zh: str, en: str, points: PointSet, mask: np.ndarray, colour: str, symbol: str,
            visible: bool = True, max_view_m: float = float("inf")) -> PointLayer:
    x, y = to_display(points.lon[mask], points.lat[mask])
    return PointLayer(key, zh, en, visible=visible, labels=False, max_view_m=max_view_m, x=x, y=y,
                      names=points.names[mask], colour=colour, symbol=symbol)


def build_layers(places: PointSet, facilities: PointSet, cameras: PointSet) -> LayerList:
    return LayerList([
        PolygonLayer("grid", "微网格", "Micro-grids", max_view_m=GRID_VIEW_M, level=Level.GRID),
        PolygonLayer("village", "村（社区）", "Villages", max_view_m=VILLAGE_VIEW_M, level=Level.VILLAGE),
        PolygonLayer("town", "乡镇（街道）", "Towns", level=Level.TOWN),
        PolygonLayer("county", "县界", "County outline", labels=False, level=Level.COUNTY),
        _points("cameras", "视频监控", "Cameras", cameras, np.ones(len(cameras), bool), "#2b6cb0", "o",
                max_view_m=CAMERA_VIEW_M),
        _points("test_sites", "核酸采样点", "Test sites", facilities, facilities.kinds == FacilityKind.TEST_SITE,
                "#2f855a", "d",
                max_view_m=POINT_VIEW_M),
        _points("quarantine", "集中隔离点", "Quarantine facilities", facilities,
                facilities.kinds == FacilityKind.QUARANTINE_HOTEL, "#9b2c2c", "s"),
        _points("checkpoints", "卡口", "Checkpoints", places, places.kinds == PlaceKind.CHECKPOINT, "#c05621", "t"),
    ])
