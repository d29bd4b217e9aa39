"""Each warning rule on a store built so the right answer is known: who must fire, who must not, boundaries."""

from __future__ import annotations

import pytest

from app.domain.facilities import FacilityKind
from app.domain.people import OCCUPATIONS, PersonKind
from app.domain.places import Direction, PlaceKind
from app.models.warnings.engine import evaluate
from app.store.tables.health import DIAGNOSES, DRUGS
from tests.factories import World, at

AS_OF = at("2022-03-20 12:00")
MEDICAL = OCCUPATIONS.index("medical")


def fired(world: World, rule: str, as_of: int = AS_OF) -> dict[int, list[dict]]:
    (f,) = evaluate(world.store, as_of, [rule])
    return {int(p): f.refs(i) for i, p in enumerate(f.person_id)}


@pytest.fixture
def site(world: World) -> int:
    return world.add_facility(FacilityKind.TEST_SITE)


def test_should_test_key_occupations(world: World, site: int) -> None:
    recent = world.add_person(occupation=MEDICAL)
    world.add_sample(recent, site, "2022-03-10 10:00")
    on_boundary = world.add_person(occupation=MEDICAL)  # sampled exactly 336 h before as-of: covered
    world.add_sample(on_boundary, site, "2022-03-06 12:00")
    just_outside = world.add_person(occupation=MEDICAL)
    world.add_sample(just_outside, site, "2022-03-06 11:59")
    positive_only = world.add_person(occupation=MEDICAL)
    world.add_sample(positive_only, site, "2022-03-15 10:00", result=1)
    pending = world.add_person(occupation=MEDICAL)
    world.add_sample(pending, site, "2022-03-19 10:00", result=None)
    reported_later = world.add_person(occupation=MEDICAL)
    world.add_sample(reported_later, site, "2022-03-20 10:00", reported="2022-03-20 18:00")
    never = world.add_person(occupation=MEDICAL, grid=None)
    world.add_person(occupation=OCCUPATIONS.index("retired"))  # not a key occupation
    world.add_person(occupation=MEDICAL, kind=PersonKind.NATIVE_ELSEWHERE)  # not in the county
    got = fired(world, "should_test_not_tested")
    assert set(got) == {just_outside, positive_only, pending, reported_later, never}
    assert got[never] == [{"table": "persons", "id": never, "at": None, "why": "key_occupation"}]


def test_should_test_triggered_cohorts(world: World, site: int) -> None:
    risky = world.add_city("上海")
    world.add_risk_area(risky, "2022-03-10 00:00")
    calm = world.add_city("杭州")
    gate = world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    clinic = world.add_facility(FacilityKind.CLINIC, fever_clinic=True)
    arrived = world.add_person()
    world.add_scan(arrived, gate, "2022-03-18 10:00", direction=Direction.INBOUND, from_city=risky)
    tested_after = world.add_person()
    world.add_scan(tested_after, gate, "2022-03-18 10:00", direction=Direction.INBOUND, from_city=risky)
    world.add_sample(tested_after, site, "2022-03-18 20:00")
    tested_before = world.add_person()  # a test before arriving does not count
    world.add_scan(tested_before, gate, "2022-03-18 10:00", direction=Direction.INBOUND, from_city=risky)
    world.add_sample(tested_before, site, "2022-03-17 10:00")
    in_grace = world.add_person()  # arrived 23 h ago: not due yet
    world.add_scan(in_grace, gate, "2022-03-19 13:00", direction=Direction.INBOUND, from_city=risky)
    from_calm = world.add_person()
    world.add_scan(from_calm, gate, "2022-03-18 10:00", direction=Direction.INBOUND, from_city=calm)
    before_risk = world.add_person()
    world.add_scan(before_risk, gate, "2022-03-08 10:00", direction=Direction.INBOUND, from_city=risky)
    quarantined = world.add_person()
    world.add_quarantine(quarantined, "2022-03-17 12:00", "2022-03-31 12:00")
    quarantine_new = world.add_person()  # 24 h into the order, grace 48 h
    world.add_quarantine(quarantine_new, "2022-03-19 12:00", "2022-03-31 12:00")
    feverish = world.add_person()
    world.add_clinic_visit(feverish, clinic, "2022-03-18 10:00", fever_clinic=True)
    ordinary_visit = world.add_person()
    world.add_clinic_visit(ordinary_visit, clinic, "2022-03-18 10:00", fever_clinic=False)
    got = fired(world, "should_test_not_tested")
    assert set(got) == {arrived, tested_before, quarantined, feverish}
    assert [e["why"] for e in got[arrived]] == ["risk_arrival"]
    assert [e["why"] for e in got[quarantined]] == ["home_quarantine"]
    assert [e["why"] for e in got[feverish]] == ["fever_clinic"]


