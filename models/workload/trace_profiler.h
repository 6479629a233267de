#pragma once

#include "models/workload/trace_replay_spec.h"

#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// What an Azure trace's companion files say about the selected functions.
struct TraceCompanions {
    // Service-time quantiles (seconds) of the count-weighted mix of the
    // selected functions' duration percentiles: an empirical distribution.
    std::vector<double> serviceTimeSamplesS;
    // The sample-weighted average allocated memory of their apps (MB).
    std::optional<double> memoryMb;
};

// Why a trace does not read, and which of its files says so (the scenario
// reader points at the key naming that file).
struct TraceProblem {
    enum class File { Trace, Durations, Memory };
    File file = File::Trace;
    std::string message;

    bool operator==(const TraceProblem&) const = default;
};

// The validation pass of trace replay: streams once through the file named by
// `spec.resolvedPath`, checks every line, and fills in the profile of `spec`
// (arrivals per bin, total, span). Memory is bounded whatever the file's
// length: the bins merge pairwise, doubling their width, whenever there would
// be more than MaxBins of them.
//
// Returns nothing on success, else the file at fault and a message naming
// it, and the line and column where a rule is broken.
class TraceProfiler {
public:
    static constexpr std::size_t MaxBins = 1u << 17;

    // Quantiles taken from a durations file: enough for the percentile
    // curve's shape without making scenarios large.
    static constexpr int ServiceTimeSamples = 200;

    // `companions` (may be null) receives what the companion files of an
    // Azure trace give.
    static std::optional<TraceProblem> profile(TraceReplaySpec& spec,
                                               TraceCompanions* companions = nullptr);

private:
    // Problems of these are in the trace file itself.
    static std::optional<std::string> profileTimestamps(TraceReplaySpec& spec);
    static std::optional<TraceProblem> profileAzure(TraceReplaySpec& spec,
                                                    TraceCompanions* companions);
};

} // namespace faaslab
