"""The console's default layer stack: admin levels with their level of detail, then the point layers."""

from __future__ import annotations

import numpy as np

from app.domain.admin import Level
from app.domain.cameras import CAMERA_KINDS, CameraStatus
from app.domain.facilities import FacilityKind
from app.domain.places import PlaceKind
from app.models.layers import LayerList, PointLayer, PolygonLayer
from app.models.projection import to_display
from app.store.queries.points import CameraSet, PointSet

VILLAGE_VIEW_M = 30_000.0  # villages appear when the view is at most 30 km wide
GRID_VIEW_M = 9_000.0
POINT_VIEW_M = 20_000.0
CAMERA_VIEW_M = 5_000.0  # 18,000 cameras: only at street level
VENUE_VIEW_M = 5_000.0  # 12,000 venues, likewise
CAMERA_COLOURS = ("#2b6cb0", "#a0aec0", "#c53030")  # by CameraStatus: online blue, offline grey, fault red
CAMERA_STATUS_KEYS = tuple(s.name.lower() for s in CameraStatus)  # the legend's names of those colours


def _points(key: str, zh: str, en: str, points: PointSet, mask: np.ndarray, fields: dict[str, np.ndarray],
            colour: str, symbol: str, visible: bool = True, max_view_m: float = float("inf")) -> PointLayer:
    x, y = to_display(points.lon[mask], points.lat[mask])
    attributes = {name: np.asarray(values)[mask] for name, values in fields.items()}
    attributes["grid_id"] = points.grid_ids[mask]
    return PointLayer(key, zh, en, visible=visible, labels=False, max_view_m=max_view_m, x=x, y=y,
                      names=points.names[mask], ids=points.ids[mask], fields=attributes, colour=colour, symbol=symbol)


def _keys(names: list[str], codes: np.ndarray) -> np.ndarray:
    """Enum values as their lower-case keys (``"test_site"``), which the views translate; an unknown value as its
    number. Vectorised: the 18,000 cameras' statuses are keyed again on every move of the as-of date."""
    codes = np.asarray(codes, np.int64)
    known = (codes >= 0) & (codes < len(names))
    out = np.array([*names, ""], object)[np.where(known, codes, len(names))]
    if not known.all():
        out[~known] = [str(c) for c in codes[~known].tolist()]
    return out


def show_camera_status(layer: PointLayer, status: np.ndarray) -> None:
    """Colour the camera layer's points (and set their ``status`` attribute) by ``status``, row-aligned with the
    cameras: what the as-of date has them at."""
    layer.class_colours, layer.class_keys = CAMERA_COLOURS, CAMERA_STATUS_KEYS
    layer.fields["status"] = _keys(list(CAMERA_STATUS_KEYS), status)
    layer.classes = np.asarray(status, np.int64)


def build_layers(places: PointSet, facilities: PointSet, cameras: CameraSet) -> LayerList:
    facility_fields = {"kind": _keys([k.name.lower() for k in FacilityKind], facilities.kinds),
                       "capacity": facilities.extra.get("capacity", np.zeros(len(facilities), np.int64)),
                       "fever_clinic": facilities.extra.get("fever_clinic", np.zeros(len(facilities), bool))}
    place_fields = {"category": places.extra.get("category", np.full(len(places), "", object))}
    camera_fields = {"code": cameras.codes, "kind": _keys(list(CAMERA_KINDS), cameras.kinds),
                     "status": _keys(list(CAMERA_STATUS_KEYS), cameras.status)}
    in_county = places.grid_ids >= 0  # places in other cities (where natives elsewhere scan) stay off the county map
    other_facility = ~np.isin(facilities.kinds, [FacilityKind.TEST_SITE, FacilityKind.QUARANTINE_HOTEL])
    return LayerList([
        PolygonLayer("grid", "微网格", "Micro-grids", max_view_m=GRID_VIEW_M, level=Level.GRID),
        PolygonLayer("village", "村（社区）", "Villages", max_view_m=VILLAGE_VIEW_M, level=Level.VILLAGE),
        PolygonLayer("town", "乡镇（街道）", "Towns", level=Level.TOWN),
        PolygonLayer("county", "县界", "County outline", labels=False, level=Level.COUNTY),
        _points("venues", "场所", "Venues", places, in_county & (places.kinds == PlaceKind.VENUE), place_fields,
                "#805ad5", "o", visible=False, max_view_m=VENUE_VIEW_M),
        _points("facilities", "医疗卫生设施", "Health facilities", facilities, other_facility, facility_fields,
                "#d53f8c", "d", visible=False, max_view_m=POINT_VIEW_M),
        _points("cameras", "视频监控", "Cameras", cameras, np.ones(len(cameras), bool), camera_fields, CAMERA_COLOURS[0],
                "o", max_view_m=CAMERA_VIEW_M),
        _points("test_sites", "核酸采样点", "Test sites", facilities, facilities.kinds == FacilityKind.TEST_SITE,
                facility_fields, "#2f855a", "d", max_view_m=POINT_VIEW_M),
        _points("quarantine", "集中隔离点", "Quarantine facilities", facilities,
                facilities.kinds == FacilityKind.QUARANTINE_HOTEL, facility_fields, "#9b2c2c", "s"),
        _points("checkpoints", "卡口", "Checkpoints", places, places.kinds == PlaceKind.CHECKPOINT, place_fields,
                "#c05621", "t"),
    ])
