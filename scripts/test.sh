#!/usr/bin/env bash
# Set up (once) and run every check: the architecture contract, then the test suite (Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
lint-imports
python3 -m pytest -q "$@"
