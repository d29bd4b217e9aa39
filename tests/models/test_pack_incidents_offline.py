"""An incident opened, dispatched and closed on a pack with no network (with an improvement plan row) reaches the
centre as a new incident under the centre's own id — its timeline, its task links and its tasks' ``incident:N``
carried over — while the centre opened an incident of its own meanwhile (so the pack's ids collide with the
centre's). Syncing again adds nothing."""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import func, select

from app.cli import main
from app.console import Console
from app.models.packs.service import make_pack, sync
from app.store import Store
from app.store.identity_key import KEY_ENV
from app.store.packs.conflicts import list_conflicts
from app.store.queries import incidents as q
from app.store.tables.incidents import Improvement, Incident, IncidentEvent, IncidentTask
from app.store.tables.persons import Person
from app.store.tables.tasks import Task
from tests.factories import Clock, World
from tests.models.incident_world import CASE_AT, HOME, build_incident_world, incident_service
from tests.models.test_pack_new_rows import identity

NAME = "离线演练"
COUNTY = "330382"


def _cli(*args: str) -> None:
    assert main(list(args)) == 0


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)))
                for t in (Incident.__table__, IncidentEvent.__table__, IncidentTask.__table__, Improvement.__table__,
                          Task.__table__)}


def _picture(store: Store, incident_id: int) -> tuple[Counter, Counter, list[tuple[str, str]]]:
    """The incident's timeline (time, kind, author, status), its task links (action, milestone, quantity, the
    linked task's parent's action) and its improvement plan, with no ids in them."""
    timeline = Counter((e.at, e.kind, e.by, e.to_status) for e in q.timeline(store, incident_id))
    linked = {t.task_id: t for t in q.linked_tasks(store, incident_id)}
    links = Counter((t.action, t.milestone, t.quantity, linked[t.parent_id].action if t.parent_id else None)
                    for t in linked.values())
    return timeline, links, [(r.issue, r.owner) for r in q.improvements(store, incident_id)]


