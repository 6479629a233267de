#pragma once

#include "models/results/metric_values.h"
#include "simulator/latency_histogram.h"

#include <cstdint>

namespace faaslab {

// Metric keys of the parts of an application (results "functions",
// "triggers" and "queues"); defined here once, written by toMetrics().
namespace part_metric {
inline constexpr std::string_view Invocations = "invocations";
inline constexpr std::string_view Completed = "completed";
inline constexpr std::string_view ColdStarts = "cold_starts";
inline constexpr std::string_view ColdStartProbability = "cold_start_probability";
inline constexpr std::string_view Throttles = "throttles";
inline constexpr std::string_view TimedOut = "timed_out";
inline constexpr std::string_view Retries = "retries";
inline constexpr std::string_view LatencyMean = "latency_s.mean";
inline constexpr std::string_view LatencyP50 = "latency_s.p50";
inline constexpr std::string_view LatencyP95 = "latency_s.p95";
inline constexpr std::string_view LatencyP99 = "latency_s.p99";
inline constexpr std::string_view LatencyMax = "latency_s.max";
inline constexpr std::string_view InstancesMean = "instances.mean";
inline constexpr std::string_view CostTotal = "cost.total";
inline constexpr std::string_view RequestsArrived = "requests.arrived";
inline constexpr std::string_view RequestsCompleted = "requests.completed";
inline constexpr std::string_view RequestsFailed = "requests.failed";
inline constexpr std::string_view RequestsRejected = "requests.rejected";
inline constexpr std::string_view MessagesSent = "messages.sent";
inline constexpr std::string_view MessagesReceived = "messages.received";
inline constexpr std::string_view MessagesDeadLettered = "messages.dead_lettered";
inline constexpr std::string_view Batches = "batches";
inline constexpr std::string_view BatchSizeMean = "batch_size.mean";
inline constexpr std::string_view WaitMean = "wait_s.mean";
inline constexpr std::string_view BacklogMean = "backlog.mean";
} // namespace part_metric

// Latencies of the requests or invocations of one part: mean, percentiles.
class LatencySummary {
public:
    void add(double seconds) {
        m_sum += seconds;
        m_histogram.add(seconds);
    }
    void reset() {
        m_sum = 0.0;
        m_histogram.reset();
    }
    void write(MetricValues& m) const;

private:
    double m_sum = 0.0;
    sim::LatencyHistogram m_histogram;
};

// One function's invocations, counted when submitted in the measured window
// and followed to their end.
struct FunctionStatistics {
    std::uint64_t invocations = 0;
    std::uint64_t completed = 0;
    std::uint64_t coldStarts = 0;
    std::uint64_t throttles = 0;
    std::uint64_t timedOut = 0;
    std::uint64_t retries = 0;
    LatencySummary latency;
    // CPU work (service time, s) of the invocations that ran: what a shared
    // fleet's cost is split by.
    double workS = 0.0;

    void reset() { *this = FunctionStatistics{}; }
    MetricValues toMetrics() const;
};

// The requests (jobs) one trigger started in the measured window, with
// their end-to-end latency: from the trigger to the end of the last
// invocation they caused.
struct TriggerStatistics {
    std::uint64_t arrived = 0;
    std::uint64_t completed = 0;
    std::uint64_t failed = 0;
    std::uint64_t rejected = 0;
    LatencySummary latency;

    void reset() { *this = TriggerStatistics{}; }
    MetricValues toMetrics() const;
};

// One queue's traffic in the measured window and its time-average backlog
// (messages waiting to be received).
struct QueueStatistics {
    std::uint64_t sent = 0;
    std::uint64_t received = 0;
    std::uint64_t deadLettered = 0;
    std::uint64_t batches = 0;
    double waitSum = 0.0; // from becoming visible to being received
    double backlogIntegral = 0.0;

    void reset() { *this = QueueStatistics{}; }
    MetricValues toMetrics(double windowLength) const;
};

} // namespace faaslab
