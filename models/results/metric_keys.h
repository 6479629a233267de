#pragma once

#include <span>
#include <string_view>

namespace faaslab {

// The one definition of every result metric: its key in the results files,
// how a table labels it, its unit and what it means. The CLI table, the CSV
// header, the GUI cards and the docs all read from here.
struct MetricInfo {
    std::string_view key;
    std::string_view label;
    std::string_view unit;
    std::string_view meaning;
};

namespace metric {
inline constexpr std::string_view Arrived = "requests.arrived";
inline constexpr std::string_view Completed = "requests.completed";
inline constexpr std::string_view Rejected = "requests.rejected";
inline constexpr std::string_view TimedOut = "requests.timed_out";
inline constexpr std::string_view ColdStarts = "requests.cold_starts";
inline constexpr std::string_view ColdStartProbability = "cold_start_probability";
inline constexpr std::string_view RejectionProbability = "rejection_probability";
inline constexpr std::string_view TimeoutProbability = "timeout_probability";
inline constexpr std::string_view Throughput = "throughput_per_s";
inline constexpr std::string_view LatencyMean = "latency_s.mean";
inline constexpr std::string_view LatencyP50 = "latency_s.p50";
inline constexpr std::string_view LatencyP95 = "latency_s.p95";
inline constexpr std::string_view LatencyP99 = "latency_s.p99";
inline constexpr std::string_view LatencyP999 = "latency_s.p999";
inline constexpr std::string_view LatencyMax = "latency_s.max";
inline constexpr std::string_view WaitMean = "wait_s.mean";
inline constexpr std::string_view WaitMax = "wait_s.max";
inline constexpr std::string_view WaitProbability = "wait_probability";
inline constexpr std::string_view InstancesMean = "instances.mean";
inline constexpr std::string_view InstancesMax = "instances.max";
inline constexpr std::string_view InstancesBusyMean = "instances.busy_mean";
inline constexpr std::string_view InstancesIdleMean = "instances.idle_mean";
inline constexpr std::string_view QueueLengthMean = "queue.mean_length";
inline constexpr std::string_view Utilization = "utilization";
// Serverless only: memory-time of idle instances (see PlatformMetrics).
inline constexpr std::string_view IdleMemoryGbS = "idle_memory.gb_s";
inline constexpr std::string_view IdleMemoryGbSPerRequest = "idle_memory.gb_s_per_request";
inline constexpr std::string_view CostTotal = "cost.total";
inline constexpr std::string_view CostPerMillion = "cost.per_million_requests";
inline constexpr std::string_view CostMonthly = "cost.monthly_projection";
inline constexpr std::string_view CostBreakdownPrefix = "cost.breakdown.";
inline constexpr std::string_view CostMonthlyBreakdownPrefix = "cost.monthly_breakdown.";
} // namespace metric

// Every fixed metric, in presentation order.
std::span<const MetricInfo> metricCatalog();
// The entry for `key`, or nullptr (breakdown keys are platform-specific and
// not listed).
const MetricInfo* findMetric(std::string_view key);

} // namespace faaslab