def test_a_drill_run_offline_arrives_once_as_a_new_incident(any_world: World, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    world = any_world
    people = build_incident_world(world)
    monkeypatch.setenv(KEY_ENV, world.key.secret.decode())  # a PostGIS centre has no key file
    path = tmp_path / "laptop.gpkg"  # a drill coordinator's pack of the county: a drill dispatches county-wide
    make_pack(world.store, COUNTY, "drill_coordinator", path)
    monkeypatch.delenv(KEY_ENV)
    pack = str(path)
    _cli("incident", "new", "--person", str(people["case"]), "--at", "2022-03-10T12:00", "--name", NAME, "--db", pack)
    _cli("incident", "dispatch", "--db", pack)
    held = Store.open(path)
    offline_id = int(q.latest_incident_id(held))
    held.close()
    _cli("drill", "improve", str(offline_id), "--issue", "封控点到位慢", "--action", "预置物资", "--owner", "乡镇", "--due",
         "2022-04-01", "--db", pack)
    _cli("incident", "close", "--db", pack)
    centre_incident = incident_service(world, Clock(CASE_AT)).open(at=CASE_AT, person_id=people["case"],
                                                                   name="中心事件", by="centre")

    console = Console.open(pack)
    assert offline_id == centre_incident  # the same id at both: the centre must give the pack's its own
    expected = _picture(console.store, offline_id)
    assert sum(expected[1].values()) > 3 and expected[2]
    report = sync(console.store, world.store)
    assert report.pushed.conflicts == 0 and not list_conflicts(world.store, open_only=False)

    i = Incident.__table__
    with world.store.engine.connect() as conn:
        ids = list(conn.scalars(select(i.c.id).where(i.c.name == NAME, i.c.closed_at.is_not(None))))
        assert conn.scalar(select(i.c.name).where(i.c.id == centre_incident)) == "中心事件"
    assert len(ids) == 1 and ids[0] != centre_incident
    assert _picture(world.store, ids[0]) == expected
    t, it = Task.__table__, IncidentTask.__table__
    with world.store.engine.connect() as conn:  # every linked task says which incident dispatched it
        refs = set(conn.scalars(select(t.c.source_ref).join(it, it.c.task_id == t.c.id)
                                .where(it.c.incident_id == ids[0])))
    assert refs == {f"incident:{ids[0]}"}

    before = _counts(world.store)
    again = sync(console.store, world.store)
    assert again.pushed.sent == 0 and _counts(world.store) == before
    console.close()


def test_improvements_taken_out_offline_are_taken_out_at_the_centre(any_world: World, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """A row of the improvement plan removed on the laptop — one the centre had, one added offline — is gone at
    the centre after sync; one added and kept offline arrives. Nothing comes back, and a second sync changes nothing."""
    world = any_world
    people = build_incident_world(world)
    centre = incident_service(world, Clock(CASE_AT))
    incident = centre.open(at=CASE_AT, person_id=people["case"], name="中心事件", by="centre")
    had = centre.add_improvement(incident, issue="中心提出", action="复盘", owner="县", due="2022-04-01")
    centre.add_improvement(incident, issue="中心保留", action="演练", owner="县", due="2022-04-02")
    monkeypatch.setenv(KEY_ENV, world.key.secret.decode())
    path = tmp_path / "laptop.gpkg"
    make_pack(world.store, COUNTY, "drill_coordinator", path)
    monkeypatch.delenv(KEY_ENV)

    console = Console.open(str(path))
    laptop = console.incidents
    laptop.add_improvement(incident, issue="离线保留", action="补物资", owner="乡镇", due="2022-04-03")
    dropped = laptop.add_improvement(incident, issue="离线作废", action="无", owner="乡镇", due="2022-04-03")
    laptop.remove_improvement(incident, dropped)
    laptop.remove_improvement(incident, had)
    report = sync(console.store, world.store)
    assert report.pushed.conflicts == 0
    wanted = ["中心保留", "离线保留"]
    assert sorted(r.issue for r in q.improvements(world.store, incident)) == wanted
    assert sorted(r.issue for r in q.improvements(console.store, incident)) == wanted  # the pull agrees
    again = sync(console.store, world.store)
    assert again.pushed.sent == 0 and sorted(r.issue for r in q.improvements(world.store, incident)) == wanted
    console.close()


def test_a_case_found_door_to_door_offline_is_the_centres_person_in_the_plan(any_world: World, tmp_path,  # noqa: ANN001
                                                                              monkeypatch) -> None:
    """A person entered on the laptop and made the case of an offline incident: at the centre the incident and the
    plan it holds both name the centre's id of that person (the pack's id is another person there)."""
    world = any_world
    people = build_incident_world(world)
    monkeypatch.setenv(KEY_ENV, world.key.secret.decode())
    path = tmp_path / "laptop.gpkg"
    make_pack(world.store, COUNTY, "duty_officer", path)
    monkeypatch.delenv(KEY_ENV)
    other = world.add_person(HOME)  # meanwhile at the centre: takes the id the laptop gives its new person

    console = Console.open(str(path))
    found = console.people.add(identity("33038219850303789"), "门查", HOME)
    assert found == other  # the ids collide
    offline = console.incidents.open(at=CASE_AT, person_id=found, name=NAME, by="laptop")
    assert json.loads(q.incident_row(console.store, offline).plan)["case_person_id"] == found
    assert sync(console.store, world.store).pushed.conflicts == 0
    console.close()

    i, p = Incident.__table__, Person.__table__
    with world.store.engine.connect() as conn:
        case, plan = conn.execute(select(i.c.case_person_id, i.c.plan).where(i.c.name == NAME)).one()
        assert conn.scalar(select(p.c.name).where(p.c.id == case)) == "门查"
    assert case not in (other, people["case"]) and json.loads(plan)["case_person_id"] == case
