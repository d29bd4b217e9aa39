"""A small incident on the factory world, whose zones and plan are known by construction.

The case lives in grid 330382001001001 (west half of the south-west village) and was at the market there; a
contact scanned at the market 10 minutes after the case lives in 330382002002002. Grids are 0.01° (≈ 980 m) wide
and 0.02° tall, so with rings of 500 m (control) and 1,500 m (precaution):

- lockdown:   330382001001001
- control:    330382001001002 (east), 330382001002001 (north), 330382001002002 (touches at a corner)
- precaution: 330382002001001, 330382002002001 (≈ 980 m east), the rest are ≥ 1,960 m away.
"""

from __future__ import annotations

from app.domain.facilities import FacilityKind
from app.domain.places import PlaceKind
from app.models.admin_atlas import AdminAtlas
from app.models.incident.service import IncidentService
from tests.factories import Clock, World, at

HOME = "330382001001001"
CONTACT_HOME = "330382002002002"
CASE_AT = at("2022-03-10 12:00")


def build_incident_world(world: World) -> dict[str, int]:
    case = world.add_person(HOME)
    contact = world.add_person(CONTACT_HOME)
    market = world.add_place(HOME, category="market")
    world.add_scan(case, market, "2022-03-09 18:00")
    world.add_scan(contact, market, "2022-03-09 18:10")
    world.add_camera("330382001001002", code="CAM-1")
    world.add_facility(FacilityKind.TEST_SITE, "330382001002001", capacity=500)
    world.add_facility(FacilityKind.QUARANTINE_HOTEL, "330382002001002", capacity=40)
    world.add_place("330382002001002", kind=PlaceKind.CHECKPOINT, category="highway")
    world.add_place("330382001002002", kind=PlaceKind.CHECKPOINT, category="national_road")
    return {"case": case, "contact": contact, "market": market}


def incident_service(world: World, clock: Clock) -> IncidentService:
    return IncidentService(world.store, AdminAtlas(world.store), clock=clock)
