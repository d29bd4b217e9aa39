"""Store metadata: schema version and how the store was made (key/value)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base


class Meta(Base):
    __tablename__ = "jingkong_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
