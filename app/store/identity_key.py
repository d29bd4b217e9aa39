"""The secret key under which identity numbers are hashed for matching, and where each store's key lives.

``persons.id_hash`` is a keyed BLAKE2b of the identity number. Identity numbers are few enough (a region, a
birth date in a century, 1,000 sequences) that anyone holding the key can confirm a guess, so the key is a
secret: made at random for each store, or given by ``$JINGKONG_ID_KEY`` where several stores must match
the same people. It is kept *beside* the store, never in it — ``<store>.key`` (mode 0600) for a file store,
``data/keys/<host>_<port>_<database>.key`` for PostgreSQL — so nothing read out of the store carries it.

The store records only a fingerprint of its key (a keyed hash of a constant under the key) in
``jingkong_meta``; matching under any other key is refused with a clear message instead of silently finding
no one.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from app.store.errors import StoreError
from app.store.store import ROOT, Store, sqlite_path

KEY_ENV = "JINGKONG_ID_KEY"
FINGERPRINT_META = "id_key_fingerprint"
MIN_KEY_BYTES = 16  # a shorter key can be guessed
MAX_KEY_BYTES = 64  # BLAKE2b's key size
_FINGERPRINT_MESSAGE = b"jingkong-key-fingerprint"


@dataclass(frozen=True, repr=False)
class IdentityKey:
    """A key for identity hashes; ``source`` says where it came from (for messages, never the key itself)."""

    secret: bytes
    source: str

    def __post_init__(self) -> None:
        if not MIN_KEY_BYTES <= len(self.secret) <= MAX_KEY_BYTES:
            raise StoreError(f"the identity key from {self.source} must be {MIN_KEY_BYTES} to {MAX_KEY_BYTES} "
                             f"bytes long, not {len(self.secret)}")

    def __repr__(self) -> str:  # tracebacks and logs name the key's source, never the key
        return f"IdentityKey(source={self.source!r})"

    @classmethod
    def generate(cls, source: str) -> IdentityKey:
        return cls(secrets.token_hex(32).encode(), source)

    @property
    def fingerprint(self) -> str:
        return hashlib.blake2b(_FINGERPRINT_MESSAGE, key=self.secret, digest_size=16).hexdigest()

    def hash(self, number: str) -> str:
        """The keyed hash stored in ``persons.id_hash`` (spaces around and a lower-case ``x`` do not matter)."""
        return hashlib.blake2b(number.strip().upper().encode(), key=self.secret, digest_size=16).hexdigest()


def key_file(url: str) -> Path:
    """Where the key of the store at ``url`` is kept when it is not given by ``$JINGKONG_ID_KEY``."""
    path = sqlite_path(url)
    if path is not None:
        return path.with_name(path.name + ".key")
    parsed = make_url(url)
    return ROOT / "data" / "keys" / f"{parsed.host or 'local'}_{parsed.port or 5432}_{parsed.database}.key"


def environment_key() -> IdentityKey | None:
    text = os.environ.get(KEY_ENV, "").strip()
    return IdentityKey(text.encode(), f"${KEY_ENV}") if text else None


def read_key_file(path: Path) -> IdentityKey | None:
    """The key in ``path``, or None if there is none; a key file others may read is refused, as ssh does."""
    if not path.exists():
        return None
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise StoreError(f"the identity key file {path} can be read by other users: run chmod 600 {path}")
    return IdentityKey(path.read_bytes().strip(), str(path))


def new_store_key(url: str) -> IdentityKey:
    """The key for a store about to be made at ``url``: ``$JINGKONG_ID_KEY`` if set, else a fresh random one."""
    return environment_key() or IdentityKey.generate(str(key_file(url)))


def install_key(url: str, key: IdentityKey) -> None:
    """Keep a newly made store's key beside it (owner-only), replacing the key of the store it replaced.

    A store keyed by ``$JINGKONG_ID_KEY`` gets no file, and a stale one is removed: the file would win over
    the variable when matching, and its store is gone.
    """
    path = key_file(url)
    if key.source == f"${KEY_ENV}":
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key.secret + b"\n")
    os.replace(part, path)


def store_key(store: Store) -> IdentityKey:
    """The key this store was made under: its key file, else ``$JINGKONG_ID_KEY``, checked against the store's
    recorded fingerprint. Raises StoreError saying what is wrong if there is no key or it is another one."""
    recorded = store.meta().get(FINGERPRINT_META)
    if recorded is None:
        raise StoreError(f"{store.display_name} records no identity-key fingerprint (made by an older Jingkong under "
                         "a key written in its source): regenerate it before matching identity numbers")
    path = key_file(store.url)
    key = read_key_file(path) or environment_key()
    if key is None:
        raise StoreError(f"no identity key for {store.display_name}: expected the key file {path} or ${KEY_ENV}")
    if not secrets.compare_digest(key.fingerprint, recorded):
        raise StoreError(f"the identity key from {key.source} is not the key {store.display_name} was made under "
                         "(fingerprints differ): identity numbers cannot be matched under another key")
    return key


def hash_identity(store: Store, number: str) -> str:
    """The ``persons.id_hash`` an identity number has in this store, to match records arriving from elsewhere."""
    return store_key(store).hash(number)


def key_status(store: Store) -> str:
    """For ``jingkong info``: where this store's key comes from, or why identity numbers cannot be matched."""
    try:
        return f"ready ({store_key(store).source})"
    except StoreError as exc:
        return f"cannot match identity numbers: {exc}"
