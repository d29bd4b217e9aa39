"""Files a pack carries inside itself so it works on a laptop on its own: the sample clips its cameras play."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from app.store.store import ROOT, Store
from app.store.tables.cameras import Camera
from app.store.tables.sync import PackFile

SAMPLES = ROOT / "resources" / "samples"
SAMPLE_SCHEME = "sample://"


def embed_samples(dst: Connection) -> int:
    """Put into the pack every shipped sample clip a camera of the pack plays; returns how many bytes."""
    c = Camera.__table__
    urls = dst.scalars(select(c.c.stream_url).where(c.c.stream_url.startswith(SAMPLE_SCHEME)))
    names = sorted({u[len(SAMPLE_SCHEME):] for u in urls})
    rows = [{"name": n, "data": (SAMPLES / n).read_bytes()} for n in names if (SAMPLES / n).is_file()]
    if rows:
        dst.execute(insert(PackFile.__table__), rows)
    return sum(len(r["data"]) for r in rows)


def pack_file(store: Store, name: str) -> bytes | None:
    """The bytes of the file ``name`` the store carries, or None."""
    f = PackFile.__table__
    with store.engine.connect() as conn:
        return conn.scalar(select(f.c.data).where(f.c.name == name))
