"""Which system libraries the Qt modules and plugins of the console cannot find on this machine.

A pip-installed PySide6 brings Qt but not the system libraries Qt links (libpulse for Qt Multimedia, the xcb
family for X11, …); a missing one only shows when the module is imported or the plugin loaded. This module asks
``ldd`` instead, up front, for every file the console loads: ``python3 -m app.views.qt_libraries`` prints each
library that is ``not found`` with the Debian package that most likely provides it, and exits 1.
``scripts/setup.sh`` ends with it, ``tests/test_fresh_machine.py`` runs it, and the camera panel uses it to name
what video playback lacks. Standard library only: it must run where Qt itself cannot load.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_IMPORT = re.compile(r"PySide6\.(Qt[A-Za-z]+)")
# the plugins a desktop run loads besides the modules' own libraries (X11 and offscreen, video, images, icons)
PLUGINS = ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "multimedia/*.so", "imageformats/*.so",
           "xcbglintegrations/*.so", "iconengines/*.so")
MULTIMEDIA_MODULES = ("QtMultimedia", "QtMultimediaWidgets")
SONAME = re.compile(r"^lib(?P<name>.+?)\.so\.(?P<version>[\d.]+)$")


def pyside_dir() -> Path:
    """The installed PySide6 package folder, found without importing it (importing loads Qt's libraries)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("PySide6 is not installed: run scripts/setup.sh")
    return Path(spec.origin).parent


def imported_qt_modules(root: Path = ROOT) -> list[str]:
    """The Qt modules the console's source imports (``PySide6.QtCore`` → ``QtCore``)."""
    sources = [root / "main.py", *sorted((root / "app").rglob("*.py"))]
    return sorted({m for path in sources if path.exists() for m in QT_IMPORT.findall(path.read_text(encoding="utf-8"))})


def qt_files(modules: Iterable[str], plugins: Iterable[str], qt: Path | None = None) -> list[Path]:
    """Each module's Python binding and Qt library, and the plugin files matching ``plugins`` (globs)."""
    qt = qt or pyside_dir()
    files: list[Path] = []
    for module in modules:
        files += sorted(qt.glob(f"{module}.*.so")) + sorted((qt / "Qt" / "lib").glob(f"libQt6{module[2:]}.so.*"))
    for pattern in plugins:
        files += sorted((qt / "Qt" / "plugins").glob(pattern))
    return files


def console_qt_files() -> list[Path]:
    """Everything Qt the console loads: the modules its source imports, and the plugins of a desktop run."""
    return qt_files(imported_qt_modules(), PLUGINS)


def multimedia_files() -> list[Path]:
    return qt_files(MULTIMEDIA_MODULES, ("multimedia/*.so",))


def missing_libraries(files: Iterable[Path], qt: Path | None = None) -> dict[str, list[Path]]:
    """``{soname: [files that need it]}`` for every library ``ldd`` reports ``not found``."""
    files = list(files)
    if not files:
        return {}
    qt = qt or pyside_dir()
    env = {**os.environ, "LD_LIBRARY_PATH": str(qt / "Qt" / "lib")}  # as Qt's own rpath finds its libraries
    out = subprocess.run(["ldd", *map(str, files)], capture_output=True, text=True, env=env, check=False).stdout
    missing: dict[str, list[Path]] = {}
    current = files[0]
    for line in out.splitlines():
        if not line.startswith(("\t", " ")):  # with several files, ldd heads each one's list with "path:"
            current = Path(line.rstrip(":"))
        elif "=> not found" in line:
            missing.setdefault(line.split()[0], []).append(current)
    return missing


@dataclass(frozen=True)
class Unavailable:
    """Why a Qt piece cannot work here: the system libraries it cannot find (if ldd names any), the loader's words."""

    libraries: tuple[str, ...]
    detail: str


def unavailable(files: Iterable[Path], detail: str) -> Unavailable:
    """What ``files`` (a piece that failed to load with ``detail``) lack."""
    return Unavailable(tuple(sorted(missing_libraries(files))), detail)


def multimedia_unavailable() -> Unavailable | None:
    """None when Qt Multimedia imports; else why not. Importing it loads no backend yet: that comes with a player."""
    try:
        for module in MULTIMEDIA_MODULES:
            importlib.import_module(f"PySide6.{module}")
    except ImportError as exc:
        return unavailable(multimedia_files(), str(exc))
    return None


def debian_package(soname: str) -> str:
    """The package Debian's shared-library naming rule gives ``soname`` (libpulse.so.0 → libpulse0,
    libmpg123.so.0 → libmpg123-0); a guess, as a few packages are named otherwise."""
    match = SONAME.match(soname)
    if match is None:
        return soname
    name, major = match["name"].lower(), match["version"].split(".")[0]
    return f"lib{name}{'-' if name[-1].isdigit() else ''}{major}"


def report(missing: dict[str, list[Path]], qt: Path) -> str:
    lines = ["Qt cannot find these system libraries (install them: bash scripts/setup.sh):"]
    for soname, needers in sorted(missing.items()):
        names = ", ".join(sorted({str(p.relative_to(qt)) if p.is_relative_to(qt) else str(p) for p in needers}))
        lines.append(f"  {soname} (Debian package {debian_package(soname)}?) needed by {names}")
    return "\n".join(lines)


def main() -> int:
    qt = pyside_dir()
    files = console_qt_files()
    missing = missing_libraries(files, qt)
    if missing:
        print(report(missing, qt), file=sys.stderr)
        return 1
    print(f"Qt libraries: the {len(files)} Qt modules and plugins the console loads find every system library")
    return 0


if __name__ == "__main__":
    sys.exit(main())
