#!/bin/sh
# Generates the self-made sample traces in this folder. No real trace data is
# used: every count and timestamp comes from the deterministic generator below.
#
# Usage: generate_sample_traces.sh [seed]   (default seed 20190701)
# Output: sample-azure.d01.csv (Azure Functions 2019 invocation-count layout)
#         sample-timestamps.csv (seconds since start, function name)
#
# The random numbers come from a Park-Miller LCG written out in awk rather than
# awk's rand(), because rand() differs between awk implementations and the
# files must be reproducible byte for byte from the seed.
set -eu
seed=${1:-20190701}
here=$(dirname "$0")

awk -v seed="$seed" '
function uniform() { state = (state * 16807) % 2147483647; return state / 2147483647 }
function hash32() { return sprintf("%08x", int(uniform() * 4294967295)) }
function hash() { return hash32() hash32() hash32() hash32() hash32() hash32() hash32() hash32() }
BEGIN {
    state = seed % 2147483646 + 1
    pi = 3.14159265358979
    # name  trigger  mean-per-minute  diurnal-amplitude  peak-minute  timer-period
    n = split("http http queue event storage orchestration others timer", trig, " ")
    split("40 12 6 3 1.5 0.8 0.3 0", base, " ")
    split("0.8 0.6 0.4 0.5 0.3 0.7 0.2 0", amp, " ")
    split("840 780 600 900 480 720 360 0", peak, " ")
    split("0 0 0 0 0 0 0 15", period, " ")
    header = "HashOwner,HashApp,HashFunction,Trigger"
    for (m = 1; m <= 1440; ++m) header = header "," m
    print header
    for (f = 1; f <= n; ++f) {
        row = hash() "," hash() "," hash() "," trig[f]
        for (m = 1; m <= 1440; ++m) {
            if (period[f] > 0) {
                count = (m % period[f] == 0) ? 1 : 0
            } else {
                # Diurnal rate peaking at peak[f]; randomized rounding keeps
                # the mean of each minute equal to the rate.
                rate = base[f] * (1 + amp[f] * cos(2 * pi * (m - peak[f]) / 1440))
                count = int(rate + uniform())
            }
            row = row "," count
        }
        print row
    }
}' > "$here/sample-azure.d01.csv"

awk -v seed="$seed" '
function uniform() { state = (state * 16807) % 2147483647; return state / 2147483647 }
BEGIN {
    state = (seed + 1) % 2147483646 + 1
    print "# Self-made sample: Poisson arrivals, 2 per second for 600 s, two functions."
    print "timestamp_s,function"
    t = 0
    while (1) {
        t += -log(1 - uniform()) / 2.0
        if (t >= 600) break
        printf "%.6f,%s\n", t, (uniform() < 0.75 ? "api" : "thumbnail")
    }
}' > "$here/sample-timestamps.csv"
