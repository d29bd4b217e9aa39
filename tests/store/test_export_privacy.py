"""Everything that leaves the store, every way it can: no identity hash, no key, and no identity number an
attacker could rebuild from any combination of what was exported.

The attacker here knows the identity-number format (GB 11643: region, birth date, sequence with sex parity,
ISO 7064 check character), joins every output on person id and counts, per person, the identity numbers
consistent with all of it. Fewer than ``REBUILT`` candidates counts as rebuilt: a short list to try by phone
or against any other leak. The true number is checked to be among the candidates, so the count is honest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
from sqlalchemy import inspect, text

from app.cli import main
from app.models.engine_tasks import dispatch_warnings
from app.models.trace_view import export_trace_csv, trace_rows
from app.models.tracing import trace
from app.models.warnings.service import WarningService
from app.store import Store
from app.store.demo.generate import random_streams
from app.store.demo.geography import build_geography
from app.store.demo.people import generate_people
from app.store.demo.scale import SCALES
from app.store.export import FORMATS, LAYER_NAMES
from app.store.identity_key import FINGERPRINT_META, key_file
from app.timebase import day_number

REBUILT = 10_000
WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
CHECK = "10X98765432"
ID_LIKE = re.compile(r"(?<![0-9A-Za-z*.])[1-9][0-9*]{16}[0-9Xx*](?![0-9A-Za-z*.])")  # not inside decimals
CLEAR_ID = re.compile(r"[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]")
HEX32 = re.compile(r"[0-9a-f]{32}")


@dataclass
class Outputs:
    """Every output as text, the store's secrets to look for, and what each output says of each person."""

    texts: dict[str, str] = field(default_factory=dict)
    persons_csv: pd.DataFrame | None = None
    json_rows: list[dict] = field(default_factory=list)
    period_end: dt.date | None = None


