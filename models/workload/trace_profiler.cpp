#include "models/workload/trace_profiler.h"

#include "models/workload/azure_duration_trace.h"
#include "models/workload/azure_invocation_trace.h"
#include "models/workload/azure_memory_trace.h"
#include "models/workload/timestamp_trace_reader.h"

#include <cmath>
#include <fstream>

namespace faaslab {

namespace {

std::string where(const std::string& file, const TraceError& error) {
    if (error.line == 0) {
        return "trace file \"" + file + "\": " + error.message;
    }
    return "trace file \"" + file + "\", line " + std::to_string(error.line) + ", column " +
           std::to_string(error.column) + ": " + error.message;
}

std::string cannotOpen(const std::string& file, const std::string& resolved) {
    return "cannot open trace file \"" + file + "\" (looked for \"" + resolved +
           "\"; relative names are relative to the scenario file's folder)";
}

// Adds one arrival at trace time t to the bins, widening them when needed.
void addToBins(TraceReplaySpec& spec, double t) {
    for (;;) {
        const double index = std::floor(t / spec.binS);
        if (index < static_cast<double>(TraceProfiler::MaxBins)) {
            const auto bin = static_cast<std::size_t>(index);
            if (bin >= spec.binCounts.size()) {
                spec.binCounts.resize(bin + 1, 0);
            }
            ++spec.binCounts[bin];
            return;
        }
        // Merge neighbours: same arrivals, half as many bins of twice the width.
        std::vector<std::uint32_t> merged((spec.binCounts.size() + 1) / 2, 0);
        for (std::size_t i = 0; i < spec.binCounts.size(); ++i) {
            merged[i / 2] += spec.binCounts[i];
        }
        spec.binCounts = std::move(merged);
        spec.binS *= 2.0;
    }
}

} // namespace

std::optional<std::string> TraceProfiler::profile(TraceReplaySpec& spec,
                                                  TraceCompanions* companions) {
    spec.binCounts.clear();
    spec.arrivals = 0;
    spec.binS = 60.0;
    return spec.format == TraceReplaySpec::Format::Timestamps ? profileTimestamps(spec)
                                                              : profileAzure(spec, companions);
}

std::optional<std::string> TraceProfiler::profileAzure(TraceReplaySpec& spec,
                                                       TraceCompanions* companions) {
    AzureMinuteCounts counts;
    {
        std::ifstream in(spec.resolvedPath, std::ios::binary);
        if (!in) {
            return cannotOpen(spec.file, spec.resolvedPath);
        }
        const AzureFunctionSelection selection{spec.hashes, spec.trigger, spec.topN};
        if (const auto error = readAzureInvocationCounts(in, selection, counts)) {
            return where(spec.file, *error);
        }
    }
    if (counts.total == 0) {
        return "trace file \"" + spec.file + "\": the selected functions have no invocations";
    }
    spec.binS = 60.0;
    spec.binCounts = std::move(counts.perMinute);
    spec.arrivals = counts.total;

    if (!spec.durationsFile.empty()) {
        std::ifstream in(spec.durationsResolvedPath, std::ios::binary);
        if (!in) {
            return cannotOpen(spec.durationsFile, spec.durationsResolvedPath);
        }
        std::vector<AzureFunctionDurations> durations;
        if (const auto error = readAzureFunctionDurations(in, counts.selectedHashes, durations)) {
            return where(spec.durationsFile, *error);
        }
        if (companions != nullptr) {
            companions->serviceTimeSamplesS =
                azureServiceTimeQuantilesS(durations, ServiceTimeSamples);
        }
    }
    if (!spec.memoryFile.empty()) {
        std::ifstream in(spec.memoryResolvedPath, std::ios::binary);
        if (!in) {
            return cannotOpen(spec.memoryFile, spec.memoryResolvedPath);
        }
        std::vector<AzureAppMemory> apps;
        if (const auto error = readAzureAppMemory(in, counts.selectedApps, apps)) {
            return where(spec.memoryFile, *error);
        }
        if (companions != nullptr) {
            companions->memoryMb = azureWeightedAverageMemoryMb(apps);
        }
    }
    return std::nullopt;
}

std::optional<std::string> TraceProfiler::profileTimestamps(TraceReplaySpec& spec) {
    std::ifstream in(spec.resolvedPath, std::ios::binary);
    if (!in) {
        return cannotOpen(spec.file, spec.resolvedPath);
    }
    TimestampTraceReader reader(in);
    TraceArrival arrival;
    std::uint64_t unnamed = 0;
    while (reader.next(arrival)) {
        if (!spec.function.empty()) {
            if (arrival.function.empty()) {
                ++unnamed;
                continue;
            }
            if (arrival.function != spec.function) {
                continue;
            }
        }
        addToBins(spec, arrival.timeS);
        ++spec.arrivals;
    }
    if (reader.error()) {
        return where(spec.file, *reader.error());
    }
    if (!spec.function.empty() && spec.arrivals == 0) {
        if (unnamed > 0) {
            return "trace file \"" + spec.file +
                   "\" has no function column, so \"function\" cannot select rows";
        }
        return "trace file \"" + spec.file + "\" has no arrival of function \"" + spec.function +
               "\"";
    }
    if (spec.arrivals == 0) {
        return "trace file \"" + spec.file + "\" has no arrivals";
    }
    return std::nullopt;
}

} // namespace faaslab
