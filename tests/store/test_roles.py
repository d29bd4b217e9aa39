"""Roles enforced where the data is: a town operator reads only its own town's people — through the console, the
CLI and (on PostgreSQL) raw SQL; masked roles never get full names or identity hashes; read-only roles change
nothing; no application role can rewrite the audit trail or its triggers."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.cli import main
from app.console import Console, Login
from app.domain.roles import AccessDenied, Role
from app.models.dispatch.service import TaskService
from app.models.people_directory import PersonNotVisible
from app.store import Store
from app.store.centre import init_centre
from app.store.errors import StoreError
from app.store.queries.tasks import TaskFilter, task_page
from app.timebase import CST
from tests.factories import World

TOWN_1, TOWN_2 = "330382001", "330382002"
PASSWORD = "s3cret-for-tests"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def centre(request, tmp_path):  # noqa: ANN001, ANN201
    """A store with two people in each town, a task in each town, and users: a town-1 operator and a trainer
    (user names are unique per database: PostgreSQL roles belong to the whole server)."""
    db = tmp_path / "c.gpkg" if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()
    world = World.create(db)
    people = {town: [world.add_person(f"{town}001001"), world.add_person(f"{town}002002")] for town in (TOWN_1, TOWN_2)}
    for town in (TOWN_1, TOWN_2):
        TaskService(world.store).create(kind="screening", source="manual", title=f"task {town}",
                                        target_unit_code=f"{town}001001")
    url = world.store.url
    world.store.close()
    suffix = "" if request.param == "sqlite" else make_url(url).database
    if request.param == "postgresql":
        init_centre(url, f"admin_{suffix}", PASSWORD)
    owner = Console.open(db if request.param == "sqlite" else url)
    users = {"town": f"town1_{suffix}", "trainer": f"trainer_{suffix}"}
    owner.store.add_user(users["town"], Role.TOWN_OPERATOR, TOWN_1, PASSWORD)
    owner.store.add_user(users["trainer"], Role.TRAINER, "330382", PASSWORD)
    owner.close()
    yield {"db": str(db) if request.param == "sqlite" else url, "people": people, "users": users,
           "backend": request.param}


def _console(centre: dict, who: str) -> Console:
    return Console.open(centre["db"], Login(centre["users"][who], PASSWORD))


def test_a_town_operator_sees_only_its_town_through_the_console(centre: dict) -> None:
    console = _console(centre, "town")
    try:
        assert [c.id for c in console.people.list()] == centre["people"][TOWN_1]
        assert console.people.list(unit_code=TOWN_2) == []
        with pytest.raises(PersonNotVisible):
            console.people.open(centre["people"][TOWN_2][0])
        assert console.people.open(centre["people"][TOWN_1][0]).name  # its own people, by name
        assert [t.title for t in task_page(console.store, TaskFilter())] == [f"task {TOWN_1}"]
        with pytest.raises(AccessDenied):
            console.tasks.create(kind="screening", source="manual", title="x", target_unit_code=f"{TOWN_2}001001")
    finally:
        console.close()


def test_a_trainer_sees_everyone_masked_and_changes_nothing(centre: dict) -> None:
    console = _console(centre, "trainer")
    try:
        cards = console.people.list()
        assert len(cards) == 4 and all(c.name is None and "****" in c.id_masked for c in cards)
        with pytest.raises(AccessDenied):
            console.tasks.create(kind="screening", source="manual", title="x", target_unit_code=f"{TOWN_1}001001")
    finally:
        console.close()


def test_the_cli_gives_a_town_operator_nothing_of_another_town(centre: dict, capsys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("JINGKONG_PASSWORD", PASSWORD)
    login = ["--db", centre["db"], "--user", centre["users"]["town"]]
    other = str(centre["people"][TOWN_2][0])
    assert main(["persons", "show", other, *login]) == 2
    assert "no person" in capsys.readouterr().err
    assert main(["persons", "list", "--unit", TOWN_2, "--json", *login]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    # and as its own process, the password from the environment only (it is in no argument)
    env = {**os.environ, "JINGKONG_PASSWORD": PASSWORD}
    done = subprocess.run([sys.executable, "-m", "app.cli", "persons", "list", "--json", *login],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert f'"id": {other}' not in done.stdout and f'"id": {centre["people"][TOWN_1][0]}' in done.stdout


def test_a_wrong_password_is_refused_on_the_embedded_store(centre: dict) -> None:
    if centre["backend"] != "sqlite":
        pytest.skip("PostgreSQL checks passwords itself (the test server trusts local logins)")
    with pytest.raises(StoreError, match="login refused"):
        Console.open(centre["db"], Login(centre["users"]["town"], "wrong"))


def _sql(centre: dict, who: str) -> psycopg.Connection:
    url = make_url(centre["db"])
    return psycopg.connect(host=url.host, port=url.port, dbname=url.database, user=centre["users"][who],
                           password=PASSWORD, autocommit=True)


def test_raw_sql_gives_a_town_operator_nothing_of_another_town(centre: dict) -> None:
    if centre["backend"] != "postgresql":
        pytest.skip("raw SQL on the embedded file is its owner's: the data layer keeps the rules there")
    town1, town2 = centre["people"][TOWN_1], centre["people"][TOWN_2]
    with _sql(centre, "town") as conn:
        assert [r[0] for r in conn.execute("SELECT id FROM persons ORDER BY id")] == town1
        assert conn.execute("SELECT * FROM persons WHERE id = ANY(%s)", [town2]).fetchall() == []
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE persons SET health_code = 2")
        # a session cannot widen its own scope: it comes from the users table, keyed on the login
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE jingkong_users SET unit_code = '330382'")


def test_raw_sql_gives_a_town_operator_no_other_towns_records_not_even_through_a_partition(centre: dict) -> None:
    if centre["backend"] != "postgresql":
        pytest.skip("raw SQL on the embedded file is its owner's: the data layer keeps the rules there")
    town1, town2 = centre["people"][TOWN_1][0], centre["people"][TOWN_2][0]
    store = Store.open(centre["db"])
    with store.begin() as conn:
        place = conn.scalar(text("INSERT INTO places (kind, category, name, city_id, geom) VALUES "
                                 "(0, 'market', 'm', 1, ST_SetSRID(ST_MakePoint(120.9, 28.0), 4490)) RETURNING id"))
        for person in (town1, town2):  # 2022-03-10: the March partition
            conn.execute(text("INSERT INTO scans (person_id, place_id, at, direction) VALUES (:p, :l, 1646900000, 0)"),
                         {"p": person, "l": place})
    store.close()
    with _sql(centre, "town") as conn:
        assert [r[0] for r in conn.execute("SELECT person_id FROM scans")] == [town1]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a partition would bypass the parent's policy
            conn.execute("SELECT person_id FROM scans_2022_03")
        this_month = f"scans_{dt.datetime.now(CST):%Y_%m}"  # added since the policies, when the owner opened the store
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"SELECT person_id FROM {this_month}")


def test_raw_sql_never_gives_a_trainer_names_or_identity_hashes(centre: dict) -> None:
    if centre["backend"] != "postgresql":
        pytest.skip("column privileges are PostgreSQL's")
    with _sql(centre, "trainer") as conn:
        assert conn.execute("SELECT count(id_masked) FROM persons").fetchone()[0] == 4
        for column in ("name", "id_hash", "*"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT {column} FROM persons")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO task_events (task_id, at, by, action, note) VALUES (1, 0, 'x', 'note', '')")


def test_no_application_role_can_rewrite_the_audit_or_drop_its_triggers(centre: dict) -> None:
    if centre["backend"] != "postgresql":
        pytest.skip("database privileges are PostgreSQL's")
    with _sql(centre, "town") as conn:
        for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                          "DROP TRIGGER audit_log_chain ON audit_log", "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                          "DROP TRIGGER task_events_no_change ON task_events", "SELECT * FROM audit_log"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        conn.execute("INSERT INTO audit_log (at, actor, action, subject, detail, hash) "
                     "VALUES (0, 'me', 'note', 'x', '', 'forged')")  # inserting is allowed: the chain is not forged
    owner = Console.open(centre["db"])
    try:
        assert owner.audit.check().broken is None
        assert owner.audit.recent(1)[0]["hash"] != "forged"
    finally:
        owner.close()
