"""What rows are checked against, read once per import: the county's outline and grids (points must fall
inside, and get the grid they fall in), the codes of places and facilities, the cities, the identity key.

Persons are many (millions): they are looked up per batch by the import, not held here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely

from app.store.identity_key import IdentityKey, store_key
from app.store.imports import lookups as store_lookups
from app.store.store import Store


@dataclass
class Lookups:
    """Codes and shapes an import checks rows against; imported entities are added as batches commit."""

    key: IdentityKey | None
    county: shapely.Geometry
    county_name: str
    grid_ids: np.ndarray
    grid_shapes: np.ndarray
    grid_codes: dict[str, int]
    cities: dict[str, int]
    home_city: int
    places: dict[str, int] = field(default_factory=dict)
    facilities: dict[str, tuple[int, int]] = field(default_factory=dict)  # code -> (id, facility kind)
    _tree: shapely.STRtree | None = None

    @classmethod
    def read(cls, store: Store, needs_key: bool = True) -> Lookups:
        county, county_name = store_lookups.county(store)
        ids, codes, shapes = store_lookups.grids(store)
        shapely.prepare(county)
        lookups = cls(store_key(store) if needs_key else None, county, county_name, ids, shapes,
                      dict(zip(codes, ids.tolist())), store_lookups.cities(store), store_lookups.home_city(store))
        lookups.places = store_lookups.entity_codes(store, "places")
        lookups.facilities = store_lookups.facility_codes(store)
        return lookups

    def grid_of(self, point: shapely.Point) -> int | None:
        """The id of the grid ``point`` falls in (None between grids)."""
        if self._tree is None:
            self._tree = shapely.STRtree(self.grid_shapes)
        hits = self._tree.query(point, predicate="intersects")
        return int(self.grid_ids[hits.min()]) if len(hits) else None

    def hash(self, number: str) -> str:
        return self._hash(number)

    @functools.cached_property
    def _hash(self) -> Callable[[str], str]:
        if self.key is None:
            raise ValueError("this import reads no identity key")
        return functools.lru_cache(maxsize=1 << 16)(self.key.hash)
