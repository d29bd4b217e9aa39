"""``jingkong copy``: a whole store to the other backend and back, keyed the same, its audit trail still verifying."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.domain.admin import Level
from app.domain.roles import Role
from app.models.dispatch.service import TaskService
from app.store import Store
from app.store.identity_key import hash_identity, key_file
from app.store.queries.admin import load_level
from app.store.queries.summary import table_counts

NUMBER = "330382198006010011"


@pytest.fixture
def source(tiny_store_path: str, tmp_path: Path) -> str:
    """A copy of the tiny county (and its key) with two tasks worked and a user, so its audit trail has entries."""
    path = tmp_path / "source.gpkg"
    shutil.copy(tiny_store_path, path)
    shutil.copy(tiny_store_path + ".key", str(path) + ".key")
    store = Store.open(path)
    tasks = TaskService(store)
    for i in range(2):
        task = tasks.create(kind="screening", source="manual", title=f"t{i}", target_unit_code="330382001001001")
        tasks.transition(task, "dispatched", by="duty")
    store.add_user("town1", Role.TOWN_OPERATOR, "330382001", "a password that stays behind")
    store.close()
    return str(path)


def _copy(capsys, *args: str) -> tuple[int, str]:  # noqa: ANN001
    code = main(["copy", "--quiet", *args])
    out = capsys.readouterr()
    return code, out.err.strip() or out.out.strip()


def _audit(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT id, db_user, actor, action, subject, prev_hash, hash FROM audit_log ORDER BY id")).all()


@pytest.mark.postgres
def test_a_store_goes_to_postgis_and_back_with_every_row_its_key_and_its_audit_chain(
        source: str, postgres, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    url = postgres.new_database()
    back = tmp_path / "back.gpkg"
    try:
        assert _copy(capsys, "--from", source, "--to", url)[0] == 0
        assert _copy(capsys, "--from", url, "--to", str(back))[0] == 0
        lite, pg, again = Store.open(source), Store.open(url), Store.open(back)
        try:
            counts = [table_counts(s) for s in (lite, pg, again)]
            audits = [_audit(s) for s in (lite, pg, again)]
            # every row, and one anchored store.copy entry per copy chained after the copied entries
            assert {k: v for k, v in counts[1].items() if k != "audit_log"} == \
                   {k: v for k, v in counts[0].items() if k != "audit_log"}
            assert counts[2] == {**counts[1], "audit_log": counts[1]["audit_log"] + 1}
            assert len(audits[0]) >= 4 and audits[1][:len(audits[0])] == audits[0] and audits[2][:-1] == audits[1]
            assert [a[-1][3] for a in audits[1:]] == ["store.copy", "store.copy"]
            for db in (url, str(back)):
                assert main(["audit", "verify", "--db", db]) == 0
            # users keep their role and unit, not their password (set again on the target)
            for target in (pg, again):
                with target.engine.connect() as conn:
                    assert conn.execute(text("SELECT name, role, unit_code, password_hash FROM jingkong_users")).all() \
                           == [("town1", "town_operator", "330382001", None)]
            # identity numbers match under the same key on every copy
            assert hash_identity(pg, NUMBER) == hash_identity(lite, NUMBER) == hash_identity(again, NUMBER)
            towns = [load_level(s, Level.TOWN) for s in (lite, pg, again)]
            assert all(a.equals_exact(b, 1e-9) for t in towns[1:] for a, b in zip(towns[0].geoms, t.geoms))
            # the copy is a working store: new ids follow the copied ones and new events join the chain
            before = counts[1]["tasks"]
            task = TaskService(pg).create(kind="screening", source="manual", title="new", target_unit_code="330382001001001")
            assert task == before + 1
        finally:
            for s in (lite, pg, again):
                s.close()
        assert main(["audit", "verify", "--db", url]) == 0
    finally:
        key_file(url).unlink(missing_ok=True)


@pytest.mark.postgres
def test_a_target_with_a_store_is_kept_without_force(source: str, postgres, capsys) -> None:  # noqa: ANN001
    url = postgres.new_database()
    try:
        assert _copy(capsys, "--from", source, "--to", url)[0] == 0
        code, said = _copy(capsys, "--from", source, "--to", url)
        assert code == 2 and said.count("\n") == 0 and "is not empty: add --force" in said
        assert _copy(capsys, "--from", source, "--to", url, "--force")[0] == 0
    finally:
        key_file(url).unlink(missing_ok=True)


def test_bad_copies_are_refused_in_one_line(source: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    existing = tmp_path / "existing.gpkg"
    existing.write_bytes(b"")
    cases = {
        ("--from", source, "--to", source): "the source and the target are the same store",
        ("--from", source, "--to", str(existing)): "is not empty: add --force",
        ("--from", source, "--to", "postgresql+psycopg://nobody@127.0.0.1:1/none"): "cannot reach the target",
        ("--from", str(tmp_path / "missing.gpkg"), "--to", str(tmp_path / "x.gpkg")): "no store at",
    }
    for args, message in cases.items():
        code, said = _copy(capsys, *args)
        assert code == 2 and said.count("\n") == 0 and message in said, (args, said)
    assert not (tmp_path / "x.gpkg").exists()
