"""Contact tracing on a contact graph built by hand: windows, depth, cycles, the case itself, no home grid."""

from __future__ import annotations

import pytest

from app.domain.places import PlaceKind
from app.models.dispatch.service import TaskService
from app.models.engine_tasks import dispatch_trace
from app.models.tracing import TraceError, trace
from tests.factories import World, at

ONSET = at("2022-03-25 10:00")


@pytest.fixture
def graph(world: World) -> dict[str, int]:
    """case ─(market, 30 min)→ a ─(shop)→ b ─(gate)→ c ;  b also meets a again (a cycle), and the case."""
    market, shop = world.add_place(name="菜场"), world.add_place("330382002001001", name="超市")
    gate = world.add_place(kind=PlaceKind.CHECKPOINT, category="highway", name="卡口")
    p = {name: world.add_person() for name in ("case", "a", "b", "c", "late", "early", "old")}
    p["nohome"] = world.add_person(grid=None)
    world.add_scan(p["case"], market, "2022-03-20 10:00")
    world.add_scan(p["a"], market, "2022-03-20 10:30")  # exactly +30 min: a close contact
    world.add_scan(p["nohome"], market, "2022-03-20 09:30")  # exactly -30 min: a close contact
    world.add_scan(p["late"], market, "2022-03-20 10:31")  # 31 min: not a contact of the case
    world.add_scan(p["a"], shop, "2022-03-21 15:00")
    world.add_scan(p["b"], shop, "2022-03-21 15:20")
    world.add_scan(p["case"], shop, "2022-03-21 15:10")  # the case was there too: b is a close contact
    world.add_scan(p["b"], gate, "2022-03-22 08:00")
    world.add_scan(p["c"], gate, "2022-03-22 08:05")
    world.add_scan(p["case"], market, "2022-03-10 10:00")  # more than 14 days before onset
    world.add_scan(p["old"], market, "2022-03-10 10:05")
    world.add_scan(p["case"], gate, "2022-03-25 12:00")  # after onset
    world.add_scan(p["early"], gate, "2022-03-25 12:05")
    return p


def test_close_contacts_with_window_boundaries(world: World, graph: dict[str, int]) -> None:
    result = trace(world.store, graph["case"], ONSET, window_minutes=30, depth=1)
    assert {c.person_id for c in result.contacts} == {graph["a"], graph["b"], graph["nohome"]}
    assert all(c.depth == 1 for c in result.contacts)
    nohome = next(c for c in result.contacts if c.person_id == graph["nohome"])
    assert nohome.grid_id is None
    (link,) = nohome.links
    assert result.places[link.place_id][0] == "菜场"
    assert (link.source_at, link.contact_at) == (at("2022-03-20 10:00"), at("2022-03-20 09:30"))


def test_secondary_contacts_cycles_and_the_case_excluded(world: World, graph: dict[str, int]) -> None:
    result = trace(world.store, graph["case"], ONSET, window_minutes=30, depth=3)
    depth = {c.person_id: c.depth for c in result.contacts}
    # ``late`` meets ``a`` 1 min after a's market scan: secondary; ``c`` meets ``b`` at the gate: secondary.
    assert depth == {graph["a"]: 1, graph["b"]: 1, graph["nohome"]: 1, graph["late"]: 2, graph["c"]: 2}
    assert graph["case"] not in depth
    assert len(result.contacts) == len(depth)  # each person once, though a and b meet each other
    c = next(x for x in result.contacts if x.person_id == graph["c"])
    assert [ln.source for ln in c.links] == [graph["b"]]


def test_a_wider_window_and_depth_one_only(world: World, graph: dict[str, int]) -> None:
    wide = trace(world.store, graph["case"], ONSET, window_minutes=31, depth=1)
    assert graph["late"] in {c.person_id for c in wide.contacts}
    assert not trace(world.store, graph["case"], ONSET, window_minutes=30, depth=1).at_depth(2)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"window_minutes": -1}, "negative"), ({"depth": 4}, "depth"), ({"depth": 0}, "depth"), ({"days": 0}, "day"),
])
def test_bad_requests(world: World, graph: dict[str, int], kwargs: dict, message: str) -> None:
    with pytest.raises(TraceError, match=message):
        trace(world.store, graph["case"], ONSET, **kwargs)


def test_unknown_person(world: World) -> None:
    with pytest.raises(TraceError, match="no person"):
        trace(world.store, 424242, ONSET)


def test_dispatch_one_task_per_grid_and_depth(world: World, graph: dict[str, int]) -> None:
    result = trace(world.store, graph["case"], ONSET, depth=2)
    tasks = TaskService(world.store)
    ids = dispatch_trace(tasks, result, by="tester")
    rows = [tasks.get(t) for t in ids]
    assert {(r.kind, r.source) for r in rows} == {("control", "trace")}
    people = sorted(p for t in ids for p in tasks.people(t))
    assert people == sorted(c.person_id for c in result.contacts)
    urgent = [r for r in rows if r.priority == 1]
    assert sorted(p for r in urgent for p in tasks.people(r.id)) == sorted(c.person_id for c in result.at_depth(1))
