"""The declarative base and the column kinds every table shares.

Times are integer Unix seconds (UTC) and days are integer days since 1970-01-01: compact, identical on
SQLite and PostgreSQL, and read straight into numpy by the engines. ``app.timebase`` converts them.
"""

from __future__ import annotations

from typing import Annotated

from sqlalchemy import BigInteger, Integer, MetaData, SmallInteger, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# GeoPackage readers (GDAL) know TEXT and INTEGER but not VARCHAR or BIGINT: render them so on SQLite.
@compiles(String, "sqlite")
def _text_on_sqlite(type_, compiler, **kw):  # noqa: ANN001, ANN202
    return "TEXT"


@compiles(BigInteger, "sqlite")
def _integer_on_sqlite(type_, compiler, **kw):  # noqa: ANN001, ANN202
    return "INTEGER"


IntPK = Annotated[int, mapped_column(Integer, primary_key=True)]
BigPK = Annotated[int, mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)]
Seconds = Annotated[int, mapped_column(BigInteger)]
OptSeconds = Annotated[int | None, mapped_column(BigInteger)]
Small = Annotated[int, mapped_column(SmallInteger)]
Code = Annotated[str, mapped_column(String(24))]
Name = Annotated[str, mapped_column(String(80))]

