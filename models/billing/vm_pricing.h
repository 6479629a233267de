#pragma once

#include "models/billing/cost_breakdown.h"
#include "models/billing/price_list_info.h"

#include <string>

namespace faaslab {

// An instance type's on-demand price, as a VM fleet is billed: each VM's
// life from launch to termination, rounded up to `granularityS` (1 s on AWS
// and Google for Linux, 3600 s where whole hours are billed), at least
// `minimumPerStartS` from each launch, at `perHour`, less a reserved /
// savings-plan discount.
struct VmPricing {
    PriceListInfo info;

    std::string instanceType;
    int vcpu = 0;          // of the instance type (0: not stated)
    double memoryMb = 0.0; // of the instance type (0: not stated)
    double perHour = 0.0;
    double granularityS = 1.0;
    double minimumPerStartS = 60.0;
    double discountPercent = 0.0;

    double billedSeconds(double lifetime, bool startedInWindow) const;
    double pricePerSecond() const { return perHour / 3600.0 * (1.0 - discountPercent / 100.0); }
    // Component: "instances".
    CostBreakdown cost(double billedInstanceSeconds) const;

    bool operator==(const VmPricing&) const = default;
};

} // namespace faaslab
