#include "models/results/metric_keys.h"

#include <array>

namespace faaslab {

namespace {

using namespace metric;

constexpr std::array Catalog{
    MetricInfo{Arrived, "Requests arrived", "", "Requests that arrived in the measured window"},
    MetricInfo{Completed, "Requests completed", "", "Arrived requests that finished successfully"},
    MetricInfo{Rejected, "Requests rejected", "",
               "Arrived requests turned away (throttled, queue full or queue timeout)"},
    MetricInfo{TimedOut, "Requests timed out", "",
               "Arrived requests killed at the execution timeout"},
    MetricInfo{ColdStarts, "Cold starts", "",
               "Arrived requests that waited for a new instance to start"},
    MetricInfo{ColdStartProbability, "Cold starts", "%", "Cold starts / arrived requests"},
    MetricInfo{RejectionProbability, "Rejected", "%", "Rejected / arrived requests"},
    MetricInfo{TimeoutProbability, "Timed out", "%", "Timed out / arrived requests"},
    MetricInfo{Throughput, "Throughput", "req/s",
               "Requests served (completed or timed out) per second of the window"},
    MetricInfo{LatencyMean, "Latency mean", "s",
               "Mean time from arrival to the end of execution, over served requests"},
    MetricInfo{LatencyP50, "Latency p50", "s", "Median latency"},
    MetricInfo{LatencyP95, "Latency p95", "s", "95th percentile of latency"},
    MetricInfo{LatencyP99, "Latency p99", "s", "99th percentile of latency"},
    MetricInfo{LatencyP999, "Latency p99.9", "s", "99.9th percentile of latency"},
    MetricInfo{LatencyMax, "Latency max", "s", "Largest latency observed"},
    MetricInfo{WaitMean, "Wait mean", "s",
               "Mean time served requests spent queued for capacity (0 when nothing queues)"},
    MetricInfo{WaitMax, "Wait max", "s", "Longest time a served request spent queued"},
    MetricInfo{WaitProbability, "Waited", "%", "Served requests that had to queue / served"},
    MetricInfo{InstancesMean, "Instances (mean)", "", "Time-average number of live instances"},
    MetricInfo{InstancesMax, "Instances (max)", "", "Largest number of live instances"},
    MetricInfo{InstancesBusyMean, "Busy instances (mean)", "",
               "Time-average number of instances serving at least one request"},
    MetricInfo{InstancesIdleMean, "Idle instances (mean)", "",
               "Time-average number of live instances serving nothing"},
    MetricInfo{QueueLengthMean, "Queue length (mean)", "",
               "Time-average number of requests waiting for capacity"},
    MetricInfo{Utilization, "Utilization", "%",
               "Time-average capacity in use / time-average capacity alive"},
    MetricInfo{IdleMemoryGbS, "Idle memory-time", "GB-s",
               "Serverless: memory of live instances serving nothing, integrated over the window"},
    MetricInfo{IdleMemoryGbSPerRequest, "Idle memory-time per request", "GB-s",
               "Serverless: idle memory-time / arrived requests (what keep-alive spends)"},
    MetricInfo{CostTotal, "Cost (window)", "USD", "Cost of the measured window"},
    MetricInfo{CostPerMillion, "Cost per 1M requests", "USD",
               "Window cost per million served requests"},
    MetricInfo{CostMonthly, "Cost per 30 days", "USD",
               "Window usage rate projected to a 30-day month and priced"},
};

} // namespace

std::span<const MetricInfo> metricCatalog() {
    return Catalog;
}

const MetricInfo* findMetric(std::string_view key) {
    for (const MetricInfo& info : Catalog) {
        if (info.key == key) {
            return &info;
        }
    }
    return nullptr;
}

} // namespace faaslab
