#include "models/billing/cost_breakdown.h"

namespace faaslab {

double CostBreakdown::total() const {
    double sum = 0.0;
    for (const CostItem& item : items) {
        sum += item.amount;
    }
    return sum;
}

void CostBreakdown::add(const std::string& key, double amount) {
    for (CostItem& item : items) {
        if (item.key == key) {
            item.amount += amount;
            return;
        }
    }
    items.push_back(CostItem{key, amount});
}

CostBreakdown& CostBreakdown::operator+=(const CostBreakdown& other) {
    for (const CostItem& item : other.items) {
        add(item.key, item.amount);
    }
    return *this;
}

} // namespace faaslab
