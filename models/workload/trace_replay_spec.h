#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace faaslab {

// Where a `trace` arrival process takes its arrivals from, and what the
// reader learned about the file when it validated it.
//
// The file is never held in memory. Validation streams through it once and
// keeps a coarse profile (arrivals per bin of `binS` seconds), which is all
// that the rate functions of ArrivalSpec need; a replication streams through
// the file again (timestamps) or replays the per-minute counts (Azure).
struct TraceReplaySpec {
    enum class Format {
        // A CSV of arrival times in seconds, optionally with a function column.
        Timestamps,
        // The Azure Functions 2019 public trace: per-function rows of
        // per-minute invocation counts.
        Azure,
    };
    // How the invocations counted in one minute of an Azure trace are placed
    // within that minute.
    enum class Spread {
        Uniform, // independent uniform times (seeded), i.e. Poisson within the minute
        Even,    // evenly spaced, at (k + 1/2) / n of the minute
    };

    Format format = Format::Timestamps;
    // The file as the scenario names it (written back unchanged), and the
    // path it resolved to (relative names are relative to the scenario file).
    std::string file;
    std::string resolvedPath;

    // timestamps: keep only the rows whose function column is this (empty:
    // every row).
    std::string function;
    // azure: which functions to replay; the filters combine, `topN` (the N
    // largest by day total) applies last. Empty / 0 means no filter.
    std::vector<std::string> hashes;
    std::string trigger;
    int topN = 0;
    Spread spread = Spread::Uniform;
    // azure: the companion files (function_durations_percentiles and
    // app_memory_percentiles), optional; when given, the workload's service
    // time and memory come from them (see TraceCompanions).
    std::string durationsFile;
    std::string durationsResolvedPath;
    std::string memoryFile;
    std::string memoryResolvedPath;

    // Trace time is multiplied by this (0.5 replays twice as fast).
    double timeScale = 1.0;
    // Replays the trace again after its span, for ever; otherwise arrivals
    // stop at the end of the trace.
    bool repeat = false;

    // ---- the profile, filled in by the validation pass
    // Arrivals in each bin [k binS, (k+1) binS) of trace time (unscaled).
    double binS = 60.0;
    std::vector<std::uint32_t> binCounts;
    std::uint64_t arrivals = 0;
    // Unscaled length of one pass through the trace: bins x binS (whole
    // bins, so a repeated trace keeps its time of day).
    double spanS() const { return binS * static_cast<double>(binCounts.size()); }

    bool operator==(const TraceReplaySpec&) const = default;
};

} // namespace faaslab
