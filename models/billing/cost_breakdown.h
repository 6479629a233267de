#pragma once

#include <string>
#include <vector>

namespace faaslab {

// Cost split into named components ("requests", "compute", ...). The order
// is the platform's presentation order.
struct CostItem {
    std::string key;
    double amount = 0.0;
    bool operator==(const CostItem&) const = default;
};

struct CostBreakdown {
    std::vector<CostItem> items;

    double total() const;
    void add(const std::string& key, double amount);
    CostBreakdown& operator+=(const CostBreakdown& other);
    bool operator==(const CostBreakdown&) const = default;
};

// Billing periods are 30-day months of simulated time, counted from the start
// of the measured window: free-tier allowances and tier thresholds restart at
// each one.
inline constexpr double BillingMonthSeconds = 30.0 * 86400.0;

} // namespace faaslab