def _file_text(path: Path) -> str:
    """What a reader of the file sees, including the raw bytes of binary formats (GeoPackage pages, dBASE)."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
        with zipfile.ZipFile(path) as z:
            raw = "".join(z.read(n).decode("utf-8", "ignore") for n in z.namelist())
        return "\n".join(cells) + raw
    if path.suffix == ".shp":  # dBASE records run fields together: read the values as a reader would
        values = pyogrio.read_dataframe(path, read_geometry=False).to_csv(index=False)
        return values + "".join(path.with_suffix(s).read_text("utf-8", "ignore") for s in (".prj", ".cpg")
                                if path.with_suffix(s).exists())
    return path.read_bytes().decode("utf-8", "ignore")


def _run(out: Outputs, log: io.StringIO, name: str, *argv: str) -> str:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(list(argv))
    assert code == 0, f"{name}: {stderr.getvalue()}"
    log.write(stderr.getvalue())
    out.texts[f"stdout of {name}"] = stdout.getvalue()
    return stdout.getvalue()


def _person_rows(node: object) -> list[dict]:
    """Every JSON object that names a person (``person_id``), wherever it sits in an output."""
    if isinstance(node, dict):
        own = [node] if "person_id" in node else []
        return own + [r for v in node.values() for r in _person_rows(v)]
    if isinstance(node, list):
        return [r for v in node for r in _person_rows(v)]
    return []


@pytest.fixture(scope="module")
def exported(tiny_store_path: str, tmp_path_factory: pytest.TempPathFactory,
             clear_ids: np.ndarray) -> tuple[Outputs, Path]:
    """Run every export path on a copy of the tiny store (warnings and tasks get written into it, one task with
    identity numbers typed into its title and notes, as a user might)."""
    work = tmp_path_factory.mktemp("leaks")
    db = work / "store.gpkg"
    for folder in ("layers", "tables"):  # exports write into existing folders only
        (work / folder).mkdir()
    shutil.copy(tiny_store_path, db)
    for suffix in ("-wal", ".key"):
        if Path(tiny_store_path + suffix).exists():
            shutil.copy(tiny_store_path + suffix, str(db) + suffix)
    out, log = Outputs(), io.StringIO()
    handler = logging.StreamHandler(log)
    logging.getLogger().addHandler(handler)
    try:
        info = json.loads(_run(out, log, "info", "info", "--db", str(db), "--json"))
        out.period_end = dt.date.fromisoformat(info["period"][1])
        files: list[Path] = []
        for layer in LAYER_NAMES:
            for suffix in sorted(set(FORMATS) - {".json"}):
                files.append(work / "layers" / f"{layer}{suffix}")
                _run(out, log, f"export {layer}{suffix}", "export", "--db", str(db), "--layer", layer,
                     "--out", str(files[-1]))
        store = Store.open(db)
        tables = set(inspect(store.engine).get_table_names())
        store.close()
        for table in sorted(t for t in tables if not t.startswith(("gpkg_", "rtree_", "sqlite_"))):
            files.append(work / "tables" / f"{table}.csv")
            _run(out, log, f"export {table}", "export", "--db", str(db), "--table", table, "--out", str(files[-1]))
        for suffix in (".xlsx", ".csv"):
            files.append(work / f"report{suffix}")
            _run(out, log, f"report{suffix}", "report", "--db", str(db), "--level", "village", "--out", str(files[-1]))
        store = Store.open(db)
        meta = store.meta()
        case, onset = int(meta["trace_case_person_id"]), int(meta["trace_case_at"])
        json_outputs = [
            _run(out, log, "indicators", "indicators", "--db", str(db), "--level", "town", "--json"),
            _run(out, log, "warnings", "warnings", "--db", str(db), "--record", "--json"),
            _run(out, log, "screen", "screen", "--db", str(db), "--area", "上海", "--export", str(work / "screen.csv"),
                 "--json"),
            _run(out, log, "trace", "trace", "--db", str(db), "--person", str(case), "--at", str(onset), "--json"),
        ]
        files.append(work / "screen.csv")
        # The panels' own exports and the tasks they dispatch (task titles name the person).
        files.append(work / "contacts.csv")
        export_trace_csv(trace_rows(store, trace(store, case, onset)), files[-1])
        service = WarningService(store)
        with store.engine.connect() as conn:
            warning_ids = conn.execute(text("SELECT id FROM warnings ORDER BY id LIMIT 20")).scalars().all()
        task_ids = dispatch_warnings(service, warning_ids)
        store.close()
        assert task_ids, "the tiny store should raise warnings to dispatch"
        typed = json.loads(_run(out, log, "tasks create", "tasks", "create", "--db", str(db), "--kind", "custom",
                                "--title", f"核查 {clear_ids[0]}", "--unit", "330382001", "--person", "1",
                                "--note", f"身份证 {clear_ids[0].lower()}", "--json"))
        _run(out, log, "tasks update", "tasks", "update", str(typed["id"]), "--db", str(db), "--by", "网格员",
             "--note", f"已联系，证件号{clear_ids[0]}无误", "--json")
        task_ids.append(typed["id"])
        json_outputs.append(_run(out, log, "tasks list", "tasks", "list", "--db", str(db), "--status", "all", "--json"))
        json_outputs += [_run(out, log, f"tasks show {t}", "tasks", "show", str(t), "--db", str(db), "--json")
                         for t in task_ids[-5:]]
        for table in ("tasks", "task_events"):
            files.append(work / "tables" / f"{table}-after.csv")
            _run(out, log, f"export {table} after", "export", "--db", str(db), "--table", table,
                 "--out", str(files[-1]))
    finally:
        logging.getLogger().removeHandler(handler)
    out.texts["logs and stderr"] = log.getvalue()
    for path in files:
        out.texts[str(path.relative_to(work))] = _file_text(path)
    out.persons_csv = pd.read_csv(work / "tables" / "persons.csv", dtype=str, encoding="utf-8-sig")
    out.json_rows = [r for o in json_outputs for r in _person_rows(json.loads(o))]
    return out, db


@pytest.fixture(scope="module")
def clear_ids() -> np.ndarray:
    """The tiny store's identity numbers in clear (regenerated in memory: the store never holds them)."""
    return generate_people(random_streams(1)[0], build_geography(1), SCALES["tiny"]).clear_ids


def test_every_export_path_ran(exported: tuple[Outputs, Path]) -> None:
    out, _ = exported
    assert sum(name.startswith("layers/") for name in out.texts) == len(LAYER_NAMES) * 3
    assert "tables/persons.csv" in out.texts and "tables/jingkong_meta.csv" in out.texts
    assert len(out.json_rows) > 50 and all("id_masked" in r for r in out.json_rows)


def test_no_identity_hash_key_or_fingerprint_leaves_the_store(exported: tuple[Outputs, Path]) -> None:
    out, db = exported
    store = Store.open(db)
    try:
        with store.engine.connect() as conn:
            hashes = set(conn.execute(text("SELECT id_hash FROM persons")).scalars())
        fingerprint = store.meta()[FINGERPRINT_META]
    finally:
        store.close()
    secret = key_file(f"sqlite:///{db}").read_text().strip()
    assert len(hashes) > 10_000
    for name, body in out.texts.items():
        assert "id_hash" not in body, name
        assert not hashes.intersection(HEX32.findall(body)), f"{name} carries identity hashes"
        assert secret not in body and fingerprint not in body, f"{name} carries the identity key or its fingerprint"


def test_identity_numbers_typed_into_tasks_are_kept_masked(exported: tuple[Outputs, Path],
                                                           clear_ids: np.ndarray) -> None:
    out, db = exported
    assert "核查 330382***********" in out.texts["tables/tasks-after.csv"]
    stored = b"".join(p.read_bytes() for p in (db, Path(f"{db}-wal")) if p.exists())
    assert clear_ids[0].encode() not in stored and clear_ids[0].lower().encode() not in stored


