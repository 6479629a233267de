#pragma once

#include "models/results/replication_result.h"
#include "models/results/scenario_results.h"
#include "models/runner/work_in_flight_error.h"
#include "models/scenario/scenario.h"
#include "simulator/event_queue.h"

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

// Bounds on what one replication may hold in memory.
struct ReplicationLimits {
    // Time-series bins; narrower bins are widened to fit (see MeasurementWindow).
    std::size_t maxTimeSeriesBins = 5000;
    // Events pending at once: work in flight, timers, invocations waiting for
    // a retry. Beyond it the replication throws WorkInFlightError.
    std::size_t maxPendingEvents = sim::EventQueue::MaxPending;
};

struct RunOptions {
    // Worker threads; 0 uses every core. The results do not depend on it.
    int threads = 0;
    // Called on the calling thread about ten times a second while running.
    std::function<void(const RunProgressReport&)> progress;
    // Set from any thread to stop; the run then returns Cancelled promptly.
    const std::atomic<bool>* cancel = nullptr;
    ReplicationLimits limits;
};

enum class RunStatus { Completed, Cancelled };

struct RunOutput {
    RunStatus status = RunStatus::Completed;
    ScenarioResults results; // complete only when status is Completed
};

// Runs one replication of one architecture: the unit of work everything else
// is built from. Deterministic: depends only on its arguments. Throws
// WorkInFlightError when the model outgrows `limits.maxPendingEvents`.
ReplicationResult runReplication(const Scenario& scenario, std::size_t architecture,
                                 int replication, const std::atomic<bool>* cancel = nullptr,
                                 const std::function<void(double)>& progress = {},
                                 const ReplicationLimits& limits = {}, bool* cancelled = nullptr);

// Runs every (architecture, replication) pair of a scenario on a pool of
// threads and combines them: means with 95 % confidence half-widths across
// replications, per-bin mean time series, pooled latency CDF. Results are
// identical whatever the number of threads. The first replication that
// throws stops the others at once, and its exception is rethrown.
RunOutput runScenario(const Scenario& scenario, const RunOptions& options = {});

std::string softwareVersion();

} // namespace faaslab
