"""Every ``jingkong`` command × every class of bad input: exit 2, one line on stderr naming what is wrong, no
traceback, and the store unchanged.

Classes: a huge number (20 digits), an empty value, a wrong type, a bad output path, a bad store (missing, a
folder, random bytes, a database that is not a Jingkong store), a read-only or locked store, a value outside
what the store holds (outside the county, longer than its column, outside the data period for indicators).
"Outside the period" for warnings, trace and screen is tested with those commands' own date checks.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.domain.facilities import FacilityKind

N = "99999999999999999999"
HOTEL, LAB, SITE = "{hotel}", "{lab}", "{site}"

# The smallest valid call of every command and sub-command; {db} is the store, {tmp} a writable folder.
COMMANDS = {
    "info": ["info"],
    "export": ["export", "--layer", "towns", "--out", "{tmp}/t.gpkg"],
    "indicators": ["indicators", "--level", "town", "--ids", "pop_present"],
    "report": ["report", "--ids", "pop_present", "--out", "{tmp}/r.csv"],
    "warnings": ["warnings", "--record"],
    "screen": ["screen", "--area", "上海"],
    "trace": ["trace", "--person", "1", "--at", "2022-03-20"],
    "tasks list": ["tasks", "list"],
    "tasks create": ["tasks", "create", "--kind", "custom", "--title", "t", "--unit", "330382"],
    "tasks claim": ["tasks", "claim", "1", "--by", "a"],
    "tasks update": ["tasks", "update", "1", "--by", "a", "--note", "n"],
    "tasks show": ["tasks", "show", "1"],
    "tasks cascade": ["tasks", "cascade", "1", "--to", "town"],
    "tasks escalate": ["tasks", "escalate"],
    "transfers beds": ["transfers", "beds"],
    "transfers people": ["transfers", "people", "--person", "1", "--hotel", HOTEL, "--vehicle", "v"],
    "transfers specimens": ["transfers", "specimens", "--lab", LAB, "--site", SITE, "--samples", "5", "--vehicle", "v"],
    "transfers pickup": ["transfers", "pickup", "2", "--by", "a"],
    "transfers arrive": ["transfers", "arrive", "2", "--by", "a"],
}
# (escalate writes only when a task is overdue: none is here)
WRITES = ["warnings", "tasks create", "tasks claim", "tasks update", "tasks cascade",
          "transfers people", "transfers specimens", "transfers pickup", "transfers arrive"]

# (command, class, arguments, what the one line says)
BAD_VALUES = [
    ("tasks show", "huge number", ["tasks", "show", N], "argument id: '99999999999999999999' is out of range"),
    ("tasks claim", "huge number", ["tasks", "claim", N, "--by", "a"], "argument id: '99999999999999999999' is out of range"),
    ("tasks update", "huge number", ["tasks", "update", "1", "--by", "a", "--version", N], "argument --version: '9999"),
    ("tasks cascade", "huge number", ["tasks", "cascade", N, "--to", "grid"], "argument id: '9999"),
    ("tasks list", "huge number", ["tasks", "list", "--limit", N], "argument --limit: '9999"),
    ("tasks list", "huge number", ["tasks", "list", "--offset", N], "argument --offset: '9999"),
    ("tasks create", "huge number", ["tasks", "create", "--kind", "custom", "--title", "t", "--person", N], "argument --person: '9999"),
    ("tasks create", "huge number", ["tasks", "create", "--kind", "custom", "--title", "t", "--priority", N], "argument --priority: invalid choice"),
    ("trace", "huge number", ["trace", "--person", N, "--at", "2022-03-20"], "argument --person: '9999"),
    ("trace", "huge number", ["trace", "--person", "1", "--at", "2022-03-20", "--days", N], "argument --days: '9999"),
    ("trace", "huge number", ["trace", "--person", "1", "--at", "2022-03-20", "--window", N], "argument --window: '9999"),
    ("trace", "huge number", ["trace", "--person", "1", "--at", N], "argument --at: '9999"),
    ("warnings", "huge number", ["warnings", "--as-of", N], "argument --as-of: '9999"),
    ("warnings", "huge number", ["warnings", "--limit", N], "argument --limit: '9999"),
    ("screen", "huge number", ["screen", "--area", "上海", "--since", N], "argument --since: '9999"),
    ("transfers people", "huge number", ["transfers", "people", "--person", "1", "--hotel", N, "--vehicle", "v"], "argument --hotel: '9999"),
    ("transfers specimens", "huge number", ["transfers", "specimens", "--lab", LAB, "--site", SITE, "--samples", N, "--vehicle", "v"], "argument --samples: '9999"),
    ("transfers pickup", "huge number", ["transfers", "pickup", N, "--by", "a"], "argument id: '9999"),
    ("transfers arrive", "huge number", ["transfers", "arrive", N, "--by", "a"], "argument id: '9999"),
    ("demo", "huge number", ["demo", "--scale", "tiny", "--seed", N, "--out", "{tmp}/d.gpkg"], "argument --seed: '9999"),
    ("bench", "huge number", ["bench", "map", "--runs", N], "argument --runs: '9999"),
    ("indicators", "huge number", ["indicators", "--level", "town", "--as-of", N], "argument --as-of: '9999"),
    ("info", "empty", ["info", "--db", ""], "argument --db: no store given"),
    ("tasks list", "empty", ["tasks", "list", "--status", ""], "argument --status: '' has an empty item"),
    ("tasks list", "empty", ["tasks", "list", "--unit", ""], "argument --unit: must not be empty"),
    ("tasks create", "empty", ["tasks", "create", "--kind", "custom", "--title", " "], "argument --title: must not be empty"),
    ("tasks create", "empty", ["tasks", "create", "--kind", "custom", "--title", "t", "--wkt", ""], "target: '' is not WKT"),
    ("tasks create", "empty", ["tasks", "create", "--kind", "custom", "--title", "t", "--person", ""], "argument --person: give at least one id"),
    ("tasks claim", "empty", ["tasks", "claim", "1", "--by", ""], "argument --by: must not be empty"),
    ("tasks escalate", "empty", ["tasks", "escalate", "--by", ""], "argument --by: must not be empty"),
    ("transfers people", "empty", ["transfers", "people", "--person", "1", "--hotel", HOTEL, "--vehicle", ""], "argument --vehicle: must not be empty"),
    ("warnings", "empty", ["warnings", "--as-of", ""], "argument --as-of: '' is not a date or time"),
    ("screen", "empty", ["screen", "--area", "上海", "--since", ""], "argument --since: '' is not a date or time"),
    ("screen", "empty", ["screen", "--polygon", "POLYGON EMPTY"], "polygon: 'POLYGON EMPTY' is empty"),
    ("trace", "empty", ["trace", "--person", "1", "--at", ""], "argument --at: '' is not a date or time"),
    ("indicators", "empty", ["indicators", "--level", "town", "--as-of", ""], "argument --as-of: '' is not a date"),
    ("indicators", "empty", ["indicators", "--level", "town", "--units", ""], "argument --units: '' has an empty item"),
    ("report", "empty", ["report", "--out", "{tmp}/r.csv", "--ids", ""], "argument --ids: '' has an empty item"),
    ("export", "empty", ["export", "--table", "", "--out", "{tmp}/x.csv"], "argument --table: must not be empty"),
    ("demo", "empty", ["demo", "--scale", "tiny", "--out", ""], "argument --out/--db: no store given"),
    ("tasks show", "wrong type", ["tasks", "show", "abc"], "argument id: 'abc' is not a whole number"),
    ("tasks list", "wrong type", ["tasks", "list", "--limit", "ten"], "argument --limit: 'ten' is not a whole number"),
    ("tasks create", "wrong type", ["tasks", "create", "--kind", "custom", "--title", "t", "--person", "1,x"], "argument --person: 'x' is not a whole number"),
    ("tasks create", "wrong type", ["tasks", "create", "--kind", "custom", "--title", "t", "--wkt", "LINESTRING(0 0, 1 1)"], "target: a Point or Polygon or MultiPolygon is needed, not a LineString"),
    ("trace", "wrong type", ["trace", "--person", "1", "--at", "2022-03-20", "--window", "inf"], "argument --window: 'inf' is out of range"),
    ("trace", "wrong type", ["trace", "--person", "1", "--at", "2022-13-01"], "argument --at: '2022-13-01' is not a date"),
    ("screen", "wrong type", ["screen", "--polygon", "POLYGON((1 2"], "polygon: 'POLYGON((1 2' is not WKT"),
    ("transfers specimens", "wrong type", ["transfers", "specimens", "--lab", LAB, "--site", SITE, "--samples", "0", "--vehicle", "v"], "argument --samples: '0' is out of range"),
    ("report", "bad path", ["report", "--out", "{tmp}/folder.csv"], "argument --out: {tmp}/folder.csv is a folder"),
    ("report", "bad path", ["report", "--out", "{tmp}/none/r.csv"], "argument --out: no folder {tmp}/none"),
    ("export", "bad path", ["export", "--table", "cities", "--out", "{tmp}/folder.csv"], "argument --out: {tmp}/folder.csv is a folder"),
    ("export", "bad path", ["export", "--layer", "towns", "--out", "{tmp}/none/t.gpkg"], "argument --out: no folder {tmp}/none"),
    ("screen", "bad path", ["screen", "--area", "上海", "--export", "{tmp}/folder.csv"], "argument --export: {tmp}/folder.csv is a folder"),
    ("screen", "bad path", ["screen", "--area", "上海", "--export", "{tmp}/none/x.csv"], "argument --export: no folder"),
    ("demo", "bad path", ["demo", "--scale", "tiny", "--out", "{tmp}/folder.csv"], "argument --out/--db: {tmp}/folder.csv is a folder"),
    ("demo", "bad path", ["demo", "--scale", "tiny", "--out", "{tmp}/none/d.gpkg"], "argument --out/--db: no folder"),
    ("demo", "bad path", ["demo", "--scale", "tiny", "--out", "{db}"], "already exists: add --force to replace it"),
    ("tasks create", "outside", ["tasks", "create", "--kind", "custom", "--title", "t", "--wkt", "POINT(0 0)"], "the target 'POINT(0 0)' lies outside the county"),
    ("tasks create", "outside", ["tasks", "create", "--kind", "custom", "--title", "t" * 201], "argument --title: 201 characters, more than the 200"),
    ("tasks create", "outside", ["tasks", "create", "--kind", "custom", "--title", "t", "--ref", "r" * 81], "argument --ref: 81 characters, more than the 80"),
    ("transfers people", "outside", ["transfers", "people", "--person", "1", "--hotel", HOTEL, "--vehicle", "v" * 17], "argument --vehicle: 17 characters"),
    ("tasks create", "foreign key", ["tasks", "create", "--kind", "custom", "--title", "t", "--person", "2000000000"], "no person with id 2000000000"),
    ("tasks create", "foreign key", ["tasks", "create", "--kind", "custom", "--title", "t", "--unit", "999"], "no admin unit with code '999'"),
    ("transfers people", "foreign key", ["transfers", "people", "--person", "1", "--hotel", "2000000000", "--vehicle", "v"], "facility 2000000000 is not a quarantine hotel"),
    ("tasks show", "foreign key", ["tasks", "show", "2000000000"], "no task with id 2000000000"),
    ("indicators", "outside", ["indicators", "--level", "town", "--as-of", "2030-01-01"], "outside the data period"),
    ("report", "outside", ["report", "--out", "{tmp}/r.csv", "--as-of", "2030-01-01"], "outside the data period"),
]


@pytest.fixture(scope="module")
def store(tiny_store_path: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A private copy of the tiny store, the ids of a hotel, a lab and a test site in it, and bad stores."""
    folder = tmp_path_factory.mktemp("bad")
    db = folder / "store.gpkg"
    shutil.copyfile(tiny_store_path, db)
    (folder / "folder.csv").mkdir()
    (folder / "random.gpkg").write_bytes(bytes(range(256)) * 64)
    with contextlib.closing(sqlite3.connect(folder / "foreign.gpkg")) as other:
        other.execute("CREATE TABLE roads (id INTEGER PRIMARY KEY, name TEXT)")
        other.commit()
    with contextlib.closing(sqlite3.connect(db)) as conn:
        ids = {k: conn.execute("SELECT min(id) FROM facilities WHERE kind = ?", (int(k),)).fetchone()[0] for k in FacilityKind}
    where = {"db": str(db), "tmp": str(folder), "hotel": str(ids[FacilityKind.QUARANTINE_HOTEL]),
             "lab": str(ids[FacilityKind.LAB]), "site": str(ids[FacilityKind.TEST_SITE])}
    # task 1 dispatched to the county, task 2 a planned transfer: what the write commands act on
    assert main(fill([*COMMANDS["tasks create"], "--dispatch", "--db", "{db}"], where)) == 0
    assert main(fill([*COMMANDS["transfers people"], "--db", "{db}"], where)) == 0
    return where


