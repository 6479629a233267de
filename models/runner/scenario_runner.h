#pragma once

#include "models/results/replication_result.h"
#include "models/results/scenario_results.h"
#include "models/scenario/scenario.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace faaslab {

struct RunProgressReport {
    double fraction = 0.0; // 0..1 over all jobs
    int jobsDone = 0;
    int jobsTotal = 0;
    std::uint64_t eventsProcessed = 0;
};

struct RunOptions {
    // Worker threads; 0 uses every core. The results do not depend on it.
    int threads = 0;
    // Called on the calling thread about ten times a second while running.
    std::function<void(const RunProgressReport&)> progress;
    // Set from any thread to stop; the run then returns Cancelled promptly.
    const std::atomic<bool>* cancel = nullptr;
    std::size_t maxTimeSeriesBins = 5000;
};

enum class RunStatus { Completed, Cancelled };

struct RunOutput {
    RunStatus status = RunStatus::Completed;
    ScenarioResults results; // complete only when status is Completed
};

// Runs one replication of one architecture: the unit of work everything else
// is built from. Deterministic: depends only on its arguments.
ReplicationResult runReplication(const Scenario& scenario, std::size_t architecture,
                                 int replication, const std::atomic<bool>* cancel = nullptr,
                                 const std::function<void(double)>& progress = {},
                                 std::size_t maxTimeSeriesBins = 5000, bool* cancelled = nullptr);

// Runs every (architecture, replication) pair of a scenario on a pool of
// threads and combines them: means with 95 % confidence half-widths across
// replications, per-bin mean time series, pooled latency CDF. Results are
// identical whatever the number of threads.
RunOutput runScenario(const Scenario& scenario, const RunOptions& options = {});

std::string softwareVersion();

} // namespace faaslab
