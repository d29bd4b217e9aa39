"""The smart engine on PostgreSQL/PostGIS gives the same answers as on SQLite (the command-centre backend)."""

from __future__ import annotations

import pytest

from app.domain.facilities import FacilityKind
from app.domain.people import OCCUPATIONS, PersonKind
from app.domain.places import Direction, PlaceKind
from app.models.screening import city_area, screen
from app.models.tracing import trace
from app.models.warnings.service import WarningService
from tests.factories import World, at

pytestmark = pytest.mark.postgres


def test_rules_screening_and_tracing_on_both_backends(any_world: World) -> None:
    w = any_world
    city = w.add_city("上海")
    w.add_risk_area(city, "2022-03-01 00:00")
    gate = w.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    market = w.add_place()
    native = w.add_person(kind=PersonKind.NATIVE_ELSEWHERE, city_id=city)
    w.add_scan(native, gate, "2022-03-25 10:00", direction=Direction.INBOUND, from_city=city)
    worker = w.add_person(occupation=OCCUPATIONS.index("medical"), grid=None)
    w.add_quarantine(worker, "2022-03-20 00:00", "2022-03-30 00:00")
    w.add_scan(worker, market, "2022-03-22 10:00")
    w.add_scan(native, market, "2022-03-22 10:20")

    service = WarningService(w.store)
    findings, added = service.refresh(at("2022-03-27 00:00"))
    found = {f.rule.id: f.person_id.tolist() for f in findings}
    assert found["risk_area_arrival"] == [native] and found["quarantine_breach"] == [worker]
    assert sorted(found["should_test_not_tested"]) == [native, worker]
    assert added == 4 and service.refresh(at("2022-03-28 00:00"))[1] == 0

    result = screen(w.store, city_area(w.store, "上海"), until=at("2022-03-31 23:59"))
    assert result.class_of(native) == "returned"

    contacts = trace(w.store, worker, at("2022-03-26 00:00"), depth=2).contacts
    assert [(c.person_id, c.depth) for c in contacts] == [(native, 1)]


def test_screening_evidence_is_the_first_county_record_after_each_persons_own_link(any_world: World) -> None:
    """The earliest record at or after the person's first scan in the area, across every record table; a tie at one
    second goes to the earlier table, then the smaller id — the same on both backends."""
    w = any_world
    city = w.add_city("上海")
    w.add_risk_area(city, "2022-03-01 00:00")
    mall = w.add_place(None, city_id=city, name="上海某商场")
    site = w.add_facility(FacilityKind.TEST_SITE, "330382001001001")
    pharmacy = w.add_facility(FacilityKind.PHARMACY, "330382001001001")
    clinic = w.add_facility(FacilityKind.CLINIC, "330382001001001")
    traveller, stayer = w.add_person(), w.add_person()
    w.add_scan(traveller, mall, "2022-03-12 10:00")
    w.add_sample(traveller, site, "2022-03-11 10:00")  # in the window but before the link: not a return
    w.add_clinic_visit(traveller, clinic, "2022-03-15 10:00")
    w.add_purchase(traveller, pharmacy, "2022-03-13 10:00", drug=1)
    w.add_purchase(traveller, pharmacy, "2022-03-13 10:00", drug=2)
    w.add_vaccination(traveller, 1, "2022-03-13 10:00", site)
    w.add_scan(stayer, mall, "2022-03-20 10:00")
    w.add_sample(stayer, site, "2022-03-18 10:00")  # only before the link

    result = screen(w.store, city_area(w.store, "上海"), until=at("2022-03-31 23:59"))
    rows = {r["person_id"]: r for r in result.rows()}
    assert rows[traveller]["evidence"][-1] == {"table": "pharmacy_purchases", "id": 1, "at": at("2022-03-13 10:00"),
                                               "why": "county_record"}
    assert result.class_of(stayer) == "unknown"
