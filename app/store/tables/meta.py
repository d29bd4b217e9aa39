"""Store metadata: schema version and how the store was made (key/value)."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base


class Meta(Base):
    __tablename__ = "jingkong_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def new_store_id() -> str:
    """A store's identity (meta ``store_id``): made once, with the store; a copy gets its own."""
    return uuid.uuid4().hex


class DataChanges(Base):
    """One row counting the changes to the data the indicators are built from that new row ids do not reveal
    (rows deleted or changed in place, units, places, risk areas), kept by triggers (``app.store.triggers``).
    ``token`` is drawn anew at each change, so two copies of a store that changed apart never show the same row."""

    __tablename__ = "jingkong_data_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)
    token: Mapped[int] = mapped_column(BigInteger)
