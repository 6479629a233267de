#include "models/billing/container_pricing.h"

#include "models/billing/billing_rounding.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

ContainerUsage& ContainerUsage::operator+=(const ContainerUsage& other) {
    vcpuSeconds += other.vcpuSeconds;
    gibSeconds += other.gibSeconds;
    idleVcpuSeconds += other.idleVcpuSeconds;
    idleGibSeconds += other.idleGibSeconds;
    requests += other.requests;
    return *this;
}

ContainerUsage ContainerUsage::scaled(double factor) const {
    return ContainerUsage{vcpuSeconds * factor, gibSeconds * factor, idleVcpuSeconds * factor,
                          idleGibSeconds * factor, requests * factor};
}

double ContainerPricing::billedSeconds(double duration, bool startedInWindow) const {
    double billed = granularityS > 0.0 ? roundUpSeconds(duration, granularityS) : duration;
    if (startedInWindow) {
        billed = std::max(billed, minimumPerStartS);
    }
    return billed;
}

CostBreakdown ContainerPricing::monthCost(const ContainerUsage& usage) const {
    const ContainerFreeTier free = applyFreeTier ? freeTier : ContainerFreeTier{};
    CostBreakdown cost;
    cost.add("cpu", std::max(0.0, usage.vcpuSeconds - free.vcpuSeconds) * perVcpuSecond);
    cost.add("memory", std::max(0.0, usage.gibSeconds - free.gibSeconds) * perGibSecond);
    cost.add("requests", std::max(0.0, usage.requests - free.requests) * perRequest);
    cost.add("idle",
             usage.idleVcpuSeconds * idlePerVcpuSecond + usage.idleGibSeconds * idlePerGibSecond);
    return cost;
}

std::string_view containerBillingName(ContainerBilling billing) {
    return billing == ContainerBilling::RequestBased ? "request_based" : "instance_based";
}

} // namespace faaslab
