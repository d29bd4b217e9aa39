"""Offline packs: a town, village set or the county taken out as a self-contained store, its change log, and
sync with the centre (push each change exactly once, keep conflicts, pull the centre's picture back)."""
