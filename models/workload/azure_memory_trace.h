#pragma once

#include "models/workload/timestamp_trace_reader.h"

#include <array>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// The percentile levels of the Azure 2019 memory trace, in percent.
inline constexpr std::array<double, 8> AzureMemoryPercentLevels{1, 5, 25, 50, 75, 95, 99, 100};

// One row of `app_memory_percentiles.anon.dNN.csv`: the allocated memory of
// one application, in MB as in the trace.
struct AzureAppMemory {
    std::string owner;
    std::string app;
    std::uint64_t sampleCount = 0;
    double averageAllocatedMb = 0.0;
    std::array<double, 8> percentilesMb{}; // at AzureMemoryPercentLevels
};

// Reads the memory trace and returns, in file order, the rows whose HashApp
// is in `apps` (every row if `apps` is empty; an app listed twice counts
// once). Returns nullopt on success, else the line and 1-based character
// column of the broken rule, or at line 0 a requested app that is not in the
// file. Numbers must be finite and >= 0, SampleCount a whole number, and the
// percentiles must not decrease from left to right.
std::optional<TraceError> readAzureAppMemory(std::istream& in, const std::vector<std::string>& apps,
                                             std::vector<AzureAppMemory>& out);

// The SampleCount-weighted mean of AverageAllocatedMb (the plain mean if all
// sample counts are 0); 0 for no apps.
double azureWeightedAverageMemoryMb(const std::vector<AzureAppMemory>& apps);

} // namespace faaslab
