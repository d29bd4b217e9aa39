"""The ``jingkong_meta`` keys that make a store a pack and record its origin."""

from __future__ import annotations

PACK_ID = "pack_id"  # a uuid; the centre lists the pack under it
UNIT = "pack_unit"  # the code of the unit the pack holds
ROLE = "pack_role"
ORIGIN = "pack_origin"  # the centre it came from, as shown (never with a password)
CREATED = "pack_created_at"  # Unix seconds
SYNCED = "pack_synced_at"  # when the pack last took the centre's picture (made, or synced)
BASE_EVENT = "pack_base_event"  # the centre's last task event when the pack took its picture
PULLED_SEQ = "pack_pulled_seq"  # the pack's last change when it last took the centre's picture (0: never)
PERSON_BASE = "pack_person_base"  # the centre's last person id when the pack last took its picture
