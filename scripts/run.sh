#!/usr/bin/env bash
# Builds FaaS Lab (Release) and runs the command-line runner on the bundled
# example scenario, printing its comparison table. Arguments are passed to
# `faaslab-cli run`, e.g.:
#   scripts/run.sh --replications 5
#   scripts/run.sh --json --out results.json
# To run another scenario: build/release/bin/faaslab-cli run FILE.json
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Build output goes to stderr, so that stdout carries only the results
# (scripts/run.sh --json > results.json works).
scripts/setup.sh >&2
cmake --preset release >&2
cmake --build --preset release --target faaslab-cli >&2

exec build/release/bin/faaslab-cli run resources/scenarios/mid-size-api.json "$@"
