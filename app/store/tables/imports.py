"""Imports of department data: one row per import run, where each imported record came from, and the column
mappings saved per source.

``record_sources`` gives every imported record its provenance (import run, row of the file) and, for entities
other records refer to (persons, places, facilities, cameras), the source key they are known by: re-importing a
file finds its records there and adds nothing, and ``jingkong import undo`` deletes exactly what a run added.
Source and file are kept once per run in ``imports``.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, IntPK, OptSeconds, Seconds, Small


class ImportRun(Base):
    """One run of ``jingkong import`` or of the import wizard. ``status``: running → done | cancelled; undone.
    A run killed mid-way stays ``running`` with the counts of the batches it committed."""

    __tablename__ = "imports"

    id: Mapped[IntPK]
    kind: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(80))
    file_name: Mapped[str] = mapped_column(String(260))
    file_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[Seconds]
    finished_at: Mapped[OptSeconds]
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    reject_file: Mapped[str | None] = mapped_column(Text)
    mapping: Mapped[str] = mapped_column(Text, default="{}")  # the column mapping used (JSON)


class RecordSource(Base):
    """The provenance of one imported record: ``table_code`` names its table (see ``app.store.imports.provenance``),
    ``file_row`` its row in the file (1 = first data row), ``key`` the source key of an entity (NULL for events,
    which are told apart by what they say)."""

    __tablename__ = "record_sources"
    __table_args__ = (
        Index("uq_record_sources_key", "table_code", "key", unique=True),
        Index("ix_record_sources_import", "import_id", "table_code"),
    )

    table_code: Mapped[Small] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id"))
    file_row: Mapped[int] = mapped_column(Integer)
    key: Mapped[str | None] = mapped_column(String(80))


class ImportMapping(Base):
    """The column mapping last used for a kind of file from a source, offered again next time."""

    __tablename__ = "import_mappings"

    source: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    mapping: Mapped[str] = mapped_column(Text)  # JSON: {"columns": {field: header}, "crs": …}
    updated_at: Mapped[Seconds]


class ReplacedBoundaries(Base):
    """What a boundaries import replaced, kept so ``jingkong import undo`` can put it back exactly: every admin unit
    and grid leader as they were, and which grid each person and point was in (``saved``: a compressed NumPy
    archive, see ``app.store.imports.boundary_undo``)."""

    __tablename__ = "replaced_boundaries"

    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id"), primary_key=True)
    saved: Mapped[bytes] = mapped_column(LargeBinary)
