"""Entity library 2 — persons: residents, floating residents (新居民), natives living elsewhere (在外人员).

Identity numbers are never stored in clear: ``id_hash`` is a keyed hash used for matching records from
other departments (see ``app.store.identity_key``), ``id_masked`` the only form ever shown. Columns marked
``info={"export": …}`` leave the store only in the form ``app.store.export`` gives that mark.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, IntPK, Name, OptSeconds, Seconds, Small


class City(Base):
    """A city outside (or, id 1, the county itself) that people come from, live in or were scanned in."""

    __tablename__ = "cities"

    id: Mapped[IntPK]
    name_zh: Mapped[Name] = mapped_column(unique=True)
    name_pinyin: Mapped[Name]
    province: Mapped[Name]


class RiskArea(Base):
    """A city declared a risk area (中/高风险) for a period; ``until_at`` NULL while it lasts."""

    __tablename__ = "risk_areas"

    id: Mapped[IntPK]
    city_id: Mapped[int] = mapped_column(ForeignKey("cities.id"))
    level: Mapped[Small]  # 1 medium, 2 high
    since_at: Mapped[Seconds]
    until_at: Mapped[OptSeconds]


class Person(Base):
    __tablename__ = "persons"
    __table_args__ = (
        Index("ix_persons_home_grid", "home_grid_id"),
        Index("ix_persons_kind_city", "kind", "current_city_id"),
    )

    id: Mapped[IntPK]
    kind: Mapped[Small]
    id_hash: Mapped[str] = mapped_column(String(32), unique=True, info={"export": "never"})
    id_masked: Mapped[str] = mapped_column(String(18), info={"export": "identity"})
    name: Mapped[Name] = mapped_column(info={"export": "name"})
    sex: Mapped[Small]  # 1 male, 2 female (GB/T 2261.1)
    birth_day: Mapped[int] = mapped_column(info={"export": "age_band"})  # days since 1970-01-01
    occupation: Mapped[Small]  # index into OCCUPATIONS
    health_code: Mapped[Small]
    phone_masked: Mapped[str] = mapped_column(String(11))
    home_grid_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    current_city_id: Mapped[int | None] = mapped_column(ForeignKey("cities.id"))
    declared_return_at: Mapped[OptSeconds]  # a native elsewhere who declared a planned return
