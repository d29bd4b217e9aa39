"""The import on both backends (the ``keyed_world`` fixture runs on each): on PostgreSQL ids come from the
tables' sequences and batches are probed with ``unnest`` arrays, on SQLite from ``MAX(id)`` and ``json_each``;
both must import, recognise what is there, and undo alike — across several batches, since each batch allocates
its ids and probes the store anew."""

from __future__ import annotations

from pathlib import Path

from app.models.imports.service import ImportService
from app.store.queries.summary import table_counts
from tests.factories import World
from tests.imports.files import write_table
from tests.imports.test_import_kinds import EVENTS, PEOPLE, _data, _people, _rows, _run, _sites

BATCH = 2  # several batches out of a handful of rows


def test_persons_and_scans_import_reimport_and_undo_batch_by_batch(keyed_world: World, tmp_path: Path) -> None:
    world = keyed_world
    empty = table_counts(world.store)
    _people(world, tmp_path)
    _sites(world, tmp_path)
    people = write_table(tmp_path, "persons", "csv-utf8", ["姓名", "证件号码"], [[f"人员{i}", n] for i, n in enumerate(PEOPLE)])
    again = _run(world, "persons", people, batch_size=BATCH)
    assert (again.imported, again.skipped, again.rejected) == (0, len(PEOPLE), 0)
    ids = dict(_rows(world, "SELECT id_hash, id FROM persons"))
    assert sorted(ids) == sorted(world.key.hash(n) for n in PEOPLE)

    before = table_counts(world.store)
    header, row, sql, expected = EVENTS["scans"]
    rows = [row(n, i) for i, n in enumerate(PEOPLE)]
    path = write_table(tmp_path, "scans", "csv-gbk", header, [*rows, rows[0]])  # the last row repeats the first
    first = _run(world, "scans", path, batch_size=BATCH)
    assert (first.read, first.imported, first.skipped, first.rejected) == (len(PEOPLE) + 1, len(PEOPLE), 0, 1)
    assert _rows(world, sql) == [expected(ids[world.key.hash(n)], i) for i, n in enumerate(PEOPLE)]
    scan_ids = [r[0] for r in _rows(world, "SELECT id FROM scans ORDER BY id")]
    assert scan_ids == sorted(set(scan_ids)) and len(scan_ids) == len(PEOPLE)

    for size in (BATCH, 1000):  # the repeated row was there before too: skipped, in its own batch or the first's
        again = _run(world, "scans", path, batch_size=size)
        assert (again.imported, again.skipped, again.rejected) == (0, len(PEOPLE) + 1, 0)
    assert table_counts(world.store)["scans"] == len(PEOPLE)

    service = ImportService(world.store)
    assert service.undo(first.import_id) == {"scans": len(PEOPLE)}
    assert _data(table_counts(world.store)) == _data(before)
    # what the undone import had added comes back when it is run again, with new (larger) ids
    assert _run(world, "scans", path, batch_size=BATCH).imported == len(PEOPLE)
    assert min(r[0] for r in _rows(world, "SELECT id FROM scans")) > max(scan_ids) or world.store.dialect == "sqlite"

    for run in reversed(service.runs()):
        if run["status"] == "done" and run["imported"]:
            service.undo(run["id"])
    assert _data(table_counts(world.store)) == _data(empty)
