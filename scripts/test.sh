#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and
# runs the whole test suite. This is exactly what CI runs (.ci/run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/setup.sh
cmake --preset ci
cmake --build --preset ci
# GUI tests render offscreen; no display is needed.
export QT_QPA_PLATFORM=offscreen
ctest --preset ci --output-on-failure "$@"
