"""One schema on two backends; stores that cannot be opened say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.admin import Level
from app.store import SchemaVersionError, Store, StoreError
from app.store.demo.generate import generate_store
from app.store.export import read_layer
from app.store.identity_key import KEY_ENV, IdentityKey, hash_identity, key_file
from app.store.queries.admin import level_counts, load_level
from app.store.queries.summary import table_counts


@pytest.mark.postgres
def test_demo_loads_into_postgis_like_into_sqlite(postgres, tiny_store_path: str,  # noqa: ANN001
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    url = postgres.new_database()
    monkeypatch.setenv(KEY_ENV, "a-key-shared-by-the-consoles")  # how a server store is keyed: no file beside it
    generate_store(url, "tiny", 1)
    assert not key_file(url).exists()
    pg, lite = Store.open(url), Store.open(tiny_store_path)
    try:
        assert pg.dialect == "postgresql"
        # the audit trail records how a store was used (the session's tiny store has had exports), not its data
        data = [table_counts(s) for s in (pg, lite)]
        assert {k: v for k, v in data[0].items() if k != "audit_log"} == {k: v for k, v in data[1].items() if k != "audit_log"}
        assert level_counts(pg) == level_counts(lite)
        pg_towns, lite_towns = load_level(pg, Level.TOWN), load_level(lite, Level.TOWN)
        assert list(pg_towns.codes) == list(lite_towns.codes)
        assert all(a.equals_exact(b, 1e-9) for a, b in zip(pg_towns.geoms, lite_towns.geoms))
        assert len(read_layer(pg, "checkpoints")) == len(read_layer(lite, "checkpoints"))
        with pg.engine.connect() as conn:
            srid = conn.scalar(text("SELECT ST_SRID(geom) FROM admin_units LIMIT 1"))
            inside = conn.scalar(text(
                "SELECT count(*) FROM admin_units WHERE level = 3 AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(120.87, 28.04), 4490))"))
        assert srid == 4490 and inside == 1
        number = "330382198006010011"
        assert hash_identity(pg, number) == IdentityKey(b"a-key-shared-by-the-consoles", "test").hash(number)
    finally:
        pg.close()
        lite.close()


def test_missing_store_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at .*nothing.gpkg"):
        Store.open(tmp_path / "nothing.gpkg")


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.gpkg"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="is damaged or is not a database"):
        Store.open(junk)


def test_a_newer_schema_gets_a_clear_message(world) -> None:  # noqa: ANN001
    with world.store.begin() as conn:
        conn.execute(text("UPDATE jingkong_meta SET value = '99' WHERE key = 'schema_version'"))
    url = world.store.url
    world.store.close()
    with pytest.raises(SchemaVersionError, match="schema version 99, newer than this Jingkong"):
        Store.open(url)


def test_unsupported_url_is_refused() -> None:
    with pytest.raises(StoreError, match="unsupported store backend 'mysql'"):
        Store.open("mysql://localhost/x")
