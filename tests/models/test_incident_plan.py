"""Zones and the plan on the factory world against hand-built expectations (see tests/models/incident_world.py)."""

from __future__ import annotations

import pytest

from app.models.incident.errors import IncidentError
from tests.factories import Clock, World
from tests.models.incident_world import CASE_AT, CONTACT_HOME, HOME, build_incident_world, incident_service


def test_zones_are_the_grids_within_the_catalogue_rings(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    plan = incident_service(world, clock).planner.propose(ids["case"], CASE_AT)
    assert plan.zones.grids == {
        "lockdown": (HOME,),
        "control": ("330382001001002", "330382001002001", "330382001002002"),
        "precaution": ("330382002001001", "330382002002001"),
    }
    lockdown, control, precaution = (plan.stats[k] for k in ("lockdown", "control", "precaution"))
    assert (lockdown.grids, lockdown.population, lockdown.households, lockdown.key_facilities) == (1, 100, 33, 1)
    assert (control.population, control.cameras, precaution.population) == (300, 1, 200)


def test_plan_items_follow_from_the_zones(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    plan = incident_service(world, clock).planner.propose(ids["case"], CASE_AT)
    n = plan.numbers
    # the lockdown grid shares an edge with its east and north neighbours (the north-east one only a corner)
    assert {i.unit_code for i in plan.items if i.action == "seal_point"} == {HOME}
    assert n["seal_points"] == 2 and n["traffic_checkpoints"] == 2  # the world has two checkpoints, fewer than 18
    # 100 people, 10 per station-hour for 2 hours: 5 stations at the one test site
    assert (n["sites"], n["stations"], n["people_to_sample"]) == (1, 5, 100)
    # town 001: 100/1000×60 + 300/1000×12 = 9.6 → 10; town 002: 0.6 → the minimum of 10
    assert [(i.unit_code, i.quantity) for i in plan.items if i.action == "muster"] == [("330382001", 10), ("330382002", 10)]
    assert (n["close"], n["secondary"], n["beds_needed"], n["beds_free"]) == (1, 0, 2, 40)
    contact = next(i for i in plan.items if i.action == "close_contact")
    assert contact.person_ids == (ids["contact"],)
    assert [c.grid_code for c in plan.contacts] == [CONTACT_HOME]


def test_contacts_are_routed_to_their_grid_when_dispatched(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    service = incident_service(world, clock)
    incident = service.open(at=CASE_AT, person_id=ids["case"])
    service.dispatch(incident)
    contact_task = next(t for t in service.linked(incident) if t.action == "close_contact")
    assert contact_task.assignee_code == CONTACT_HOME
    parent = service.tasks.get(contact_task.parent_id)
    assert parent.assignee_code == CONTACT_HOME[:12]  # the village task of the cascade
    assert service.tasks.get(parent.parent_id).assignee_code == CONTACT_HOME[:9]


def test_editing_zones_replans_and_refuses_an_empty_lockdown(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    service = incident_service(world, clock)
    incident = service.open(at=CASE_AT, person_id=ids["case"])
    plan = service.edit_zones(incident, ["330382001001002"], "lockdown")
    assert plan.zones.grids["lockdown"] == (HOME, "330382001001002")
    assert plan.stats["lockdown"].population == 200 and plan.numbers["stations"] == 10
    with pytest.raises(IncidentError, match="lockdown zone would be empty"):
        service.edit_zones(incident, [HOME, "330382001001002"], None)
    service.dispatch(incident)
    with pytest.raises(IncidentError, match="dispatched"):
        service.edit_zones(incident, [HOME], "control")


def test_a_drawn_area_is_taken_out_of_one_zone_and_edits_undo_one_by_one(world: World, clock: Clock) -> None:
    ids = build_incident_world(world)
    service = incident_service(world, clock)
    incident = service.open(at=CASE_AT, person_id=ids["case"])
    proposed = service.plan(incident).zones
    # an area over the control grid 001001002 and the precaution grid 002001001: only the control one leaves
    area = ["330382001001002", "330382002001001"]
    removed = service.edit_zones(incident, area, "control", remove=True).zones
    assert removed.grids["control"] == ("330382001002001", "330382001002002")
    assert removed.grids["precaution"] == proposed.grids["precaution"] and "330382002001001" in removed.grids["precaution"]
    added = service.edit_zones(incident, ["330382002002002"], "lockdown").zones
    assert added.grids["lockdown"] == (HOME, "330382002002002")
    assert service.undo_zone_edit(incident).zones == removed
    assert service.undo_zone_edit(incident).zones == proposed
    with pytest.raises(IncidentError, match="no zone edit to undo"):
        service.undo_zone_edit(incident)
    assert service.plan(incident).zones == proposed
    with pytest.raises(IncidentError, match="which zone"):
        service.edit_zones(incident, area, None, remove=True)


def test_a_bad_case_is_refused_with_the_reason(world: World, clock: Clock) -> None:
    build_incident_world(world)
    planner = incident_service(world, clock).planner
    with pytest.raises(IncidentError, match="no person with id 999"):
        planner.propose(999, CASE_AT)
    with pytest.raises(ValueError, match="outside the data period"):
        planner.propose(1, CASE_AT + 60 * 86_400)
    lost = world.add_person(None)  # no home grid, went nowhere
    with pytest.raises(IncidentError, match="lockdown zone would be empty"):
        planner.propose(lost, CASE_AT)