def test_no_identity_number_leaves_in_clear_or_loosely_masked(exported: tuple[Outputs, Path],
                                                              clear_ids: np.ndarray) -> None:
    out, _ = exported
    clear = set(clear_ids.tolist())
    for name, body in out.texts.items():
        assert CLEAR_ID.search(body) is None and not clear.intersection(ID_LIKE.findall(body)), name
        loose = [m for m in ID_LIKE.findall(body) if not re.fullmatch(r"\d{6}\*{11}[\dX]", m)]
        assert not loose, f"{name} shows identity numbers with more than region and check character: {loose[:3]}"


def _birth_range(row: dict[str, str], ref: dt.date) -> tuple[int, int]:
    """The birth days (inclusive) an exported row allows; a column the attacker does not know fails the test."""
    if row.get("birth_day"):
        day = int(row["birth_day"])
        return day, day
    if row.get("age_band"):
        lo, _, hi = row["age_band"].replace("+", "-120").partition("-")
        oldest = ref.replace(year=ref.year - int(hi) - 1) + dt.timedelta(days=1)
        return day_number(oldest), day_number(ref.replace(year=ref.year - int(lo)))
    return day_number(dt.date(1900, 1, 1)), day_number(ref)


class Attacker:
    """Counts identity numbers consistent with a region, a birth-day range, a sex and the visible characters."""

    def __init__(self) -> None:
        first, last = day_number(dt.date(1900, 1, 1)), day_number(dt.date(2030, 12, 31))
        self.first = first
        days = np.datetime64("1970-01-01") + np.arange(first, last + 1).astype("timedelta64[D]")
        digits = np.char.replace(days.astype("U10"), "-", "").astype("U8").view("U1").reshape(-1, 8).astype(np.int64)
        residue = (digits * WEIGHTS[6:14]).sum(axis=1) % 11
        self.prefix = np.vstack([np.zeros(11, np.int64), np.cumsum(np.eye(11, dtype=np.int64)[residue], axis=0)])
        seq = np.char.zfill(np.arange(1000).astype("U3"), 3)
        self.seq_text = seq
        seq_digits = seq.astype("U3").view("U1").reshape(-1, 3).astype(np.int64)
        self.seq_residue = (seq_digits * WEIGHTS[14:17]).sum(axis=1) % 11

    def candidates(self, shown: str, sex: str | None, born: tuple[int, int]) -> int:
        region = shown[:6]
        assert region.isdigit(), "the attacker is granted the region"
        dates = self.prefix[born[1] - self.first + 1] - self.prefix[born[0] - self.first]
        keep = np.ones(1000, bool)
        for i in range(3):
            if shown[14 + i] != "*":
                keep &= np.char.equal(np.array([s[i] for s in self.seq_text]), shown[14 + i])
        if sex in ("1", "2"):
            keep &= (np.arange(1000) % 2 == 1) == (sex == "1")
        seqs = np.bincount(self.seq_residue[keep], minlength=11)
        base = int((np.array([int(c) for c in region]) * WEIGHTS[:6]).sum())
        allowed = [k for k in range(11) if shown[17] in ("*", CHECK[k])]
        return int(sum(dates[a] * seqs[b] for a in range(11) for b in range(11) if (base + a + b) % 11 in allowed))


def _merge(a: str, b: str) -> str:
    return "".join(x if x != "*" else y for x, y in zip(a, b))


def test_no_combination_of_exported_columns_rebuilds_an_identity_number(exported: tuple[Outputs, Path],
                                                                        clear_ids: np.ndarray) -> None:
    out, _ = exported
    known: dict[int, dict[str, str]] = {}
    for row in out.persons_csv.fillna("").to_dict("records"):
        known[int(row["id"])] = {k: v for k, v in row.items() if v != ""}
    for row in out.json_rows:
        mine = known.setdefault(int(row["person_id"]), {})
        if row.get("id_masked"):
            mine["id_masked"] = _merge(mine.get("id_masked", row["id_masked"]), row["id_masked"])
    attacker = Attacker()
    people = sorted(known)
    sample = people[::25] + sorted(int(r["person_id"]) for r in out.json_rows)
    fewest = None
    for pid in dict.fromkeys(sample):
        row, true = known[pid], clear_ids[pid - 1]
        shown = row["id_masked"]
        born = _birth_range(row, out.period_end)
        true_day = day_number(dt.date(int(true[6:10]), int(true[10:12]), int(true[12:14])))
        consistent = born[0] <= true_day <= born[1] and all(s in ("*", t) for s, t in zip(shown, true))
        assert consistent, f"the attacker's model does not hold for person {pid}"
        n = attacker.candidates(shown, row.get("sex"), born)
        assert n > REBUILT, f"person {pid}: only {n} identity numbers fit what was exported ({shown}, {born})"
        fewest = n if fewest is None else min(fewest, n)
    assert fewest is not None and fewest > REBUILT
