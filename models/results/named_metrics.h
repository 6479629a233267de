#pragma once

#include "models/results/metric_values.h"

#include <string>

namespace faaslab {

// The metrics of one named part of an application: a function, a trigger
// or a queue (see docs/results-format.md for the keys of each).
struct NamedMetrics {
    std::string name;
    MetricValues metrics;
    bool operator==(const NamedMetrics&) const = default;
};

} // namespace faaslab
