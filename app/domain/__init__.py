"""Domain words shared by every layer: levels, statuses, kinds. No imports from store, models or Qt."""
