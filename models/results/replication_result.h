#pragma once

#include "models/results/metric_values.h"
#include "models/results/time_series.h"
#include "simulator/latency_histogram.h"

#include <cstdint>

namespace faaslab {

// What one architecture produced in one replication.
struct ReplicationResult {
    MetricValues metrics;
    TimeSeries series;
    sim::LatencyHistogram latency;
    std::uint64_t eventsProcessed = 0;
};

} // namespace faaslab
