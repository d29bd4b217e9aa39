"""GDAL's GeoPackage validator (``validate_gpkg.py``, Debian's ``python3-gdal``), run on a file by the tests.

The validator ships with GDAL's Python bindings, which Debian builds for the system interpreter, not for the
one running the tests; so it runs as a subprocess of whichever interpreter can import it. Tests that need
it skip with the reason when none can, unless ``JINGKONG_REQUIRE_GDAL=1`` (set by ``.ci/run``) turns that
skip into a failure.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_MODULE = "osgeo_utils.samples.validate_gpkg"


@functools.cache
def _interpreter() -> str | None:
    candidates = [sys.executable, "/usr/bin/python3", shutil.which("python3")]
    for python in dict.fromkeys(c for c in candidates if c):
        probe = subprocess.run([python, "-c", f"import {_MODULE}"], capture_output=True)
        if probe.returncode == 0:
            return python
    return None


def validate(path: str | Path) -> subprocess.CompletedProcess:
    """Run ``validate_gpkg.py -k --extra`` on ``path``: every error it finds, return code 0 if none."""
    python = _interpreter()
    if python is None:
        reason = f"no Python here can import {_MODULE} (install python3-gdal)"
        if os.environ.get("JINGKONG_REQUIRE_GDAL") == "1":
            pytest.fail(f"GDAL's GeoPackage validator required (JINGKONG_REQUIRE_GDAL=1) but {reason}")
        pytest.skip(reason)
    return subprocess.run([python, "-m", _MODULE, "-k", "--extra", str(path)], capture_output=True, text=True, timeout=600)
