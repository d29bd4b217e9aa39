"""The identity key: a secret per store kept beside it, recorded only as a fingerprint, refused when it is
another store's; and the one mask every identity number, name and birth day leaves the store in."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
import stat
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text

from app.cli import main
from app.store import Store
from app.store.demo.generate import generate_store, random_streams
from app.store.demo.geography import build_geography
from app.store.demo.people import generate_people
from app.store.demo.scale import SCALES
from app.store.errors import StoreError
from app.store.identity_key import FINGERPRINT_META, KEY_ENV, IdentityKey, hash_identity, key_file, read_key_file
from app.store.masking import age_bands, mask_identity, mask_name
from app.timebase import day_number
from tests.factories import World

OTHER_KEY = "a-key-some-other-store-was-made-under"


@pytest.fixture(scope="module")
def clear_ids() -> np.ndarray:
    """The tiny store's identity numbers in clear (regenerated in memory: the store never holds them)."""
    return generate_people(random_streams(1)[0], build_geography(1), SCALES["tiny"]).clear_ids


@pytest.fixture
def no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)


def _stored_hash(store: Store, person_id: int) -> str:
    with store.engine.connect() as conn:
        return conn.scalar(text("SELECT id_hash FROM persons WHERE id = :p"), {"p": person_id})


def _copy_without_key(tiny_store_path: str, target: Path) -> Path:
    shutil.copy(tiny_store_path, target)
    return target


def test_each_demo_store_gets_its_own_secret_key_beside_it(tiny_store_path: str, tmp_path: Path, clear_ids: np.ndarray,
                                                           no_env_key: None) -> None:
    path = key_file(f"sqlite:///{tiny_store_path}")
    assert path == Path(tiny_store_path + ".key")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secret = path.read_bytes().strip()
    assert len(secret) == 64 and secret not in Path(tiny_store_path).read_bytes()
    generate_store(tmp_path / "again.gpkg", "tiny", 1)
    assert (tmp_path / "again.gpkg.key").read_bytes().strip() != secret  # same seed, another key
    tiny = Store.open(tiny_store_path)
    try:
        assert tiny.meta()[FINGERPRINT_META] == read_key_file(path).fingerprint
        assert FINGERPRINT_META not in secret.decode() and tiny.meta()[FINGERPRINT_META].encode() != secret
        # Matching works: an identity number arriving from elsewhere hashes to the stored hash of its person.
        assert hash_identity(tiny, clear_ids[0]) == _stored_hash(tiny, 1)
        assert hash_identity(tiny, f"  {clear_ids[41].lower()} ") == _stored_hash(tiny, 42)
    finally:
        tiny.close()


def test_matching_under_another_key_is_refused_with_the_reason(tiny_store_path: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch, no_env_key: None) -> None:
    store = Store.open(_copy_without_key(tiny_store_path, tmp_path / "copy.gpkg"))
    try:
        with pytest.raises(StoreError, match=f"no identity key for .*copy.gpkg: expected the key file .*copy.gpkg.key "
                                             f"or \\${KEY_ENV}"):
            hash_identity(store, "330382198006010011")
        monkeypatch.setenv(KEY_ENV, OTHER_KEY)
        with pytest.raises(StoreError, match=f"the identity key from \\${KEY_ENV} is not the key .* was made under"):
            hash_identity(store, "330382198006010011")
        monkeypatch.setenv(KEY_ENV, "short")
        with pytest.raises(StoreError, match=f"the identity key from \\${KEY_ENV} must be 16 to 64 bytes long, not 5"):
            hash_identity(store, "330382198006010011")
        wrong = tmp_path / "copy.gpkg.key"
        wrong.write_text(OTHER_KEY)
        wrong.chmod(0o644)
        with pytest.raises(StoreError, match="copy.gpkg.key can be read by other users: run chmod 600"):
            hash_identity(store, "330382198006010011")
        wrong.chmod(0o600)
        with pytest.raises(StoreError, match="the identity key from .*copy.gpkg.key is not the key"):
            hash_identity(store, "330382198006010011")
        shutil.copy(tiny_store_path + ".key", wrong)  # the store's own key file wins over the variable
        own = read_key_file(Path(tiny_store_path + ".key"))
        assert hash_identity(store, "330382198006010011") == own.hash("330382198006010011")
    finally:
        store.close()


def test_a_store_keyed_by_the_environment_keeps_no_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             clear_ids: np.ndarray) -> None:
    target = tmp_path / "shared.gpkg"
    stale = tmp_path / "shared.gpkg.key"
    stale.write_text(OTHER_KEY)  # the key of the store this one replaces
    monkeypatch.setenv(KEY_ENV, "the-county-wide-matching-key-0001")
    generate_store(target, "tiny", 1)
    assert not stale.exists()
    store = Store.open(target)
    try:
        assert _stored_hash(store, 7) == IdentityKey(b"the-county-wide-matching-key-0001", "test").hash(clear_ids[6])
        assert hash_identity(store, clear_ids[6]) == _stored_hash(store, 7)
        monkeypatch.delenv(KEY_ENV)
        with pytest.raises(StoreError, match="no identity key for"):
            hash_identity(store, clear_ids[6])
    finally:
        store.close()


def test_a_store_without_a_key_fingerprint_refuses_matching(world: World) -> None:
    with world.store.begin() as conn:
        conn.execute(text("DELETE FROM jingkong_meta WHERE key = :k"), {"k": FINGERPRINT_META})
    with pytest.raises(StoreError, match="records no identity-key fingerprint .*: regenerate it"):
        hash_identity(world.store, "330382198006010011")


def test_the_key_never_shows_in_its_repr() -> None:
    key = IdentityKey(b"a-secret-never-to-be-printed", "$JINGKONG_ID_KEY")
    assert "secret" not in repr(key) and "$JINGKONG_ID_KEY" in repr(key)


def test_one_mask_hides_birth_date_and_sequence_even_of_an_older_mask() -> None:
    assert mask_identity("33038219800601003X") == mask_identity("33038219800601003x") == "330382***********X"
    assert mask_identity("330382********003X") == "330382***********X"  # a store's older mask narrows too
    assert [mask_name(n) for n in ("张", "张伟", "张晓明", "欧阳晓明")] == ["*", "张*", "张*明", "欧**明"]


def test_age_bands_count_whole_years_on_the_reference_day() -> None:
    on = dt.date(2022, 4, 10)
    born = [dt.date(1992, 4, 10), dt.date(1992, 4, 11), dt.date(2022, 1, 1), dt.date(1940, 1, 1), dt.date(1942, 4, 10)]
    assert age_bands(np.array([day_number(d) for d in born]), on).tolist() == ["30-39", "20-29", "0-9", "80+", "80+"]


def test_info_says_whether_identity_numbers_can_be_matched(tiny_store_path: str, tmp_path: Path,
                                                           no_env_key: None) -> None:
    def identity_key(db: str) -> str:
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            assert main(["info", "--db", db, "--json"]) == 0
        return json.loads(stdout.getvalue())["identity_key"]

    assert identity_key(tiny_store_path) == f"ready ({tiny_store_path}.key)"
    copy = _copy_without_key(tiny_store_path, tmp_path / "copy.gpkg")
    assert identity_key(str(copy)).startswith(f"cannot match identity numbers: no identity key for {copy}")
