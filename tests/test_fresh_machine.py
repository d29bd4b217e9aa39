"""The set-up checks itself: every system library the console's Qt modules and plugins link is installed.

A pip-installed PySide6 brings Qt but not what Qt links from the system; on a machine that only has what
``scripts/setup.sh`` installs, a missing one fails an import (QtMultimedia without libpulse.so.0) or a plugin.
"""

from __future__ import annotations

from pathlib import Path

from app.views.qt_libraries import console_qt_files, missing_libraries, pyside_dir, report


def test_every_library_the_console_s_qt_loads_is_installed() -> None:
    files = console_qt_files()
    assert any(f.name.startswith("QtMultimedia.") for f in files)  # what the app imports is among what is checked
    assert any(f.name == "libqxcb.so" for f in files)
    missing = missing_libraries(files)
    assert not missing, report(missing, pyside_dir())


def test_the_check_names_each_library_that_is_not_found_and_its_package(tmp_path: Path) -> None:
    # a real Qt plugin whose link to libQt6Gui.so.6 now names a library no machine has, as a missing one would
    plugin = pyside_dir() / "Qt" / "plugins" / "imageformats" / "libqico.so"
    broken = tmp_path / "libqico.so"
    data = plugin.read_bytes()
    assert b"libQt6Gui.so.6\0" in data
    broken.write_bytes(data.replace(b"libQt6Gui.so.6\0", b"libNoSuch.so.6\0"))
    missing = missing_libraries([broken])
    assert list(missing) == ["libNoSuch.so.6"]
    assert f"libNoSuch.so.6 (Debian package libnosuch6?) needed by {broken}" in report(missing, pyside_dir())

