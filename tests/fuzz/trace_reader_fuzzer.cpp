// libFuzzer entry point for the streaming trace readers of models/workload:
// the same byte string is handed to the timestamp reader, the Azure
// invocation-count reader (with no selection, a trigger and a top-N one), and
// the Azure duration and memory readers. Each must either succeed with a
// result that keeps its documented rules or fail with a message and a 1-based
// line, never crash, hang or trip a sanitizer. The only errors at line 0 are
// the documented ones about a selection the file cannot meet.

#include "models/workload/azure_duration_trace.h"
#include "models/workload/azure_invocation_trace.h"
#include "models/workload/azure_memory_trace.h"
#include "models/workload/timestamp_trace_reader.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <sstream>
#include <string>
#include <string_view>

namespace {

using namespace faaslab;

// Errors that name a place in the file: a message, a line >= 1 and a
// 1-based column.
void checkLocated(const TraceError& error) {
    if (error.message.empty() || error.line < 1 || error.column < 1) {
        std::abort();
    }
}

void fuzzTimestamps(const std::string& text) {
    std::istringstream in(text);
    TimestampTraceReader reader(in);
    TraceArrival arrival;
    double last = 0.0;
    int read = 0;
    bool named = false;
    while (reader.next(arrival)) {
        // Finite, >= 0, non-decreasing; every data line has the column
        // count of the first, so either all arrivals name a function or none.
        if (!std::isfinite(arrival.timeS) || arrival.timeS < 0.0 || arrival.timeS < last) {
            std::abort();
        }
        if (read == 0) {
            named = !arrival.function.empty();
        } else if (named == arrival.function.empty()) {
            std::abort();
        }
        last = arrival.timeS;
        ++read;
    }
    if (reader.arrivalsRead() != read) {
        std::abort();
    }
    if (reader.error()) {
        checkLocated(*reader.error());
        if (reader.next(arrival)) {
            std::abort(); // the reader stops at the first broken rule
        }
    } else if (read == 0) {
        std::abort(); // a trace without any arrival is an error
    }
}

void fuzzInvocations(const std::string& text, const AzureFunctionSelection& selection) {
    std::istringstream in(text);
    AzureMinuteCounts counts;
    const std::optional<TraceError> error = readAzureInvocationCounts(in, selection, counts);
    if (error) {
        // Line 0 is reserved for a selection the file cannot meet, which
        // needs a filter: with none, every row that is read matches.
        const bool filtered = !selection.trigger.empty() || !selection.hashes.empty();
        if (error->line == 0 && filtered && !error->message.empty()) {
            return;
        }
        checkLocated(*error);
        return;
    }
    if (counts.perMinute.size() != AzureMinuteCounts::MinutesPerDay ||
        counts.selectedHashes.size() != counts.selectedApps.size() ||
        counts.selectedHashes.empty()) {
        std::abort();
    }
    if (selection.topN > 0 && counts.selectedHashes.size() > std::size_t(selection.topN)) {
        std::abort();
    }
    const std::uint64_t sum =
        std::accumulate(counts.perMinute.begin(), counts.perMinute.end(), std::uint64_t(0));
    if (sum != counts.total) {
        std::abort();
    }
}

// Finite, >= 0 and not decreasing from left to right.
template <typename Array> void checkPercentiles(const Array& values) {
    double previous = 0.0;
    for (const double v : values) {
        if (!std::isfinite(v) || v < previous) {
            std::abort();
        }
        previous = v;
    }
}

void fuzzDurations(const std::string& text) {
    std::istringstream in(text);
    std::vector<AzureFunctionDurations> rows;
    if (const auto error = readAzureFunctionDurations(in, {}, rows)) {
        checkLocated(*error);
        return;
    }
    for (const AzureFunctionDurations& row : rows) {
        checkPercentiles(row.percentilesMs);
        if (!std::isfinite(row.averageMs) || row.averageMs < 0.0 || row.minimumMs < 0.0 ||
            !std::isfinite(row.maximumMs)) {
            std::abort();
        }
    }
    // Quantiles of a distribution do not decrease with the probability.
    const std::vector<double> quantiles = azureServiceTimeQuantilesS(rows, 16);
    if (quantiles.size() != (rows.empty() ? 0u : 16u)) {
        std::abort();
    }
    checkPercentiles(quantiles);
}

void fuzzMemory(const std::string& text) {
    std::istringstream in(text);
    std::vector<AzureAppMemory> apps;
    if (const auto error = readAzureAppMemory(in, {}, apps)) {
        checkLocated(*error);
        return;
    }
    for (const AzureAppMemory& app : apps) {
        checkPercentiles(app.percentilesMb);
        if (!std::isfinite(app.averageAllocatedMb) || app.averageAllocatedMb < 0.0) {
            std::abort();
        }
    }
    const double mean = azureWeightedAverageMemoryMb(apps);
    if (!std::isfinite(mean) || mean < 0.0) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fuzzTimestamps(text);
    fuzzInvocations(text, {});
    fuzzInvocations(text, AzureFunctionSelection{{}, "http", 0});
    fuzzInvocations(text, AzureFunctionSelection{{}, "", 1});
    fuzzDurations(text);
    fuzzMemory(text);
    return 0;
}
