"""The indicator engine on hand-built worlds whose answers are known by construction."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from sqlalchemy import insert, update

from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.domain.tasks import TaskStatus
from app.domain.warnings import WarningStatus
from app.models.indicators import ComputeCancelled, IndicatorEngine
from app.store.tables import testing
from app.store.tables.admin import AdminUnit
from app.store.tables.tasks import Task
from app.store.tables.warnings import WarningRecord
from tests.factories import World, at

PERIOD = (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
G1, G2, G3 = "330382001001001", "330382001001002", "330382002001001"  # G1, G2 share village 330382001001
D = dt.date.fromisoformat


def engine(world: World) -> IndicatorEngine:
    return IndicatorEngine(world.store, PERIOD).ensure()


def value(e: IndicatorEngine, indicator: str, code: str, as_of: str) -> float:
    return e.unit_values(code, D(as_of), [e.catalogue[indicator]])[indicator]


def test_a_rate_rolls_up_as_the_ratio_of_summed_parts(world: World) -> None:
    site = world.add_facility(FacilityKind.VACCINATION_SITE)
    g1 = [world.add_person(G1, born="1957-01-01") for _ in range(3)]
    g2 = [world.add_person(G2, born="1957-01-01")]
    for p in (g1[0], g1[1], g2[0]):
        world.add_vaccination(p, 1, "2021-05-01 09:00", site)
    world.add_vaccination(g1[2], 1, "2022-03-10 09:00", site)
    e = engine(world)
    assert value(e, "vax_d1_cov_a60_69", G1, "2022-03-09") == pytest.approx(200 / 3)
    assert value(e, "vax_d1_cov_a60_69", G2, "2022-03-09") == 100
    assert value(e, "vax_d1_cov_a60_69", "330382001001", "2022-03-09") == 75  # 3 of 4, not the mean 83.3
    assert value(e, "vax_d1_cov_a60_69", "330382", "2022-03-10") == 100
    assert math.isnan(value(e, "vax_d1_cov_a60_69", G3, "2022-03-10"))  # nobody of that age: no value
    assert value(e, "doses_d1_today", "330382", "2022-03-10") == 1
    assert value(e, "doses_d1_total", "330382", "2022-03-10") == 4
    codes = list(e.codes(Level.TOWN))
    towns = e.level_values("vax_d1_cov_a60_69", Level.TOWN, D("2022-03-09"))
    assert towns[codes.index("330382001")] == 75 and math.isnan(towns[codes.index("330382002")])


def test_a_person_counts_once_however_many_records(world: World) -> None:
    site = world.add_facility(FacilityKind.TEST_SITE)
    p, q = world.add_person(G1), world.add_person(G3)
    for day in ("10", "11", "12"):
        world.add_sample(p, site, f"2022-03-{day} 09:00")
    world.add_sample(q, site, "2022-03-12 09:00")
    e = engine(world)
    assert value(e, "samples_total", "330382", "2022-03-12") == 4
    assert value(e, "tested_3d", "330382", "2022-03-12") == 2
    assert value(e, "tested_3d", "330382001", "2022-03-12") == 1
    assert value(e, "tested_1d", G1, "2022-03-11") == 1
    assert value(e, "tested_3d", G1, "2022-03-14") == 1  # 12th is within the 3 days ending the 14th
    assert value(e, "tested_3d", G1, "2022-03-15") == 0
    assert value(e, "tested_ever", "330382", "2022-03-31") == 2
    assert value(e, "coverage_3d", "330382", "2022-03-12") == 100


def test_results_count_when_reported_and_turnaround_is_the_mean(world: World) -> None:
    site = world.add_facility(FacilityKind.TEST_SITE)
    p = world.add_person(G1)
    world.add_sample(p, site, "2022-03-10 23:00", result=1, reported="2022-03-11 07:00")  # 8 h
    world.add_sample(p, site, "2022-03-11 08:00", result=0, reported="2022-03-11 20:00")  # 12 h
    world.add_sample(p, site, "2022-03-11 09:00", result=None)
    e = engine(world)
    assert value(e, "pending", G1, "2022-03-10") == 1
    assert value(e, "reported_total", G1, "2022-03-10") == 0
    assert value(e, "pending", G1, "2022-03-11") == 1
    assert value(e, "reported_total", G1, "2022-03-11") == 2
    assert value(e, "turnaround_hours", "330382", "2022-03-11") == 10
    assert value(e, "positivity", "330382", "2022-03-11") == 50
    assert value(e, "positive_persons", "330382", "2022-03-31") == 1
    assert value(e, "reported_within_12h", G1, "2022-03-11") == 100


def test_quarantine_transfers_flows_and_warnings(world: World) -> None:
    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, G3, capacity=10)
    p, q = world.add_person(G1), world.add_person(G1)
    world.add_quarantine(p, "2022-03-05 10:00", "2022-03-12 10:00", kind=0, facility=hotel)
    world.add_quarantine(p, "2022-03-12 10:00", "2022-03-19 10:00", kind=1)
    world.add_transfer(p, hotel, "2022-03-05 08:00", "2022-03-05 09:30")
    checkpoint = world.add_place(G3, kind=PlaceKind.CHECKPOINT, category="highway")
    venue = world.add_place(G2)
    city = world.add_city("上海", "Shanghai", "上海")
    world.add_scan(q, checkpoint, "2022-03-08 10:00", direction=int(Direction.INBOUND), from_city=city)
    world.add_scan(q, venue, "2022-03-08 12:00")
    world.add_scan(q, venue, "2022-03-08 18:00")
    with world.store.begin() as conn:
        for status, changed in ((WarningStatus.NEW, "2022-03-09 10:00"), (WarningStatus.VERIFIED, "2022-03-10 10:00")):
            conn.execute(insert(WarningRecord).values(
                rule_id="should_test_not_tested", person_id=q, grid_id=world.unit_ids[G1], evidence="[]",
                as_of=at("2022-03-09 09:00"), status=int(status), created_at=at("2022-03-09 09:00"), updated_at=at(changed),
                task_id=7 if status == WarningStatus.VERIFIED else None))
    e = engine(world)
    assert value(e, "q_active_central", G1, "2022-03-06") == 1
    assert value(e, "bed_occupancy", "330382", "2022-03-06") == 10
    assert value(e, "q_persons_active", "330382", "2022-03-12") == 1  # one person, moving from hotel to home
    assert value(e, "q_active_home", G1, "2022-03-12") == 1
    assert value(e, "q_persons_active", G1, "2022-03-19") == 0
    assert value(e, "q_persons_ever", "330382", "2022-03-31") == 1
    assert value(e, "tr_minutes_mean", "330382", "2022-03-06") == 90
    assert value(e, "cp_inbound_outside_today", G3, "2022-03-08") == 1  # counted where the checkpoint is
    assert value(e, "cp_inbound_outside_today", G1, "2022-03-08") == 0
    assert value(e, "travellers_14d", G1, "2022-03-20") == 1  # and the traveller where they live
    assert value(e, "scans_venue_today", G2, "2022-03-08") == 2
    assert value(e, "venue_visitors_today", G1, "2022-03-08") == 1
    assert value(e, "warn_raised_total", "330382", "2022-03-09") == 2
    assert value(e, "warn_open", "330382", "2022-03-09") == 2
    assert value(e, "warn_open", "330382", "2022-03-10") == 1
    assert value(e, "dispatch_rate", "330382", "2022-03-10") == 50


def test_daily_series_and_the_data_period(world: World) -> None:
    site = world.add_facility(FacilityKind.TEST_SITE)
    p = world.add_person(G1)
    for day in ("02", "02", "04"):
        world.add_sample(p, site, f"2022-03-{day} 09:00")
    e = engine(world)
    dates, values = e.series("samples_today", G1, D("2022-03-05"), days=30)
    assert dates == [D("2022-03-01") + dt.timedelta(days=i) for i in range(5)]
    assert list(values) == [0, 2, 0, 1, 0]
    with pytest.raises(ValueError, match="outside the data period"):
        e.unit_values("330382", D("2022-04-01"))
    with pytest.raises(KeyError, match="no admin unit"):
        e.unit_values("999", D("2022-03-05"))


def _populate(world: World, rng: np.random.Generator, n: int) -> None:
    grids = world.grid_codes()
    site = world.add_facility(FacilityKind.TEST_SITE)
    vsite = world.add_facility(FacilityKind.VACCINATION_SITE)
    venue = world.add_place(grids[3])
    people = [world.add_person(grids[rng.integers(8)], born=f"{rng.integers(1930, 2018)}-0{rng.integers(1, 10)}-15")
              for _ in range(n)]
    for p in people:
        for _ in range(rng.integers(0, 3)):
            world.add_sample(p, site, f"2022-03-{rng.integers(1, 29):02d} 1{rng.integers(0, 10)}:00",
                             result=int(rng.integers(0, 2)) if rng.random() < 0.9 else None)
        if rng.random() < 0.7:
            world.add_vaccination(p, int(rng.integers(1, 4)), f"2022-03-{rng.integers(1, 29):02d} 10:00", vsite)
        if rng.random() < 0.5:
            world.add_scan(p, venue, f"2022-03-{rng.integers(1, 29):02d} 12:00")


def test_every_unit_is_the_sum_of_its_children(world: World) -> None:
    _populate(world, np.random.default_rng(3), 40)
    e = engine(world)
    tree, cube = e.tree, e.cube
    for level in (Level.COUNTY, Level.TOWN, Level.VILLAGE):
        below = Level(level + 1)
        parent_of = {c: i for i, c in enumerate(tree.codes[level])}
        rows = np.array([parent_of[c[:-3]] for c in tree.codes[below]])
        for i in range(len(cube.measures)):
            upper = np.broadcast_to(cube.data[level][i], (e.slots.size, len(rows) and cube.data[level][i].shape[1]))
            lower = np.broadcast_to(cube.data[below][i], (e.slots.size, len(rows))).astype(np.int64)
            summed = np.zeros_like(upper, dtype=np.int64)
            np.add.at(summed.T, rows, lower.T)
            assert np.array_equal(summed, upper), cube.measures[i]


def test_incremental_refresh_equals_full_recomputation(world: World) -> None:
    rng = np.random.default_rng(7)
    _populate(world, rng, 30)
    e = engine(world)
    before = e.unit_values("330382", D("2022-03-31"))
    _populate(world, rng, 10)  # new people, and new records of new people
    site = world.add_facility(FacilityKind.TEST_SITE)
    world.add_sample(1, site, "2022-03-01 08:00")  # an old person's new sample
    touched = e.refresh()
    assert touched == 11
    fresh = engine(world)
    for level in Level:
        for i, m in enumerate(e.cube.measures):
            a, b = e.cube.data[level][i], fresh.cube.data[level][i]
            size = max(a.shape[0], b.shape[0])
            assert np.array_equal(np.broadcast_to(a, (size, a.shape[1])), np.broadcast_to(b, (size, b.shape[1]))), (level, m)
    assert e.unit_values("330382", D("2022-03-31"))["pop_present"] == before["pop_present"] + 10
    assert e.refresh() == 0


def test_compute_reports_progress_and_can_be_cancelled(world: World) -> None:
    e = IndicatorEngine(world.store, PERIOD)
    asked = []
    with pytest.raises(ComputeCancelled, match="before records"):
        e.compute(lambda step, _f: asked.append(step), cancelled=lambda: asked[-1:] == ["people"])
    assert asked == ["units", "people"] and not e.ready
    steps = []
    e.compute(lambda step, f: steps.append((step, f)))
    assert e.ready and steps[-1] == ("done", 1.0) and [f for _, f in steps] == sorted(f for _, f in steps)


def test_tasks_count_at_their_unit_and_above_and_refresh_sees_status_changes(world: World) -> None:
    def task(code: str, created: str, due: str, *, priority: int = 2) -> int:
        with world.store.begin() as conn:
            return conn.execute(insert(Task).values(
                kind="verify", source="warning", title="核查", priority=priority, status=int(TaskStatus.DISPATCHED),
                assignee_unit_id=world.unit_ids[code], assignee_code=code, assignee_role="grid_leader",
                created_at=at(created), due_at=at(due), updated_at=at(created))).inserted_primary_key[0]

    village_task = task("330382001001", "2022-03-05 09:00", "2022-03-06 09:00", priority=1)
    task(G1, "2022-03-05 10:00", "2022-03-20 09:00")
    e = engine(world)
    assert value(e, "tasks_open", "330382001001", "2022-03-05") == 2
    assert value(e, "tasks_open", G1, "2022-03-05") == 1  # the village office's task is not a grid's
    assert value(e, "tasks_open", "330382", "2022-03-05") == 2
    assert value(e, "tasks_urgent_open", "330382001", "2022-03-05") == 1
    assert value(e, "tasks_overdue", "330382", "2022-03-05") == 0
    assert value(e, "tasks_overdue", "330382", "2022-03-06") == 1
    with world.store.begin() as conn:
        conn.execute(update(Task).where(Task.id == village_task).values(status=int(TaskStatus.DONE), closed_at=at("2022-03-08 12:00")))
    e.refresh()
    assert value(e, "tasks_overdue", "330382", "2022-03-07") == 1
    assert value(e, "tasks_overdue", "330382", "2022-03-08") == 0
    assert value(e, "tasks_done_rate", "330382001", "2022-03-08") == 100
    assert value(e, "tasks_on_time_rate", "330382001", "2022-03-08") == 0
    assert value(e, "tasks_open", "330382001001", "2022-03-08") == 1


def test_refresh_counts_a_pending_result_when_it_is_reported(world: World) -> None:
    site = world.add_facility(FacilityKind.TEST_SITE)
    p = world.add_person(G1)
    sample = world.add_sample(p, site, "2022-03-10 09:00", result=None)
    e = engine(world)
    assert value(e, "pending", G1, "2022-03-12") == 1
    with world.store.begin() as conn:
        conn.execute(update(testing.TestSample).where(testing.TestSample.id == sample).values(result=1, reported_at=at("2022-03-11 10:00")))
    assert e.refresh() == 1
    fresh = engine(world)
    for indicator in ("pending", "positive_total", "positive_persons", "turnaround_hours", "reported_total"):
        for day in ("2022-03-10", "2022-03-11", "2022-03-12"):
            assert value(e, indicator, G1, day) == pytest.approx(value(fresh, indicator, G1, day), nan_ok=True), (indicator, day)
    assert value(e, "pending", G1, "2022-03-12") == 0 and value(e, "positive_total", G1, "2022-03-11") == 1
    assert e.refresh() == 0  # it is no longer pending


def test_refresh_sees_a_warning_change_status(world: World) -> None:
    p = world.add_person(G1)
    with world.store.begin() as conn:
        warning = conn.execute(insert(WarningRecord).values(
            rule_id="abnormal_purchase", person_id=p, grid_id=world.unit_ids[G1], evidence="[]", as_of=at("2022-03-09 09:00"),
            status=int(WarningStatus.NEW), created_at=at("2022-03-09 09:00"), updated_at=at("2022-03-09 09:00"))).inserted_primary_key[0]
    e = engine(world)
    assert value(e, "warn_open", G1, "2022-03-20") == 1
    with world.store.begin() as conn:
        conn.execute(update(WarningRecord).where(WarningRecord.id == warning).values(
            status=int(WarningStatus.DISMISSED), updated_at=at("2022-03-12 15:00")))
    e.refresh()
    assert value(e, "warn_open", G1, "2022-03-11") == 1 and value(e, "warn_open", G1, "2022-03-12") == 0
    assert value(e, "warn_dismissed_total", "330382", "2022-03-12") == 1


def test_turnaround_is_measured_in_exact_seconds(world: World) -> None:
    site = world.add_facility(FacilityKind.TEST_SITE)
    p = world.add_person(G1)
    world.add_sample(p, site, "2022-03-10 08:00:00", result=0, reported="2022-03-10 20:00:00")  # 12 h: within
    world.add_sample(p, site, "2022-03-10 08:00:00", result=0, reported="2022-03-10 20:00:11")  # 11 s late
    world.add_sample(p, site, "2022-03-10 08:00:00", result=0, reported="2022-03-11 08:00:59")  # 24 h 59 s
    e = engine(world)
    assert value(e, "reported_within_12h", G1, "2022-03-11") == pytest.approx(100 / 3)
    assert value(e, "reported_within_24h", G1, "2022-03-11") == pytest.approx(200 / 3)
    assert value(e, "turnaround_hours", G1, "2022-03-11") == pytest.approx((43_200 + 43_211 + 86_459) / 3 / 3600)


def test_transfer_time_is_measured_in_exact_seconds(world: World) -> None:
    hotel = world.add_facility(FacilityKind.QUARANTINE_HOTEL, G3, capacity=10)
    p, q = world.add_person(G1), world.add_person(G1)
    world.add_transfer(p, hotel, "2022-03-05 08:00:00", "2022-03-05 10:00:00")
    world.add_transfer(q, hotel, "2022-03-05 08:00:00", "2022-03-05 10:00:59")
    e = engine(world)
    assert value(e, "tr_within_2h", G1, "2022-03-06") == 50
    assert value(e, "tr_minutes_mean", G1, "2022-03-06") == pytest.approx(120 + 59 / 120)


def test_a_window_early_in_the_period_counts_the_days_before_it(world: World) -> None:
    site = world.add_facility(FacilityKind.VACCINATION_SITE)
    p, q, r = (world.add_person(G1) for _ in range(3))
    world.add_vaccination(p, 3, "2022-02-22 09:00", site)  # a week before the period: in no 7-day window of it
    world.add_vaccination(q, 3, "2022-02-26 09:00", site)  # in the 7 days ending 2022-03-01 and 2022-03-03
    world.add_vaccination(r, 3, "2022-03-02 09:00", site)
    world.add_sample(q, world.add_facility(FacilityKind.TEST_SITE), "2022-02-20 09:00")
    e = engine(world)
    assert value(e, "doses_7d", "330382", "2022-03-03") == 2
    assert value(e, "doses_7d", "330382", "2022-03-01") == 1
    assert value(e, "doses_total", "330382", "2022-03-01") == 2
    assert value(e, "tested_14d", G1, "2022-03-05") == 1  # tested on 2022-02-20, 14 days ending 2022-03-05
    assert value(e, "tested_14d", G1, "2022-03-06") == 0
    assert [d.isoformat() for d in e.series("doses_7d", "330382", D("2022-03-02"))[0]] == ["2022-03-01", "2022-03-02"]


def test_a_units_area_is_the_sum_of_its_exact_grid_areas(world: World) -> None:
    small = {G1: 0.004_4, G2: 0.004_4}  # 0.44 ha each: rounding each to whole hectares made the village 0
    with world.store.begin() as conn:
        for code, area in small.items():
            conn.execute(update(AdminUnit).where(AdminUnit.code == code).values(area_km2=area))
    for _ in range(3):
        world.add_person(G1)
    e = engine(world)
    assert value(e, "area_km2", "330382001001", "2022-03-10") == pytest.approx(0.0088)
    assert value(e, "density", "330382001001", "2022-03-10") == pytest.approx(3 / 0.0088)
    assert value(e, "area_km2", "330382", "2022-03-10") == pytest.approx(6 + 0.0088)


def test_people_living_elsewhere_are_in_no_count_of_the_population_present(world: World) -> None:
    """A native living elsewhere who is tested and scanned at a venue counts in the records of their home grid
    (samples, scans) but in no count of people present, whose shares stay within 100 %."""
    site = world.add_facility(FacilityKind.TEST_SITE)
    venue = world.add_place(G2)
    worker = world.add_person(G1, occupation=5)
    away = world.add_person(G1, kind=PersonKind.NATIVE_ELSEWHERE, occupation=5)
    for p in (worker, away):
        world.add_sample(p, site, "2022-03-10 09:00")
        world.add_scan(p, venue, "2022-03-10 12:00")
    e = engine(world)
    assert value(e, "samples_total", G1, "2022-03-10") == 2
    assert value(e, "pop_key_occ", G1, "2022-03-10") == 1
    assert value(e, "key_screen_7d", G1, "2022-03-10") == 100
    assert value(e, "key_unscreened_14d", G1, "2022-03-10") == 0
    assert value(e, "coverage_1d", G1, "2022-03-10") == 100
    assert value(e, "venue_visitors_today", G1, "2022-03-10") == 1
    assert value(e, "activity_rate_7d", G1, "2022-03-10") == 100
