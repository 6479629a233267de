#pragma once

#include "models/billing/container_pricing.h"
#include "models/workload/distribution_spec.h"

namespace faaslab {

// The autoscaler of a serverless container service (Knative / Cloud Run /
// Azure Container Apps style), evaluated every `intervalS`.
struct ContainerAutoscaler {
    double intervalS = 2.0;
    // Observed concurrency is averaged over this trailing window.
    double windowS = 60.0;
    // Desired instances = ceil(concurrency / (target x concurrency_per_instance)).
    double targetUtilization = 0.7;
    // Scale down only to the largest desired count of this trailing period.
    double scaleDownDelayS = 60.0;
    // Optional second signal (0: off), as Cloud Run also scales on CPU:
    // desired is at least ceil(busy vCPUs / (cpu target x vcpu)).
    double cpuTargetUtilization = 0.0;
    bool operator==(const ContainerAutoscaler&) const = default;
};

// Settings of a serverless container service or a Kubernetes deployment.
struct ContainerConfig {
    double vcpu = 1.0;
    double memoryMb = 512.0;
    int concurrencyPerInstance = 80;
    // A request waiting at the front door longer than this is rejected.
    double queueTimeoutS = 60.0;
    // min = max is a fixed fleet; min 0 scales to zero.
    int minInstances = 0;
    int maxInstances = 100;
    // Time from the decision to start an instance to it taking requests.
    DistributionSpec startupS = DistributionSpec::deterministic(5.0);
    ContainerAutoscaler autoscaler;
    ContainerPricing pricing;

    bool operator==(const ContainerConfig&) const = default;
};

} // namespace faaslab
