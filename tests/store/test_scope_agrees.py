"""A town operator's own-town figures are the same on both backends when records cross towns (a person of one
town scanned, sampled or seen at a clinic in another): PostgreSQL's row-level security shows a town operator the
records of its own people only, wherever they were made, and the embedded store's data layer keeps that rule."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import make_url

from app.cli import main
from app.console import Console
from app.domain.facilities import FacilityKind
from app.domain.roles import Role
from app.store.centre import init_centre
from tests.factories import World

TOWN_1, TOWN_2 = "330382001", "330382002"
GRID_1, GRID_2 = f"{TOWN_1}001001", f"{TOWN_2}002002"
PASSWORD = "s3cret-for-tests"


def _crossing_world(db: str) -> World:
    """Town 1 and town 2 each have a resident, a market, a test site and a clinic; each resident is scanned,
    sampled and seen at a clinic both at home and in the other town."""
    world = World.create(db)
    places = {GRID_1: world.add_place(GRID_1), GRID_2: world.add_place(GRID_2)}
    sites = {g: world.add_facility(FacilityKind.TEST_SITE, g) for g in (GRID_1, GRID_2)}
    clinics = {g: world.add_facility(FacilityKind.CLINIC, g, fever_clinic=True) for g in (GRID_1, GRID_2)}
    for home in (GRID_1, GRID_2):
        person = world.add_person(home)
        for where, day in ((GRID_1, "2022-03-10"), (GRID_2, "2022-03-12")):
            world.add_scan(person, places[where], f"{day} 10:00")
            world.add_sample(person, sites[where], f"{day} 11:00", result=1 if where != home else 0)
            world.add_clinic_visit(person, clinics[where], f"{day} 12:00", fever_clinic=True)
    return world


def _town_login(db: str, postgres: bool) -> str:
    """A town-1 operator of the store at ``db`` (user names are per server on PostgreSQL: made unique)."""
    user = f"town1_{make_url(db).database}" if postgres else "town1"
    if postgres:
        init_centre(db, f"admin_{make_url(db).database}", PASSWORD)
    owner = Console.open(db)
    owner.store.add_user(user, Role.TOWN_OPERATOR, TOWN_1, PASSWORD)
    owner.close()
    return user


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def crossing(request, tmp_path) -> tuple[str, str]:  # noqa: ANN001
    """(--db, town-1 operator) on the crossing world, on each backend."""
    postgres = request.param == "postgresql"
    db = request.getfixturevalue("postgres").new_database() if postgres else str(tmp_path / "x.gpkg")
    _crossing_world(db).store.close()
    return db, _town_login(db, postgres)


def _figures(capsys, db: str, user: str | None, level: str, units: str) -> dict:  # noqa: ANN001
    login = ["--user", user] if user else []
    code = main(["indicators", "--db", db, *login, "--level", level, "--units", units, "--as-of", "2022-03-20", "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return {k: v for k, v in json.loads(out.out).items() if k not in ("store", "backend")}


def test_a_town_operator_counts_the_records_of_its_own_people_only(crossing, capsys, monkeypatch) -> None:  # noqa: ANN001
    db, user = crossing
    monkeypatch.setenv("JINGKONG_PASSWORD", PASSWORD)
    # town 1's market saw both residents; the county counts both, the town operator its own resident only
    assert _figures(capsys, db, None, "town", TOWN_1)[TOWN_1]["scans_venue_total"] == 2
    for level, unit in (("town", TOWN_1), ("grid", GRID_1)):
        assert _figures(capsys, db, user, level, unit)[unit]["scans_venue_total"] == 1


@pytest.mark.postgres
def test_a_town_operator_gets_the_same_figures_on_both_backends(postgres, tmp_path, capsys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("JINGKONG_PASSWORD", PASSWORD)
    answers = []
    for db, on_postgres in ((str(tmp_path / "x.gpkg"), False), (postgres.new_database(), True)):
        _crossing_world(db).store.close()
        user = _town_login(db, on_postgres)
        answers.append([_figures(capsys, db, user, level, unit) for level, unit in (("town", TOWN_1), ("grid", GRID_1))])
    assert answers[0] == answers[1]