def digest(db: str) -> dict[str, int]:
    """Rows per table: what a write would change."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr().err.strip().splitlines()


def fill(args: list[str], where: dict[str, str]) -> list[str]:
    return [a.format(**where) for a in args]


def assert_refused(code: int, lines: list[str], expected: str) -> None:
    assert code == 2, lines
    assert len(lines) == 1, lines
    assert expected in lines[0]
    assert "Traceback" not in lines[0]


@pytest.mark.parametrize("command,kind,args,expected", BAD_VALUES, ids=[f"{c}-{k}-{i}" for i, (c, k, *_) in enumerate(BAD_VALUES)])
def test_bad_value(store: dict[str, str], capsys: pytest.CaptureFixture[str], command: str, kind: str,
                   args: list[str], expected: str) -> None:
    before = digest(store["db"])
    with_db = args if command in ("demo", "bench") else [*args, "--db", "{db}"]
    code, lines = run(fill(with_db, store), capsys)
    assert_refused(code, lines, expected.format(**store))
    assert digest(store["db"]) == before


BAD_STORES = [
    ("missing", "{tmp}/none.gpkg", "no store at {tmp}/none.gpkg"),
    ("folder", "{tmp}/folder.csv", "{tmp}/folder.csv is a folder, not a store file"),
    ("random bytes", "{tmp}/random.gpkg", "the store {tmp}/random.gpkg is damaged or is not a database"),
    ("not a Jingkong store", "{tmp}/foreign.gpkg", "{tmp}/foreign.gpkg is not a Jingkong store"),
    ("unknown backend", "mysql://h/db", "unsupported store backend 'mysql'"),
]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind,db,expected", BAD_STORES, ids=[b[0] for b in BAD_STORES])
def test_bad_store(store: dict[str, str], capsys: pytest.CaptureFixture[str], command: str, kind: str, db: str,
                   expected: str) -> None:
    code, lines = run(fill([*COMMANDS[command], "--db", db], store), capsys)
    assert_refused(code, lines, expected.format(**store))


@pytest.fixture
def read_only_store(store: dict[str, str], tmp_path: Path) -> str:
    """A copy of the store the system will not let us write: immutable for root (who ignores modes), else 0444."""
    db = tmp_path / "ro.gpkg"
    shutil.copyfile(store["db"], db)
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(db)], capture_output=True, check=False).returncode != 0:
            pytest.skip("running as root on a file system without immutable files: cannot make a read-only store")
    else:
        db.chmod(0o444)
    yield str(db)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True, check=False)


@pytest.mark.parametrize("command", WRITES)
def test_read_only_store_refuses_writes(store: dict[str, str], read_only_store: str, capsys: pytest.CaptureFixture[str],
                                        command: str) -> None:
    code, lines = run(fill([*COMMANDS[command], "--db", read_only_store], store), capsys)
    # task 2 has not been picked up: arriving is refused before anything is written
    expected = "task 2 has not been picked up yet" if command == "transfers arrive" else f"the store {read_only_store} is read-only"
    assert_refused(code, lines, expected)


def test_read_only_store_still_reads(read_only_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["info", "--db", read_only_store], capsys)[0] == 0


def test_locked_store_answers_with_one_line(store: dict[str, str], tmp_path: Path) -> None:
    """Another program holds the write lock (a transaction left open): the write gives up after the busy timeout
    with one line naming the store — not two chained tracebacks — and nothing is written."""
    db = tmp_path / "locked.gpkg"
    shutil.copyfile(store["db"], db)
    before = digest(str(db))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        out = subprocess.run([sys.executable, "-m", "app.cli", *COMMANDS["tasks create"], "--db", str(db)],
                             capture_output=True, text=True, timeout=120, check=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [(
        f"jingkong tasks: error: the store {db} is busy: another program has held its write lock for over 5 s; "
        "try again when it is done")]
    assert digest(str(db)) == before


def test_demo_refuses_to_replace_a_store_in_use_even_with_force(store: dict[str, str], tmp_path: Path) -> None:
    """A console has the store open (an idle connection): replacing the file would lose its later writes."""
    db = tmp_path / "in_use.gpkg"
    shutil.copyfile(store["db"], db)
    before = digest(str(db))
    console = subprocess.Popen([sys.executable, "-c", (
        "import sys, sqlite3\n"
        f"c = sqlite3.connect({str(db)!r}); c.execute('SELECT count(*) FROM persons').fetchall()\n"
        "print('open', flush=True); sys.stdin.read()")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert console.stdout.readline().strip() == "open"
        out = subprocess.run([sys.executable, "-m", "app.cli", "demo", "--scale", "tiny", "--out", str(db), "--force",
                              "--quiet"], capture_output=True, text=True, timeout=300, check=False)
    finally:
        console.communicate("")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"jingkong demo: error: the store {db} is in use by another program (a console or a script): close it first"]
    assert digest(str(db)) == before


def test_demo_force_replaces_a_store_nobody_uses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "old.gpkg"
    db.write_bytes(b"an old file in the way")
    assert run(["demo", "--scale", "tiny", "--seed", "3", "--out", str(db), "--quiet"], capsys)[0] == 2
    assert db.read_bytes() == b"an old file in the way"
    assert run(["demo", "--scale", "tiny", "--seed", "3", "--out", str(db), "--force", "--quiet"], capsys)[0] == 0
    assert digest(str(db))["admin_units"] == 8517


def test_gui_refuses_an_empty_db_with_one_line() -> None:
    out = subprocess.run([sys.executable, "main.py", "--db", ""], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [(
        "jingkong-console: error: argument --db: no store given: name a store file or an SQLAlchemy URL "
        "(see: jingkong-console --help)")]


@pytest.mark.postgres
def test_demo_asks_before_replacing_a_postgresql_store(postgres, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.factories import World

    url = postgres.new_database()
    World.create(url).store.close()
    code, lines = run(["demo", "--scale", "tiny", "--out", url, "--quiet"], capsys)
    assert_refused(code, lines, f"{url} already exists: add --force to replace it")
