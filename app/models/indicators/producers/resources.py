"""Cameras and resources: venues and checkpoints, cameras by status (day by day, from their status history) and
kind, facilities and their capacity."""

from __future__ import annotations

from app.domain.cameras import CAMERA_KINDS, CameraStatus
from app.domain.facilities import FacilityKind
from app.domain.places import PlaceKind
from app.models.indicators.contributions import Contributions
from app.models.indicators.sources import Sources

MEASURES = (
    "venues", "checkpoints", "cameras", *(f"cameras_{s.name.lower()}" for s in CameraStatus),
    *(f"cameras_{k}" for k in CAMERA_KINDS), *(f"fac_{k.name.lower()}" for k in FacilityKind),
    "quarantine_beds", "test_capacity", "vaccination_capacity", "fever_clinics",
)


def produce(src: Sources, out: Contributions) -> None:
    places, cameras, facilities = src.static["places"], src.static["cameras"], src.static["facilities"]
    place_grid = src.tree.grid_rows(places["grid"])
    out.add_static("venues", place_grid[places["kind"] == PlaceKind.VENUE])
    out.add_static("checkpoints", place_grid[places["kind"] == PlaceKind.CHECKPOINT])
    cam_grid = src.tree.grid_rows(cameras["grid"])
    out.add_static("cameras", cam_grid)
    changes = src.static["camera_changes"]
    change_grid, day, before, after = src.tree.grid_rows(changes["grid"]), changes["day"], changes["before"], changes["status"]
    first, untracked = before < 0, cameras["tracked"] == 0
    for status in CameraStatus:  # by status as each day's end had it (a camera with no history: as it is now)
        measure = f"cameras_{status.name.lower()}"
        out.add_static(measure, cam_grid[untracked & (cameras["status"] == status)])
        out.add_static(measure, change_grid[first & (after == status)])  # before its first event too
        came, went = ~first & (after == status), ~first & (before == status)
        out.add(measure, change_grid[came], day[came])
        out.add(measure, change_grid[went], day[went], -1.0)
    for i, kind in enumerate(CAMERA_KINDS):
        out.add_static(f"cameras_{kind}", cam_grid[cameras["kind"] == i])
    fac_grid = src.tree.grid_rows(facilities["grid"])
    kinds, capacity = facilities["kind"], facilities["capacity"]
    for kind in FacilityKind:
        out.add_static(f"fac_{kind.name.lower()}", fac_grid[kinds == kind])
    for measure, kind in (("quarantine_beds", FacilityKind.QUARANTINE_HOTEL), ("test_capacity", FacilityKind.TEST_SITE),
                          ("vaccination_capacity", FacilityKind.VACCINATION_SITE)):
        out.add_static(measure, fac_grid[kinds == kind], capacity[kinds == kind])
    out.add_static("fever_clinics", fac_grid[(kinds == FacilityKind.CLINIC) & (facilities["fever_clinic"] == 1)])