def test_abnormal_purchase(world: World, site: int) -> None:
    shop = world.add_facility(FacilityKind.PHARMACY)
    fever, cough, antibiotic, other = (DRUGS.index(d) for d in ("fever", "cough", "antibiotic", "other"))
    untested = world.add_person()
    world.add_purchase(untested, shop, "2022-03-15 10:00", drug=fever)
    tested = world.add_person()
    world.add_purchase(tested, shop, "2022-03-15 10:00", drug=cough)
    world.add_sample(tested, site, "2022-03-16 10:00")
    at_48h = world.add_person()  # a test exactly 48 h later is in time
    world.add_purchase(at_48h, shop, "2022-03-15 10:00", drug=antibiotic)
    world.add_sample(at_48h, site, "2022-03-17 10:00")
    at_49h = world.add_person()
    world.add_purchase(at_49h, shop, "2022-03-15 10:00", drug=antibiotic)
    world.add_sample(at_49h, site, "2022-03-17 11:00")
    harmless = world.add_person()
    world.add_purchase(harmless, shop, "2022-03-15 10:00", drug=other)
    too_soon = world.add_person()  # its 48 h have not passed at as-of
    world.add_purchase(too_soon, shop, "2022-03-19 10:00", drug=fever)
    too_old = world.add_person()
    world.add_purchase(too_old, shop, "2022-03-12 10:00", drug=fever)
    repeater = world.add_person()
    for day in (18, 19, 20):
        world.add_purchase(repeater, shop, f"2022-03-{day} 10:00", drug=fever)
    world.add_sample(repeater, site, "2022-03-18 12:00")
    twice = world.add_person()
    for day in (19, 20):
        world.add_purchase(twice, shop, f"2022-03-{day} 10:00", drug=fever)
    got = fired(world, "abnormal_purchase")
    assert set(got) == {untested, at_49h, repeater}
    assert {e["why"] for e in got[repeater]} == {"repeated_purchase"} and len(got[repeater]) == 3


def test_repeated_clinic_visits(world: World) -> None:
    clinic = world.add_facility(FacilityKind.CLINIC)
    fever, resp, injury = (DIAGNOSES.index(d) for d in ("fever", "respiratory", "injury"))
    twice = world.add_person()
    world.add_clinic_visit(twice, clinic, "2022-03-10 10:00", diagnosis=fever)
    world.add_clinic_visit(twice, clinic, "2022-03-18 10:00", diagnosis=resp)
    mixed = world.add_person()
    world.add_clinic_visit(mixed, clinic, "2022-03-10 10:00", diagnosis=fever)
    world.add_clinic_visit(mixed, clinic, "2022-03-18 10:00", diagnosis=injury)
    spread = world.add_person()  # the first visit is older than 14 days
    world.add_clinic_visit(spread, clinic, "2022-03-05 10:00", diagnosis=resp)
    world.add_clinic_visit(spread, clinic, "2022-03-18 10:00", diagnosis=resp)
    future = world.add_person()  # the second visit is after as-of
    world.add_clinic_visit(future, clinic, "2022-03-19 10:00", diagnosis=fever)
    world.add_clinic_visit(future, clinic, "2022-03-21 10:00", diagnosis=fever)
    got = fired(world, "repeated_clinic_visits")
    assert set(got) == {twice}
    assert len(got[twice]) == 2
    assert set(fired(world, "repeated_clinic_visits", at("2022-03-22 00:00"))) == {twice, future}


def test_quarantine_breach(world: World) -> None:
    market = world.add_place("330382002002001")
    out = world.add_person()
    world.add_quarantine(out, "2022-03-15 12:00", "2022-03-22 12:00")
    world.add_scan(out, market, "2022-03-18 10:00")
    before = world.add_person()
    world.add_quarantine(before, "2022-03-15 12:00", "2022-03-22 12:00")
    world.add_scan(before, market, "2022-03-14 10:00")
    centralised = world.add_person()
    world.add_quarantine(centralised, "2022-03-15 12:00", "2022-03-22 12:00", kind=0)
    world.add_scan(centralised, market, "2022-03-18 10:00")
    later = world.add_person()  # the scan happens after as-of
    world.add_quarantine(later, "2022-03-15 12:00", "2022-03-22 12:00")
    world.add_scan(later, market, "2022-03-21 10:00")
    homeless = world.add_person(grid=None)
    world.add_quarantine(homeless, "2022-03-15 12:00", "2022-03-22 12:00")
    world.add_scan(homeless, market, "2022-03-19 10:00")
    (f,) = evaluate(world.store, AS_OF, ["quarantine_breach"])
    assert f.person_id.tolist() == [out, homeless]
    assert f.grid_id.tolist() == [world.unit_ids["330382001001001"], -1]


def test_risk_area_arrival(world: World) -> None:
    risky = world.add_city("上海")
    world.add_risk_area(risky, "2022-03-01 00:00", "2022-03-16 00:00")
    gate = world.add_place(kind=PlaceKind.CHECKPOINT, category="highway")
    unreported = world.add_person()
    world.add_scan(unreported, gate, "2022-03-15 10:00", direction=Direction.INBOUND, from_city=risky)
    reported = world.add_person(declared_return="2022-03-15 09:00")
    world.add_scan(reported, gate, "2022-03-15 10:00", direction=Direction.INBOUND, from_city=risky)
    declared_far = world.add_person(declared_return="2022-03-25 09:00")
    world.add_scan(declared_far, gate, "2022-03-15 10:00", direction=Direction.INBOUND, from_city=risky)
    leaving = world.add_person()
    world.add_scan(leaving, gate, "2022-03-15 10:00", direction=Direction.OUTBOUND, from_city=risky)
    after_lifted = world.add_person()
    world.add_scan(after_lifted, gate, "2022-03-17 10:00", direction=Direction.INBOUND, from_city=risky)
    got = fired(world, "risk_area_arrival")
    assert set(got) == {unreported, declared_far}
    assert got[unreported][0]["table"] == "scans" and got[unreported][0]["why"] == "arrival_without_report"
