"""Offline field packs: which role may take out what, making packs, syncing them back, conflicts."""
