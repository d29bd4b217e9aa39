"""Camera statuses and kinds."""

from __future__ import annotations

import enum


class CameraStatus(enum.IntEnum):
    ONLINE = 0
    OFFLINE = 1
    FAULT = 2


CAMERA_KINDS = ("dome", "bullet", "face_capture", "plate_recognition", "thermal")
