#!/usr/bin/env bash
# Installs what Jingkong needs on a fresh Debian machine: system libraries for Qt (offscreen and X11; QtMultimedia
# links libpulse0, which links the sound-file libraries listed after it),
# CJK fonts, PostgreSQL + PostGIS for the backend tests, then the Python package with its test extras; it ends by
# checking that Qt finds every system library it links.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(postgresql postgresql-15-postgis-3 xvfb xauth fonts-noto-cjk libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon0
  libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  libpulse0 libsndfile1 libasyncns0 libflac12 libogg0 libopus0 libvorbis0a libvorbisenc2 libmpg123-0 libmp3lame0
  python3-gdal)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e ".[test]"

# Self-check: every system library the Qt modules and plugins of the console link must be found (ldd), else this
# names each missing one with its likely Debian package and fails here rather than at an import in the app.
python3 -m app.views.qt_libraries
