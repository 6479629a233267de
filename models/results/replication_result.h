#pragma once

#include "models/results/metric_values.h"
#include "models/results/named_metrics.h"
#include "models/results/time_series.h"
#include "simulator/latency_histogram.h"

#include <cstdint>
#include <vector>

namespace faaslab {

// What one architecture produced in one replication.
struct ReplicationResult {
    MetricValues metrics;
    TimeSeries series;
    // Latency of the completed requests (not of those that timed out or
    // failed): what the latency CDF shows.
    sim::LatencyHistogram completedLatency;
    std::uint64_t eventsProcessed = 0;
    // Applications only: the parts, each with its own metrics.
    std::vector<NamedMetrics> functions;
    std::vector<NamedMetrics> triggers;
    std::vector<NamedMetrics> queues;
};

} // namespace faaslab
