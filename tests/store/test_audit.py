"""The audit trail no one can rewrite: every task event is chained into it; a row altered or removed behind the
application's back (by a superuser who switched the triggers off) breaks the chain at that entry, and a task
whose status was set without an event shows as a mismatch — in `jingkong audit verify` (exit 2) and the console."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.cli import main
from app.console import Console
from app.models.dispatch.service import TaskService
from app.store import Store, triggers
from app.store.audit import entry_hash
from tests.factories import World


def _tasks(world: World, n: int = 2) -> list[int]:
    tasks = TaskService(world.store)
    ids = [tasks.create(kind="screening", source="manual", title=f"t{i}", target_unit_code="330382001001001")
           for i in range(n)]
    for task in ids:
        tasks.transition(task, "dispatched", by="duty")
    return ids


def _as_superuser(world: World, *statements: str) -> None:
    """Change the store as its superuser would: with the guarding triggers switched off."""
    with world.store.begin() as conn:
        if world.store.dialect == "postgresql":
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")  # triggers do not fire
        else:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            conn.execute(text(statement))


def _verify(world: World, capsys) -> tuple[int, str]:  # noqa: ANN001
    code = main(["audit", "verify", "--db", world.store.url])
    return code, capsys.readouterr().out


def test_every_task_event_is_in_an_intact_chain(any_world: World, capsys) -> None:  # noqa: ANN001
    _tasks(any_world)
    report = Console(any_world.store).audit.check()
    assert report.entries == 4 and report.intact  # create + dispatch, for each of two tasks
    assert _verify(any_world, capsys) == (0, "audit chain: 4 entries, intact\n")


def test_an_entry_altered_by_a_superuser_breaks_the_chain_there(any_world: World, capsys) -> None:  # noqa: ANN001
    _tasks(any_world)
    _as_superuser(any_world, "UPDATE audit_log SET actor = 'someone else' WHERE id = 3")
    code, out = _verify(any_world, capsys)
    assert code == 2 and "BROKEN at entry 3 (task.transition task:1) was altered" in out


def test_an_entry_removed_by_a_superuser_breaks_the_chain_there(any_world: World, capsys) -> None:  # noqa: ANN001
    _tasks(any_world)
    _as_superuser(any_world, "DELETE FROM audit_log WHERE id = 2")
    code, out = _verify(any_world, capsys)
    assert code == 2 and "entry 2 is missing" in out


def test_a_chain_rewritten_to_match_is_still_caught_at_the_first_change(any_world: World, capsys) -> None:  # noqa: ANN001
    _tasks(any_world)
    # the forger recomputes the altered entry's own hash, but cannot fix every later entry's prev_hash too
    with any_world.store.engine.connect() as conn:
        row = dict(conn.execute(text("SELECT * FROM audit_log WHERE id = 2")).mappings().one())
    row["actor"] = "forger"
    _as_superuser(any_world, f"UPDATE audit_log SET actor = 'forger', hash = '{entry_hash(row)}' WHERE id = 2")
    code, out = _verify(any_world, capsys)
    assert code == 2 and "entry 3 does not carry the hash of entry 2" in out


def test_a_status_set_behind_the_applications_back_is_a_mismatch(any_world: World, capsys) -> None:  # noqa: ANN001
    first, second = _tasks(any_world)
    with any_world.store.begin() as conn:  # what `UPDATE tasks SET status=4` through psql does
        conn.execute(text("UPDATE tasks SET status = 4 WHERE id = :id"), {"id": second})
    mismatches = Console(any_world.store).audit.mismatches()
    assert [(m.task_id, m.status, m.by_events) for m in mismatches] == [(second, 4, 1)]
    code, out = _verify(any_world, capsys)
    assert code == 2 and f"task {second}: status done but its events leave it dispatched" in out


def test_dropped_triggers_come_back_when_the_store_is_opened(any_world: World) -> None:
    _tasks(any_world, 1)
    drop = "DROP TRIGGER {0} ON {1}" if any_world.store.dialect == "postgresql" else "DROP TRIGGER {0}"
    wanted = triggers.PG_TRIGGERS if any_world.store.dialect == "postgresql" else triggers.SQLITE_TRIGGERS
    with any_world.store.begin() as conn:
        for table, name in wanted:
            conn.exec_driver_sql(drop.format(name, table))
        assert len(triggers.missing(conn)) == len(wanted)
    url = any_world.store.url
    any_world.store.close()
    store = Store.open(url)
    try:
        with store.engine.connect() as conn:
            assert triggers.missing(conn) == []
        with pytest.raises(Exception, match="append-only"), store.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))
    finally:
        store.close()


def test_an_export_is_audited_with_who_what_and_how_many_rows(world: World, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("JINGKONG_USER", "analyst")
    world.add_person()
    world.add_person()
    assert main(["export", "--table", "persons", "--out", str(tmp_path / "p.csv"), "--db", world.store.url]) == 0
    [entry] = Console(world.store).audit.recent(1)
    assert (entry["actor"], entry["action"], entry["subject"]) == ("analyst", "export", "table:persons")
    assert '"rows": 2' in entry["detail"]


def _rewrite_from(world: World, first: int) -> None:
    """A forger with the whole table: changes entry ``first`` and recomputes every hash after it to match."""
    with world.store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(text("SELECT * FROM audit_log ORDER BY id")).mappings()]
    prev = rows[first - 2]["hash"] if first > 1 else ""
    statements = []
    for row in rows[first - 1:]:
        row["actor"] = "forger" if row["id"] == first else row["actor"]
        row["prev_hash"] = prev
        prev = row["hash"] = entry_hash(row)
        statements.append(f"UPDATE audit_log SET actor = '{row['actor']}', prev_hash = '{row['prev_hash']}', "
                          f"hash = '{row['hash']}' WHERE id = {row['id']}")
    _as_superuser(world, *statements)


def test_a_whole_chain_rewritten_is_caught_by_an_anchor_kept_outside(any_world: World, capsys, tmp_path) -> None:  # noqa: ANN001
    _tasks(any_world)
    anchor = tmp_path / "anchor.json"
    assert main(["audit", "anchor", "--out", str(anchor), "--db", any_world.store.url]) == 0
    assert "anchored entry 4" in capsys.readouterr().out
    _rewrite_from(any_world, 2)
    assert _verify(any_world, capsys) == (0, "audit chain: 4 entries, intact\n")  # the chain alone cannot tell
    code = main(["audit", "verify", "--anchor", str(anchor), "--db", any_world.store.url])
    out = capsys.readouterr().out
    assert code == 2 and "BROKEN at entry 4 does not carry the hash written down in the anchor" in out


def test_an_anchor_catches_entries_cut_off_the_end(any_world: World, capsys, tmp_path) -> None:  # noqa: ANN001
    _tasks(any_world)
    anchor = tmp_path / "anchor.json"
    assert main(["audit", "anchor", "--out", str(anchor), "--db", any_world.store.url]) == 0
    _as_superuser(any_world, "DELETE FROM audit_log WHERE id >= 3")
    code = main(["audit", "verify", "--anchor", str(anchor), "--db", any_world.store.url])
    assert code == 2 and "entry 4 is missing: the anchor witnessed it, the chain ends at entry 2" in capsys.readouterr().out


def test_a_bad_anchor_file_is_one_line(world: World, capsys, tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "a.json"
    bad.write_text('{"entry": 0, "hash": "x"}')
    assert main(["audit", "verify", "--anchor", str(bad), "--db", world.store.url]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not an audit anchor" in err[0]
    assert main(["audit", "anchor", "--db", world.store.url]) == 2
    assert "the audit trail is empty" in capsys.readouterr().err
