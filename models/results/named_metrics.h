#pragma once

#include "models/results/metric_values.h"

#include <string>

namespace faaslab {

// The metrics of one named part of an application: a function, a trigger
// or a queue (see docs/results-format.md for the keys of each).
struct NamedMetrics {
    std::string name;
    MetricValues metrics;
    // 95 % Student-t half-widths of the means over replications (empty for
    // one replication; never for counts' maxima).
    MetricValues ci95;
    bool operator==(const NamedMetrics&) const = default;
};

} // namespace faaslab
