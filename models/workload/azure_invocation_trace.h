#pragma once

#include "models/workload/timestamp_trace_reader.h"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// Which functions of an Azure Functions 2019 invocation trace to use. An
// empty list, an empty trigger or topN 0 means no filter on that criterion;
// the filters combine (a function must pass all), and topN is applied last:
// of the functions that pass the others, the N with the largest day total
// (ties: the earlier row first).
struct AzureFunctionSelection {
    std::vector<std::string> hashes; // HashFunction values
    std::string trigger;             // http, timer, event, queue, storage, orchestration, others
    int topN = 0;
};

// The per-minute invocation counts of the selected functions, summed.
struct AzureMinuteCounts {
    static constexpr int MinutesPerDay = 1440;

    std::vector<std::uint32_t> perMinute; // MinutesPerDay entries
    // HashFunction and HashApp of each selected row, in file order (the apps
    // are what the memory trace is keyed by).
    std::vector<std::string> selectedHashes;
    std::vector<std::string> selectedApps;
    std::uint64_t total = 0;
};

// Longest accepted line: a row has 1444 fields, three of them 64-character
// hashes, so real rows stay far below this.
inline constexpr std::size_t AzureInvocationMaxLineLength = 65536;

// Reads an `invocations_per_function_md.anon.dNN.csv` file (header
// HashOwner,HashApp,HashFunction,Trigger,1,...,1440, then one row per function
// with its non-negative count for each minute of the day) and sums the counts
// of the selected functions into `out`. Returns nullopt on success, else where
// the file breaks a rule (line and 1-based character column) or, at line 0,
// why the selection cannot be met (no function matches, a requested hash is
// not in the file).
//
// Memory is O(1440 + N + selected functions), never the whole file: with
// topN > 0 a first pass keeps only a bounded heap of the N best (total, row)
// pairs and a second pass sums those rows, so the stream must be seekable.
std::optional<TraceError> readAzureInvocationCounts(std::istream& in,
                                                    const AzureFunctionSelection& sel,
                                                    AzureMinuteCounts& out);

} // namespace faaslab
