"""The same demo county (same seed, same key) on SQLite, generated on PostGIS, and copied to PostGIS by
``jingkong copy`` gives the same answer to every command: indicators, warnings, screening, tracing, the dispatch
queue, incidents, people, beds, exports, the report and the store summary."""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.store import Store
from app.store.copy import copy_store
from app.store.demo.generate import generate_store
from app.store.identity_key import KEY_ENV
from app.timebase import CST

pytestmark = pytest.mark.postgres
TOLERANCE = 1e-9
WALL_CLOCK_S = 7 * 86_400  # times this close to now are the clock's (a task's due time), not the store's 2022


def _wall_clock_text(text: str, now: float) -> bool:
    """A date or time in text that is the clock's (today, or a due time tomorrow), not the store's 2022."""
    try:
        when = dt.datetime.fromisoformat(text[:10]).replace(tzinfo=CST)
    except ValueError:
        return False
    return abs(when.timestamp() - now) < WALL_CLOCK_S


def _json(capsys, *args: str) -> Any:  # noqa: ANN001
    code = main([*args, "--json"])
    out = capsys.readouterr()
    assert code == 0, (args, out.err)
    return _steady(json.loads(out.out))


def _steady(value: Any) -> Any:
    """The answer without what differs by when the command ran: wall-clock times (now, not the store's 2022)."""
    now = time.time()
    if isinstance(value, dict):
        return {k: _steady(v) for k, v in value.items() if k not in ("store", "backend")}
    if isinstance(value, list):
        return [_steady(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value - now) < WALL_CLOCK_S:
        return "<now>"
    if isinstance(value, str) and _wall_clock_text(value, now):
        return "<now>"
    return value


def _differences(a: Any, b: Any, where: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{where}: keys {sorted(set(a) ^ set(b))}"]
        return [d for k in a for d in _differences(a[k], b[k], f"{where}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items vs {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in _differences(x, y, f"{where}[{i}]")]
    if isinstance(a, float) or isinstance(b, float):
        ok = isinstance(a, int | float) and isinstance(b, int | float) and math.isclose(a, b, rel_tol=TOLERANCE,
                                                                                         abs_tol=TOLERANCE)
        return [] if ok else [f"{where}: {a!r} vs {b!r}"]
    return [] if a == b else [f"{where}: {a!r} vs {b!r}"]


def _files(db: str, out: Path, capsys) -> dict[str, str]:  # noqa: ANN001
    """What the exports and the report write (CSV and GeoJSON text)."""
    out.mkdir()
    commands = {"scans.csv": ("export", "--table", "scans"), "persons.csv": ("export", "--table", "persons"),
                "towns.geojson": ("export", "--layer", "towns"), "checkpoints.geojson": ("export", "--layer", "checkpoints"),
                "villages.csv": ("report", "--level", "village", "--as-of", "2022-03-20")}
    for name, args in commands.items():
        assert main([*args, "--out", str(out / name), "--db", db]) == 0, (args, capsys.readouterr().err)
    capsys.readouterr()
    return {name: (out / name).read_text(encoding="utf-8-sig") for name in commands}


def _session(db: str, out: Path, capsys, trace: tuple[str, str]) -> dict[str, Any]:  # noqa: ANN001
    """Every read command, then the same writes (tasks, an incident, recorded warnings) and the queue they make."""
    person, onset = trace
    ask: Callable[..., Any] = lambda *args: _json(capsys, *args, "--db", db)
    answers = {
        "info": ask("info"),
        "catalogue": ask("indicators", "--list"),
        **{f"indicators_{level}": ask("indicators", "--level", level, "--as-of", "2022-03-20")
           for level in ("county", "town", "village", "grid")},
        "indicators_end": ask("indicators", "--level", "town"),
        "warnings": ask("warnings"),
        "warnings_mid": ask("warnings", "--as-of", "2022-03-15"),
        "screen_area": ask("screen", "--area", "上海"),
        "screen_polygon": ask("screen", "--polygon", "POLYGON((120.9 28.0, 121.1 28.0, 121.1 28.2, 120.9 28.2, 120.9 28.0))"),
        "trace": ask("trace", "--person", person, "--at", onset),
        "trace_deep": ask("trace", "--person", person, "--at", onset, "--depth", "3", "--window", "60"),
        "persons": ask("persons", "list", "--unit", "330382001", "--limit", "50"),
        "beds": ask("transfers", "beds"),
    }
    for i, unit in enumerate(("330382001", "330382002001", "330382003")):
        answers[f"task_{i}"] = ask("tasks", "create", "--kind", "screening", "--title", f"排查 {i}", "--unit", unit,
                                   "--by", "duty", "--dispatch")
    answers["recorded"] = ask("warnings", "--record")
    answers["incident"] = ask("incident", "new", "--person", person, "--at", onset, "--name", "比对")
    answers["queue"] = ask("tasks", "list")
    answers["plan"] = ask("incident", "plan", str(answers["incident"]["incident"]))
    answers["person"] = ask("persons", "show", person)
    answers["files"] = _files(db, out, capsys)
    return answers


def test_every_command_answers_the_same_on_both_backends(postgres, tmp_path: Path, capsys,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "one-key-for-both-stores-of-this-test")  # the same identity hashes on both
    lite, pg, copied = str(tmp_path / "same.gpkg"), postgres.new_database(), postgres.new_database()
    for db in (lite, pg):
        generate_store(db, "tiny", 1)
    copy_store(lite, copied)  # before any command writes: the same store again, loaded by `jingkong copy`
    store = Store.open(lite)
    trace = (store.meta()["trace_case_person_id"], store.meta()["trace_case_at"])
    store.close()
    answers = [_session(db, tmp_path / name, capsys, trace) for db, name in ((lite, "lite"), (pg, "pg"), (copied, "copied"))]
    assert answers[0]["queue"] and answers[0]["trace"]  # the comparison compares something
    answers[2]["info"]["tables"]["audit_log"] -= 1  # the copy's own entry, anchoring it (tests/store/test_copy.py)
    for other in answers[1:]:
        differences = _differences(answers[0], other)
        assert not differences, "\n".join(differences[:40])
