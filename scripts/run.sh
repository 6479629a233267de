#!/usr/bin/env bash
# Builds FaaS Lab (Release) and opens the desktop application on the bundled
# example scenario. Arguments are passed to `faaslab`, e.g.:
#   scripts/run.sh resources/scenarios/spiky-traffic.json
# With --cli first, runs the command-line runner instead; the remaining
# arguments go to `faaslab-cli run`, on the example scenario unless the first
# of them is a scenario file:
#   scripts/run.sh --cli                      # print the comparison table
#   scripts/run.sh --cli --replications 5     # with 95 % confidence intervals
#   scripts/run.sh --cli --json --out results.json
#   scripts/run.sh --cli resources/scenarios/spiky-traffic.json
# Without a display (no X11 or Wayland session) it falls back to --cli.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode=gui
if [[ ${1:-} == --cli ]]; then
    mode=cli
    shift
elif [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    echo "run.sh: no display found (DISPLAY and WAYLAND_DISPLAY are unset);" \
        "running the command-line comparison instead." >&2
    mode=cli
fi

# Build output goes to stderr, so that stdout carries only the results
# (scripts/run.sh --cli --json > results.json works).
scripts/setup.sh >&2
cmake --preset release >&2
if [[ $mode == cli ]]; then
    cmake --build --preset release --target faaslab-cli >&2
    scenario=resources/scenarios/mid-size-api.json
    if [[ ${1:-} == *.json && -f ${1:-} ]]; then
        scenario=$1
        shift
    fi
    exec build/release/bin/faaslab-cli run "$scenario" "$@"
fi
cmake --build --preset release --target faaslab >&2
exec build/release/bin/faaslab "$@"
