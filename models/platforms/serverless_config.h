#pragma once

#include "models/billing/serverless_pricing.h"
#include "models/platforms/instance_selection.h"
#include "models/platforms/keep_alive_policy.h"
#include "models/workload/distribution_spec.h"

namespace faaslab {

// Settings of a FaaS offering (AWS Lambda, Azure Functions, Google Cloud
// Functions ...), as a scenario gives them. Validated when read; the platform
// trusts them.
struct ServerlessConfig {
    // Delay before a new instance can run its first request.
    DistributionSpec coldStartS = DistributionSpec::deterministic(0.0);
    // An idle instance is terminated this long after its last request ended
    // (the fixed policy; the hybrid policy's fallback).
    double keepAliveS = 600.0;
    KeepAlivePolicy keepAlivePolicy;
    // Instances alive at once (provisioned included); beyond, requests are
    // throttled (rejected, like HTTP 429), never queued.
    int maxInstances = 1000;
    // Instances started warm at time 0 that never expire.
    int provisionedInstances = 0;
    int concurrencyPerInstance = 1;
    InstanceSelection instanceSelection = InstanceSelection::MostRecentlyUsed;
    // Executions longer than this are killed at the timeout and billed to it.
    double timeoutS = 900.0;
    ServerlessPricing pricing;

    bool operator==(const ServerlessConfig&) const = default;
};

} // namespace faaslab
