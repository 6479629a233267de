#pragma once

#include "models/results/metric_values.h"
#include "models/results/named_metrics.h"
#include "models/results/time_series.h"

#include <string>
#include <utility>
#include <vector>

namespace faaslab {

// Where an architecture's prices came from, carried into the results so a
// report can cite them.
struct PricingProvenance {
    std::string presetId; // empty for inline prices
    std::string provider;
    std::string product;
    std::string sourceUrl;
    std::string asOf;
    bool operator==(const PricingProvenance&) const = default;
};

// One architecture's results over all replications: each metric is the mean
// of its per-replication values, with the 95 % Student-t half-width when
// there are at least two replications.
struct ArchitectureResults {
    std::string name;
    std::string type; // "serverless", ...
    int replications = 0;
    MetricValues mean;
    MetricValues ci95; // empty for a single replication
    // Per-bin means over replications.
    TimeSeries series;
    // Latency CDF of the completed requests of all replications pooled:
    // (seconds, fraction of the completed requests <= seconds). Requests
    // that timed out or failed are not in it; scale by completed / arrived
    // for the share of all requests.
    std::vector<std::pair<double, double>> latencyCdf;
    PricingProvenance pricing;
    // Applications only: per-function, per-trigger and per-queue metrics,
    // each the mean over replications.
    std::vector<NamedMetrics> functions;
    std::vector<NamedMetrics> triggers;
    std::vector<NamedMetrics> queues;
    bool operator==(const ArchitectureResults&) const = default;
};

} // namespace faaslab
