"""One layer per admin level: views ``county``, ``towns``, ``villages`` and ``grids`` over ``admin_units``.

A GIS user opening the store should drag "村（社区）" into a project and style it, not filter one layer of
8,517 overlapping polygons by ``level``. Each view carries the level's attributes, the code and name of every
ancestor, and for grids the grid leader's name. Views rather than tables so they can never drift from
``admin_units``; ``jingkong export --layer towns`` reads the same select, so an export has the same columns.

The first column, ``fid``, is the unit's id: GeoPackage readers take a view's first (integer, unique)
column as its feature id. Every column is a plain column reference, so SQLite gives the view the declared
types of ``admin_units`` (``geom MULTIPOLYGON``, ``code TEXT``…) that GeoPackage readers check.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, LargeBinary, Select, select, type_coerce

from app.domain.admin import Level
from app.store.tables.admin import AdminUnit, GridLeader

_UNIT_COLUMNS = ("code", "name_zh", "name_pinyin", "kind", "terrain", "population", "households", "area_km2")


@dataclass(frozen=True)
class LevelLayer:
    """A level's layer: view ``name``, and the title and description GIS programs show for it."""

    name: str
    level: Level
    identifier: str
    description: str


LEVEL_LAYERS = (
    LevelLayer("county", Level.COUNTY, "县（市）", "乐清市县域（示意图，非官方界线）"),
    LevelLayer("towns", Level.TOWN, "乡镇（街道）", "乡镇与街道，含所属县编码与名称"),
    LevelLayer("villages", Level.VILLAGE, "村（社区）", "行政村与社区，含所属乡镇、县编码与名称"),
    LevelLayer("grids", Level.GRID, "网格", "微网格，含所属村（社区）、乡镇、县编码与名称及网格长姓名"),
)


def layer_select(layer: LevelLayer) -> Select:
    """The rows of one level's layer: ``fid``, the unit's attributes, its ancestors', (grids) leader, ``geom``."""
    units = AdminUnit.__table__
    columns = [units.c.id.label("fid"), *(units.c[name] for name in _UNIT_COLUMNS)]
    source = units
    child = units
    for level in reversed(range(layer.level)):  # parent first, up to the county
        ancestor = units.alias(Level(level).key)
        source = source.outerjoin(ancestor, ancestor.c.id == child.c.parent_id)
        columns += [ancestor.c.code.label(f"{ancestor.name}_code"), ancestor.c.name_zh.label(f"{ancestor.name}_name_zh")]
        child = ancestor
    if layer.level == Level.GRID:
        leaders = GridLeader.__table__
        source = source.outerjoin(leaders, leaders.c.grid_id == units.c.id)
        columns.append(leaders.c.name.label("leader_name"))
    # As stored, not as PostGIS would hand it to a client (ST_AsEWKB): the view's column stays a geometry.
    geom = type_coerce(units.c.geom, LargeBinary).label("geom")
    return select(*columns, geom).select_from(source).where(units.c.level == int(layer.level))


def drop_views(conn: Connection) -> None:
    for layer in LEVEL_LAYERS:
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {layer.name}")


def create_views(conn: Connection) -> None:
    """(Re)create the level views on either backend."""
    drop_views(conn)
    for layer in LEVEL_LAYERS:
        query = layer_select(layer).compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        conn.exec_driver_sql(f"CREATE VIEW {layer.name} AS {query}")
