#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and
# runs the whole test suite. This is exactly what CI runs (.ci/run).
# Arguments are passed to ctest.
#
# With FAASLAB_SANITIZER_STEPS=1 it then also builds the engine, model and
# command-line suites with AddressSanitizer + UndefinedBehaviorSanitizer and
# runs them, and fuzzes the scenario and trace readers for a bounded time
# (FAASLAB_FUZZ_SECONDS per target, default 60; 0 skips fuzzing). CI does
# not set it yet: see docs/validation.md. Each step's time is printed at the
# end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

timings=()
step() {
    local name="$1"
    shift
    local start=$SECONDS
    echo "test.sh: == $name" >&2
    "$@"
    timings+=("$(printf '%-28s %5d s' "$name" $((SECONDS - start)))")
}
report() {
    echo "test.sh: step times" >&2
    printf '  %s\n' "${timings[@]}" >&2
}
trap report EXIT

step "setup" scripts/setup.sh
step "build (ci)" bash -c 'cmake --preset ci && cmake --build --preset ci'
# GUI tests render offscreen; no display is needed.
export QT_QPA_PLATFORM=offscreen
step "tests (ci)" ctest --preset ci --output-on-failure "$@"

if [[ "${FAASLAB_SANITIZER_STEPS:-0}" != 1 ]]; then
    exit 0
fi

# Engine, model and CLI suites under ASan + UBSan (label `sanitize`; no GUI,
# no benchmarks). Any sanitizer report aborts the test.
step "build (asan)" bash -c 'cmake --preset asan && cmake --build --preset asan'
step "tests (asan)" ctest --preset asan --output-on-failure

fuzz_seconds="${FAASLAB_FUZZ_SECONDS:-60}"
if ((fuzz_seconds > 0)); then
    step "fuzz (${fuzz_seconds} s per target)" scripts/fuzz.sh "$fuzz_seconds"
fi
