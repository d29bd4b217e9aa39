"""A test world whose identity key is installed (imports hash identity numbers with it), and identity numbers."""

from __future__ import annotations

import numpy as np
import pytest

from app.store.demo.people import identity_numbers
from app.store.identity_key import install_key
from tests.factories import World


def valid_numbers(n: int, seed: int = 7) -> list[str]:
    """``n`` distinct GB 11643 identity numbers of people born 1950-2009."""
    rng = np.random.default_rng(seed)
    born = rng.choice(np.arange(-7300, 14600), n, replace=False).astype(np.int64)
    return identity_numbers(rng, np.full(n, "330382"), born, rng.integers(1, 3, n)).tolist()


@pytest.fixture
def keyed_world(any_world: World) -> World:
    """The test world with its identity key, on SQLite and then on PostgreSQL (sequences, ``unnest`` probes)."""
    install_key(any_world.store.url, any_world.key)
    return any_world
