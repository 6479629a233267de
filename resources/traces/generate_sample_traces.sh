#!/bin/sh
# Generates the self-made sample traces in this folder. No real trace data is
# used: every count and timestamp comes from the deterministic generator below.
#
# Usage: generate_sample_traces.sh [seed]   (default seed 20190701)
# Output: sample-azure.d01.csv (Azure Functions 2019 invocation-count layout)
#         sample-azure-durations.d01.csv (duration percentiles of those functions)
#         sample-azure-memory.d01.csv (memory percentiles of their apps)
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

# Durations and memory describe the functions of sample-azure.d01.csv, so they
# take the hashes (and, for Count, the day totals) from that file; their own
# random numbers come from a separate stream so the files above do not change.
awk -F, -v seed="$seed" '
function uniform() { state = (state * 16807) % 2147483647; return state / 2147483647 }
function round(x) { return int(x + 0.5) }
BEGIN {
    state = (seed + 2) % 2147483646 + 1
    # Base median duration (ms) of each row, in row order.
    split("120 300 900 450 1500 2500 800 5000", base, " ")
    # Percentile points as multiples of the median, for levels 0 1 25 50 75 99 100.
    split("0.2 0.3 0.7 1 1.5 4 6", mult, " ")
    split("0 1 25 50 75 99 100", level, " ")
    print "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum," \
          "percentile_Average_0,percentile_Average_1,percentile_Average_25," \
          "percentile_Average_50,percentile_Average_75,percentile_Average_99," \
          "percentile_Average_100"
}
NR > 1 {
    f = NR - 1
    total = 0
    for (i = 5; i <= NF; ++i) total += $i
    median = round(base[f] * (0.75 + 0.5 * uniform()))
    for (k = 1; k <= 7; ++k) x[k] = round(median * mult[k])
    # The mean of the distribution that is linear between the points.
    mean = 0
    for (k = 1; k < 7; ++k) mean += (level[k + 1] - level[k]) / 100 * (x[k] + x[k + 1]) / 2
    row = $1 "," $2 "," $3 "," sprintf("%.3f", mean) "," total "," x[1] "," x[7]
    for (k = 1; k <= 7; ++k) row = row "," x[k]
    print row
}' "$here/sample-azure.d01.csv" > "$here/sample-azure-durations.d01.csv"

awk -F, -v seed="$seed" '
function uniform() { state = (state * 16807) % 2147483647; return state / 2147483647 }
function round(x) { return int(x + 0.5) }
BEGIN {
    state = (seed + 3) % 2147483646 + 1
    # Percentile points as multiples of the average, for levels 1 5 25 50 75 95 99 100.
    split("0.6 0.7 0.9 1 1.1 1.3 1.4 1.5", mult, " ")
    print "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1," \
          "AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50," \
          "AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99," \
          "AverageAllocatedMb_pct100"
}
NR > 1 {
    samples = 50 + int(451 * uniform())
    average = 100 + int(201 * uniform())
    row = $1 "," $2 "," samples "," average
    for (k = 1; k <= 8; ++k) row = row "," round(average * mult[k])
    print row
}' "$here/sample-azure.d01.csv" > "$here/sample-azure-memory.d01.csv"
