"""The indicators a console computed, kept on this workstation so that its next start answers at once.

A full computation reads every record table (some 15 s of processor time on the full county); what it produces
— the roll-up cube, the people lookups and the samples still pending, which ``refresh`` needs — goes to one file
in the user's cache directory, one per store and principal. The file is used only if its stamp is the one the
engine would compute now: the same store (its identity and address), principal scope and role, period, catalogue,
cube-making code, and the store's count of changes new ids do not reveal (``app.store.triggers``). What came with
new ids since (records, people, results of pending samples) the engine's ``refresh`` then takes in.

Why a file per workstation rather than a table in the store: a PostgreSQL centre serves many consoles whose
logins may not write to it, a unit operator's cube is its own, and 100 MB of arrays would grow every backup and
pack; a cache that is lost or damaged only costs one computation. The file is written aside and renamed into
place, so a reader sees a whole file or none; the zip's CRC of every array catches one damaged since (it is then
ignored and the indicators computed).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from app.domain.admin import Level
from app.models.indicators.catalogue import Catalogue
from app.models.indicators.sources import GRID, KIND, OCCUPATION, People
from app.models.indicators.tree import Slots, UnitTree
from app.store.queries.changes import data_changes
from app.store.store import Store

FORMAT = 1
STALE_ASIDE_S = 3600  # a file being written aside for longer than this was left by a console that was killed
_PEOPLE = {"grid": GRID, "home": GRID, "kind": KIND, "band": KIND, "occupation": OCCUPATION}
# the code that decides what the cube holds: a console of another version computes its own
_CODE = Path(__file__).resolve().parent
_CODE_FILES = (*sorted(_CODE.glob("producers/*.py")), *(_CODE / f for f in ("contributions.py", "cube.py", "sources.py",
               "tree.py", "saved.py")), *(_CODE.parents[1] / "store" / "queries" / f for f in ("indicators.py",
               "indicator_statics.py", "packed.py")))


def user_cache_dir() -> Path:
    """Jingkong's folder in the user's cache directory (XDG on Linux, as platformdirs places it elsewhere)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jingkong"


@cache
def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in _CODE_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(eq=False)
class SavedState:
    """What ``compute`` produced that ``refresh`` builds on: the cube's arrays, the people, the ids counted up to
    (per table) and the samples that were pending."""

    cube: dict[Level, list[np.ndarray]]
    people: People
    watermark: dict[str, int]
    pending: dict[str, np.ndarray]


class SavedIndicators:
    """The saved indicators of the stores opened on this workstation, under ``root`` (default: the user's cache)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or user_cache_dir() / "indicators"

    @staticmethod
    def stamp(store: Store, slots: Slots, reference: str, catalogue: Catalogue) -> dict[str, object]:
        """What a saved state must have been built from to be used now. Read it before reading any data: a change
        committed after it then makes the next start compute afresh."""
        changes = data_changes(store)
        return {"format": FORMAT, "store": store.meta().get("store_id", ""), "address": store.display_name,
                "scope": store.principal.scope, "role": store.principal.role.value,
                "slots": [slots.first_day, slots.n_days, slots.lead], "reference": reference,
                "catalogue": hashlib.sha256(repr(catalogue.indicators).encode()).hexdigest(), "code": _code_hash(),
                "changes": list(changes)}

    def path(self, stamp: dict[str, object]) -> Path:
        """One file per store and principal: a new period or version replaces it, so the cache stays one cube big."""
        who = json.dumps([stamp[k] for k in ("store", "address", "scope", "role")])
        return self.root / f"{hashlib.sha256(who.encode()).hexdigest()[:24]}.npz"

    def read(self, stamp: dict[str, object], tree: UnitTree, slots: Slots, n_measures: int) -> SavedState | None:
        """The state saved with ``stamp`` for cubes laid out on ``tree`` and ``slots``; None if there is none, it was
        built from something else, or the file is damaged."""
        try:
            with open(self.path(stamp), "rb") as file, np.load(file, allow_pickle=False) as z:
                if json.loads(z["stamp"].tobytes()) != json.loads(json.dumps(stamp)):
                    return None
                cube = {level: [z[f"cube.{int(level)}.{i}"] for i in range(n_measures)] for level in Level}
                people = People(**{name: z[f"people.{name}"] for name in _PEOPLE})
                watermark = json.loads(z["watermark"].tobytes())
                pending = {name: z[f"pending.{name}"] for name in ("id", "person")}
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return None  # damaged or cut short: computed afresh, and saved over
        state = SavedState(cube, people, watermark, pending)
        return state if _fits(state, tree, slots) else None

    def write(self, stamp: dict[str, object], state: SavedState) -> bool:
        """Save ``state`` under ``stamp``: written aside, then renamed over the old file. False if it could not be."""
        path = self.path(stamp)
        aside = path.with_name(f".{path.stem}.{os.getpid()}.tmp")
        members = {"stamp": _text(stamp), "watermark": _text(state.watermark),
                   **{f"cube.{int(level)}.{i}": a for level, arrays in state.cube.items() for i, a in enumerate(arrays)},
                   **{f"people.{name}": getattr(state.people, name) for name in _PEOPLE},
                   **{f"pending.{name}": a for name, a in state.pending.items()}}
        try:
            # the user's alone: it holds each person's home grid, kind, age band and occupation, by person id
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with os.fdopen(os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
                np.savez(out, **members)
                out.flush()
                os.fsync(out.fileno())
            os.replace(aside, path)
        except OSError:
            aside.unlink(missing_ok=True)
            return False
        _drop_stale_asides(path)
        return True


def _drop_stale_asides(path: Path) -> None:
    """Remove what a console killed while writing left aside (a whole cube each), once it is surely not being
    written any more: another console on this workstation may be writing its own now."""
    for aside in path.parent.glob(f".{path.stem}.*.tmp"):
        try:
            if time.time() - aside.stat().st_mtime > STALE_ASIDE_S:
                aside.unlink()
        except OSError:
            pass


def _text(value: object) -> np.ndarray:
    return np.frombuffer(json.dumps(value).encode(), np.uint8)


def _fits(state: SavedState, tree: UnitTree, slots: Slots) -> bool:
    """Every array has the shape and type the engine lays out (a stamp that matches a file of another layout
    would be a bug; an answer from it would be wrong without a sign)."""
    for level, arrays in state.cube.items():
        units = len(tree.codes[level])
        if any(a.ndim != 2 or a.shape[1] != units or a.shape[0] not in (1, slots.size) or a.dtype.kind not in "iu"
               for a in arrays):
            return False
    sizes = {len(getattr(state.people, name)) for name in _PEOPLE}
    return (len(sizes) == 1 and all(getattr(state.people, n).dtype == t for n, t in _PEOPLE.items())
            and len(state.pending["id"]) == len(state.pending["person"]))
