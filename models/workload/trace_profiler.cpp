#include "models/workload/trace_profiler.h"

#include "models/io/regular_file.h"
#include "models/workload/azure_duration_trace.h"
#include "models/workload/azure_invocation_trace.h"
#include "models/workload/azure_memory_trace.h"
#include "models/workload/timestamp_trace_reader.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <list>
#include <mutex>

namespace faaslab {

namespace {

std::string where(const std::string& file, const TraceError& error) {
    if (error.line == 0) {
        return "trace file \"" + file + "\": " + error.message;
    }
    return "trace file \"" + file + "\", line " + std::to_string(error.line) + ", column " +
           std::to_string(error.column) + ": " + error.message;
}

std::string cannotOpen(const std::string& file, const std::string& resolved,
                       const std::string& reason) {
    return "cannot open trace file \"" + file + "\" (looked for \"" + resolved +
           "\"; relative names are relative to the scenario file's folder): " + reason;
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

// A file as it was when profiled: a profile is reused only while every file
// it read still has the same size and modification time.
struct FileStamp {
    std::string path;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified;
    bool operator==(const FileStamp&) const = default;
};

FileStamp stampOf(const std::string& path) {
    std::error_code ec;
    FileStamp stamp{path, 0, {}};
    stamp.size = std::filesystem::file_size(path, ec);
    if (ec) {
        stamp.size = static_cast<std::uintmax_t>(-1);
    }
    stamp.modified = std::filesystem::last_write_time(path, ec);
    return stamp;
}

// Everything in a spec that decides its profile, as one string.
std::string cacheKey(const TraceReplaySpec& spec, bool companions) {
    std::string key = spec.format == TraceReplaySpec::Format::Azure ? "azure" : "timestamps";
    for (const std::string* part : {&spec.resolvedPath, &spec.function, &spec.trigger,
                                    &spec.durationsResolvedPath, &spec.memoryResolvedPath}) {
        key += '\0' + *part;
    }
    key += '\0' + std::to_string(spec.topN) + (companions ? "\0c" : "\0-");
    for (const std::string& hash : spec.hashes) {
        key += '\0' + hash;
    }
    return key;
}

// The last few profiles, so that re-validating a scenario (the GUI does on
// every edit) does not stream a large trace again. Shared by all threads.
class ProfileCache {
public:
    struct Entry {
        std::string key;
        std::vector<FileStamp> stamps;
        std::optional<TraceProblem> problem;
        double binS = 60.0;
        std::vector<std::uint32_t> binCounts;
        std::uint64_t arrivals = 0;
        TraceCompanions companions;
    };

    bool find(const std::string& key, const std::vector<FileStamp>& stamps, Entry& out) {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->key == key && it->stamps == stamps) {
                m_entries.splice(m_entries.begin(), m_entries, it);
                out = m_entries.front();
                return true;
            }
        }
        return false;
    }

    void store(Entry entry) {
        const std::lock_guard lock(m_mutex);
        m_entries.remove_if([&](const Entry& e) { return e.key == entry.key; });
        m_entries.push_front(std::move(entry));
        while (m_entries.size() > Capacity) {
            m_entries.pop_back();
        }
    }

private:
    static constexpr std::size_t Capacity = 8;
    std::mutex m_mutex;
    std::list<Entry> m_entries;
};

ProfileCache& profileCache() {
    static ProfileCache cache;
    return cache;
}

} // namespace

std::optional<TraceProblem> TraceProfiler::profile(TraceReplaySpec& spec,
                                                   TraceCompanions* companions) {
    std::vector<FileStamp> stamps;
    for (const std::string* path :
         {&spec.resolvedPath, &spec.durationsResolvedPath, &spec.memoryResolvedPath}) {
        if (!path->empty()) {
            stamps.push_back(stampOf(*path));
        }
    }
    const std::string key = cacheKey(spec, companions != nullptr);
    ProfileCache::Entry entry;
    if (!profileCache().find(key, stamps, entry)) {
        entry.key = key;
        entry.stamps = stamps;
        TraceReplaySpec scratch = spec;
        scratch.binCounts.clear();
        scratch.arrivals = 0;
        scratch.binS = 60.0;
        if (scratch.format == TraceReplaySpec::Format::Timestamps) {
            if (auto message = profileTimestamps(scratch)) {
                entry.problem = TraceProblem{TraceProblem::File::Trace, std::move(*message)};
            }
        } else {
            entry.problem =
                profileAzure(scratch, companions != nullptr ? &entry.companions : nullptr);
        }
        entry.binS = scratch.binS;
        entry.binCounts = std::move(scratch.binCounts);
        entry.arrivals = scratch.arrivals;
        profileCache().store(entry);
    }
    spec.binS = entry.binS;
    spec.binCounts = std::move(entry.binCounts);
    spec.arrivals = entry.arrivals;
    if (companions != nullptr) {
        *companions = std::move(entry.companions);
    }
    return entry.problem;
}

std::optional<TraceProblem> TraceProfiler::profileAzure(TraceReplaySpec& spec,
                                                        TraceCompanions* companions) {
    using File = TraceProblem::File;
    AzureMinuteCounts counts;
    {
        std::ifstream in;
        if (const auto reason = openRegularFile(spec.resolvedPath, in)) {
            return TraceProblem{File::Trace, cannotOpen(spec.file, spec.resolvedPath, *reason)};
        }
        const AzureFunctionSelection selection{spec.hashes, spec.trigger, spec.topN};
        if (const auto error = readAzureInvocationCounts(in, selection, counts)) {
            return TraceProblem{File::Trace, where(spec.file, *error)};
        }
    }
    if (counts.total == 0) {
        return TraceProblem{File::Trace, "trace file \"" + spec.file +
                                             "\": the selected functions have no invocations"};
    }
    spec.binS = 60.0;
    spec.binCounts = std::move(counts.perMinute);
    spec.arrivals = counts.total;

    if (!spec.durationsFile.empty()) {
        std::ifstream in;
        if (const auto reason = openRegularFile(spec.durationsResolvedPath, in)) {
            return TraceProblem{File::Durations, cannotOpen(spec.durationsFile,
                                                            spec.durationsResolvedPath, *reason)};
        }
        std::vector<AzureFunctionDurations> durations;
        if (const auto error = readAzureFunctionDurations(in, counts.selectedHashes, durations)) {
            return TraceProblem{File::Durations, where(spec.durationsFile, *error)};
        }
        if (companions != nullptr) {
            companions->serviceTimeSamplesS =
                azureServiceTimeQuantilesS(durations, ServiceTimeSamples);
        }
    }
    if (!spec.memoryFile.empty()) {
        std::ifstream in;
        if (const auto reason = openRegularFile(spec.memoryResolvedPath, in)) {
            return TraceProblem{File::Memory,
                                cannotOpen(spec.memoryFile, spec.memoryResolvedPath, *reason)};
        }
        std::vector<AzureAppMemory> apps;
        if (const auto error = readAzureAppMemory(in, counts.selectedApps, apps)) {
            return TraceProblem{File::Memory, where(spec.memoryFile, *error)};
        }
        if (companions != nullptr) {
            companions->memoryMb = azureWeightedAverageMemoryMb(apps);
        }
    }
    return std::nullopt;
}

std::optional<std::string> TraceProfiler::profileTimestamps(TraceReplaySpec& spec) {
    std::ifstream in;
    if (const auto reason = openRegularFile(spec.resolvedPath, in)) {
        return cannotOpen(spec.file, spec.resolvedPath, *reason);
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
