#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and
# runs the whole test suite. This is exactly what CI runs (.ci/run).
# Arguments are passed to ctest.
#
# Then it builds the engine, model and command-line suites with
# AddressSanitizer + UndefinedBehaviorSanitizer and runs them, and fuzzes
# the scenario and trace readers for a bounded time (FAASLAB_FUZZ_SECONDS
# per target, default 60; 0 skips fuzzing); FAASLAB_SANITIZER_STEPS=0 skips
# both (a quicker run while working; CI runs them, see docs/validation.md).
# Each step's time is printed at the end.
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

if [[ "${FAASLAB_SANITIZER_STEPS:-1}" == 0 ]]; then
    exit 0
fi

# Engine, model and CLI suites under ASan + UBSan (label `sanitize`; no GUI,
# no benchmarks), and the fuzz targets: one clang build (preset `sanitize`)
# serves both. Any sanitizer report aborts the test or the fuzzer.
step "build (sanitize)" bash -c 'cmake --preset sanitize && cmake --build --preset sanitize'
step "tests (sanitize)" ctest --preset sanitize --output-on-failure

fuzz_seconds="${FAASLAB_FUZZ_SECONDS:-60}"
if ((fuzz_seconds > 0)); then
    step "fuzz (${fuzz_seconds} s per target)" env FAASLAB_FUZZ_PRESET=sanitize \
        scripts/fuzz.sh "$fuzz_seconds"
fi
