"""Where a pack's own files are played from: taken out of the pack into ``<pack>.files/`` beside it (or a
temporary folder when the pack's folder is read-only), once, so a pack copied alone to a laptop plays its clip."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.store import Store
from app.store.packs.files import pack_file
from app.store.store import sqlite_path


def carried_file(store: Store, name: str) -> Path | None:
    """The file ``name`` the pack carries, as a file on disk; None if the store carries no such file."""
    data = pack_file(store, name)
    pack = sqlite_path(store.url)
    if data is None or pack is None or Path(name).name != name:
        return None
    for folder in (pack.with_name(pack.stem + ".files"), Path(tempfile.gettempdir()) / f"jingkong-{pack.stem}.files"):
        target = folder / name
        try:
            if not (target.is_file() and target.stat().st_size == len(data)):
                folder.mkdir(parents=True, exist_ok=True)
                part = target.with_name(target.name + ".part")
                part.write_bytes(data)
                os.replace(part, target)
            return target
        except OSError:
            continue
    return None
