#pragma once

#include "models/workload/timestamp_trace_reader.h"

#include <array>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// The percentile levels of the Azure 2019 duration trace, in percent.
inline constexpr std::array<double, 7> AzureDurationPercentLevels{0, 1, 25, 50, 75, 99, 100};

// One row of `function_durations_percentiles.anon.dNN.csv`; times in
// milliseconds as in the trace.
struct AzureFunctionDurations {
    std::string owner;
    std::string app;
    std::string function;
    double averageMs = 0.0;
    std::uint64_t count = 0; // invocations the row summarises
    double minimumMs = 0.0;
    double maximumMs = 0.0;
    std::array<double, 7> percentilesMs{}; // at AzureDurationPercentLevels
};

// Reads the duration trace and returns, in file order, the rows whose
// HashFunction is in `hashes` (every row if `hashes` is empty). Returns
// nullopt on success, else the line and 1-based character column of the
// broken rule, or at line 0 a requested hash that is not in the file. Numbers
// must be finite and >= 0, Count a whole number, and the percentiles must not
// decrease from left to right. Memory is O(selected rows).
std::optional<TraceError> readAzureFunctionDurations(std::istream& in,
                                                     const std::vector<std::string>& hashes,
                                                     std::vector<AzureFunctionDurations>& out);

// An empirical service-time distribution for the selected functions: the
// mixture whose weights are the rows' invocation counts (equal weights if all
// counts are 0) of the per-function distributions, each taken as the CDF that
// is linear between its percentile points. Returns `samples` quantiles of the
// mixture, in SECONDS, at probabilities (i + 0.5) / samples, i = 0..samples-1;
// empty if `functions` is empty or samples < 1.
std::vector<double> azureServiceTimeQuantilesS(const std::vector<AzureFunctionDurations>& functions,
                                               int samples = 100);

} // namespace faaslab
