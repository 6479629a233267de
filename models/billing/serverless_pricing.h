#pragma once

#include "models/billing/billing_rounding.h"
#include "models/billing/cost_breakdown.h"
#include "models/billing/price_list_info.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace faaslab {

// One band of a tiered price: units (e.g. GB-seconds) counted from the start
// of the month up to `upTo` cost `price` each.
struct PriceTier {
    double upTo = std::numeric_limits<double>::infinity();
    double price = 0.0;
    bool operator==(const PriceTier&) const = default;
};

// A memory size a provider offers, with the CPU clock it comes with (Google
// Cloud Functions 1st gen bills GHz-seconds as well as GB-seconds).
struct MemoryTier {
    double memoryMb = 0.0;
    double cpuGhz = 0.0;
    bool operator==(const MemoryTier&) const = default;
};

struct ServerlessFreeTier {
    double requests = 0.0;
    double gbSeconds = 0.0;
    double ghzSeconds = 0.0;
    bool operator==(const ServerlessFreeTier&) const = default;
};

// What a month of FaaS use consists of, in the units prices are quoted in.
struct ServerlessUsage {
    double requests = 0.0;
    double gbSeconds = 0.0;            // billed duration x billed memory, on-demand instances
    double ghzSeconds = 0.0;           // billed duration x CPU clock, where billed
    double provisionedGbSeconds = 0.0; // provisioned capacity kept warm
    double provisionedExecutionGbSeconds = 0.0; // executions on provisioned instances

    ServerlessUsage& operator+=(const ServerlessUsage& other);
    ServerlessUsage scaled(double factor) const;
};

// Per-invocation price list of a FaaS offering (a preset or inline numbers).
// All rules of how a provider rounds and charges live here, so that the
// meter, the projection and the tests share one definition.
struct ServerlessPricing {
    PriceListInfo info;

    double perRequest = 0.0;
    std::vector<PriceTier> perGbSecond{PriceTier{}};
    double perGhzSecond = 0.0;

    // Duration rounding: up to a multiple of `granularityS`, at least
    // `minimumBilledS`.
    double granularityS = 0.001;
    double minimumBilledS = 0.0;

    // Memory rounding: with `memoryTiers`, up to the smallest listed size;
    // otherwise up to a multiple of `memoryIncrementMb`, at least
    // `minimumMemoryMb`. `maximumMemoryMb` (0: none) is what the offering
    // allows; larger functions are rejected when the scenario is read.
    double memoryIncrementMb = 1.0;
    double minimumMemoryMb = 0.0;
    double maximumMemoryMb = 0.0;
    std::vector<MemoryTier> memoryTiers;

    // Whether the initialisation (cold-start) time is billed as duration.
    bool billInit = false;

    // Provisioned concurrency: capacity per GB-second kept warm (time rounded
    // up to `provisionedGranularityS` per month), and the duration rate for
    // executions that run on provisioned instances.
    double provisionedPerGbSecond = 0.0;
    double provisionedExecutionPerGbSecond = 0.0;
    double provisionedGranularityS = 0.0;

    ServerlessFreeTier freeTier;
    // The free tier belongs to an account, not a function, so it is opt-in.
    bool applyFreeTier = false;

    double billedMemoryMb(double configuredMb) const;
    double cpuGhz(double configuredMb) const;
    // Rounded-up billed duration, in whole granularity units, at least the
    // minimum (see billing_rounding.h for the rounding rule).
    std::uint64_t billedUnits(double durationS) const {
        return roundUpUnits(durationS / granularityS, minimumUnits());
    }
    // The same on a duration already expressed in units (the meter
    // multiplies by a precomputed 1 / granularity instead of dividing).
    static std::uint64_t roundUpUnits(double units, std::uint64_t minimum) {
        const std::uint64_t whole = roundUpToUnits(units);
        return whole > minimum ? whole : minimum;
    }
    std::uint64_t minimumUnits() const { return roundUpToUnits(minimumBilledS / granularityS); }
    double billedDurationS(double durationS) const {
        return static_cast<double>(billedUnits(durationS)) * granularityS;
    }
    // Price of `gbSeconds` in one month under the tiers.
    double tieredGbSecondCost(double gbSeconds) const;
    // Cost of one month of usage: free tier (when applied) first, then tiers.
    // Components: "requests", "compute", "provisioned".
    CostBreakdown monthCost(const ServerlessUsage& usage) const;

    bool operator==(const ServerlessPricing&) const = default;
};

} // namespace faaslab
