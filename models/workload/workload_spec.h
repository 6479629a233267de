#pragma once

#include "models/workload/arrival_spec.h"
#include "models/workload/distribution_spec.h"

#include <optional>

namespace faaslab {

// The traffic and the function every architecture is asked to serve.
struct WorkloadSpec {
    ArrivalSpec arrivals;
    // Execution time of one request at full speed (seconds).
    DistributionSpec serviceTimeS = DistributionSpec::exponential(0.2);
    // Memory the function is configured with (MB); FaaS bills by it.
    double memoryMb = 512.0;
    // Optional waiting on downstream services per request (see Request).
    std::optional<DistributionSpec> ioWaitS;

    bool operator==(const WorkloadSpec&) const = default;
};

} // namespace faaslab
