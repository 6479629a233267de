#include "models/billing/vm_pricing.h"

#include "models/billing/billing_rounding.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

double VmPricing::billedSeconds(double lifetime, bool startedInWindow) const {
    double billed = roundUpSeconds(lifetime, granularityS);
    if (startedInWindow) {
        billed = std::max(billed, minimumPerStartS);
    }
    return billed;
}

CostBreakdown VmPricing::cost(double billedInstanceSeconds) const {
    CostBreakdown c;
    c.add("instances", billedInstanceSeconds * pricePerSecond());
    return c;
}

} // namespace faaslab
