"""The smart engine on PostgreSQL/PostGIS gives the same answers as on SQLite (the command-centre backend)."""

from __future__ import annotations

import pytest

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
