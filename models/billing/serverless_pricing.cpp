#include "models/billing/serverless_pricing.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

ServerlessUsage& ServerlessUsage::operator+=(const ServerlessUsage& other) {
    requests += other.requests;
    gbSeconds += other.gbSeconds;
    ghzSeconds += other.ghzSeconds;
    provisionedGbSeconds += other.provisionedGbSeconds;
    provisionedExecutionGbSeconds += other.provisionedExecutionGbSeconds;
    return *this;
}

ServerlessUsage ServerlessUsage::scaled(double factor) const {
    return ServerlessUsage{requests * factor, gbSeconds * factor, ghzSeconds * factor,
                           provisionedGbSeconds * factor, provisionedExecutionGbSeconds * factor};
}

double ServerlessPricing::billedMemoryMb(double configuredMb) const {
    if (!memoryTiers.empty()) {
        for (const MemoryTier& tier : memoryTiers) {
            if (tier.memoryMb >= configuredMb) {
                return tier.memoryMb;
            }
        }
        return memoryTiers.back().memoryMb;
    }
    const double increment = memoryIncrementMb > 0.0 ? memoryIncrementMb : 1.0;
    const double rounded = roundUpSeconds(configuredMb, increment); // same rule, in MB
    return std::max(rounded, minimumMemoryMb);
}

double ServerlessPricing::cpuGhz(double configuredMb) const {
    for (const MemoryTier& tier : memoryTiers) {
        if (tier.memoryMb >= configuredMb) {
            return tier.cpuGhz;
        }
    }
    return memoryTiers.empty() ? 0.0 : memoryTiers.back().cpuGhz;
}

double ServerlessPricing::tieredGbSecondCost(double gbSeconds) const {
    double cost = 0.0;
    double lower = 0.0;
    for (const PriceTier& tier : perGbSecond) {
        if (gbSeconds <= lower) {
            break;
        }
        const double inTier = std::min(gbSeconds, tier.upTo) - lower;
        cost += inTier * tier.price;
        lower = tier.upTo;
    }
    return cost;
}

CostBreakdown ServerlessPricing::monthCost(const ServerlessUsage& usage) const {
    const ServerlessFreeTier free = applyFreeTier ? freeTier : ServerlessFreeTier{};
    const double billableRequests = std::max(0.0, usage.requests - free.requests);
    const double billableGbSeconds = std::max(0.0, usage.gbSeconds - free.gbSeconds);
    const double billableGhzSeconds = std::max(0.0, usage.ghzSeconds - free.ghzSeconds);

    CostBreakdown cost;
    cost.add("requests", billableRequests * perRequest);
    cost.add("compute", tieredGbSecondCost(billableGbSeconds) + billableGhzSeconds * perGhzSecond);
    cost.add("provisioned",
             usage.provisionedGbSeconds * provisionedPerGbSecond +
                 usage.provisionedExecutionGbSeconds * provisionedExecutionPerGbSecond);
    return cost;
}

} // namespace faaslab
