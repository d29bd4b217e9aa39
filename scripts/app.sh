#!/usr/bin/env bash
# Set up (once) and start the console on the embedded demo store (created on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec python3 main.py "$@"
