#!/usr/bin/env bash
# Bounded fuzzing run of the scenario and trace readers (what CI runs after
# the tests): builds the libFuzzer targets with clang (preset `fuzz`, ASan +
# UBSan, any report aborts) and fuzzes each for SECONDS (default 60) from
# the corpus kept in tests/fuzz/corpus/ plus the shipped examples. Fails on
# any crash, sanitizer report, timeout or out-of-memory; the input that
# caused it is left in build/fuzz/artifacts-<target>/.
#
#   scripts/fuzz.sh [SECONDS]
#
# FAASLAB_FUZZ_PRESET names another clang preset that builds the targets
# (test.sh uses `sanitize`, whose one build also holds the sanitized suites).
#
# The corpus in the tree is not modified: new inputs go to a scratch copy
# under build/fuzz/. To refresh the tree's corpus after a longer run, merge
# into it by hand (see docs/validation.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-60}"

preset="${FAASLAB_FUZZ_PRESET:-fuzz}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target scenario_reader_fuzzer trace_reader_fuzzer

build="$root/build/$preset"
run_target() {
    local name="$1" seeds="$2"
    shift 2
    local corpus="$build/corpus-$name" artifacts="$build/artifacts-$name/"
    rm -rf "$corpus" "$artifacts"
    mkdir -p "$corpus" "$artifacts"
    cp "$root/tests/fuzz/corpus/$name"/* "$corpus"/
    cp $seeds "$corpus"/
    echo "fuzz.sh: ${name}_reader_fuzzer for ${seconds} s from $(ls "$corpus" | wc -l) inputs" >&2
    # -timeout: an input that takes longer than 10 s is a hang; -rss_limit_mb
    # bounds memory (the readers promise bounded memory on any input).
    "$build/bin/${name}_reader_fuzzer" "$corpus" "$@" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" -print_final_stats=1
}

# From the scenarios folder, so the examples' ../traces/ names resolve.
(cd "$root/resources/scenarios" &&
    run_target scenario "$root/resources/scenarios/*.json" -dict="$root/tests/fuzz/scenario.dict")
run_target trace "$root/resources/traces/*.csv"
echo "fuzz.sh: no crash in ${seconds} s per target" >&2
