#pragma once

#include "models/billing/serverless_pricing.h"

#include <cstdint>

namespace faaslab {

// Turns one function's invocations into billed usage and cost, month by
// month, as a FaaS provider's meter would.
//
// Billed durations are accumulated as whole granularity units in 64-bit
// integers, so a month of billions of 1 ms invocations adds up exactly; they
// become GB-seconds only when a month is priced. An invocation is charged to
// the month in which it started. Provisioned instances are charged for the
// whole measured window.
class ServerlessBillingMeter {
public:
    ServerlessBillingMeter(const ServerlessPricing& pricing, double memoryMb,
                           int provisionedInstances);

    // The measured window: usage before `startWindow` is not charged.
    void startWindow(double time);
    void endWindow(double time);

    // One invocation starting at `time`: `executionS` of handler time and,
    // for a cold start, `initS` of initialisation (charged when the pricing
    // bills init).
    void chargeInvocation(double time, double executionS, double initS, bool onProvisioned) {
        if (time >= m_monthEnd) {
            rollMonthsTo(time);
        }
        ++m_month.requests;
        const double duration = m_pricing.billInit ? executionS + initS : executionS;
        const std::uint64_t units =
            ServerlessPricing::roundUpUnits(duration * m_unitsPerSecond, m_minimumUnits);
        if (onProvisioned) {
            m_month.provisionedUnits += units;
        } else {
            m_month.onDemandUnits += units;
        }
    }

    // Cost accrued from the window start to `time` (not before the last
    // charge), for the cumulative-cost time series.
    double costSoFar(double time);

    // After endWindow(): the whole window, and the same usage rate projected
    // to one 30-day month (one free-tier allowance, tiers applied to the
    // monthly volume).
    const CostBreakdown& total() const { return m_total; }
    CostBreakdown monthlyProjection() const;
    const ServerlessUsage& totalUsage() const { return m_totalUsage; }

    double billedMemoryMb() const { return m_memoryMb; }

private:
    struct MonthCounters {
        std::uint64_t requests = 0;
        std::uint64_t onDemandUnits = 0;
        std::uint64_t provisionedUnits = 0;
    };

    ServerlessUsage usageOf(const MonthCounters& counters, double provisionedSeconds) const;
    void rollMonthsTo(double time);
    void closeMonth(double end);

    ServerlessPricing m_pricing;
    double m_memoryMb = 0.0;
    double m_gb = 0.0;
    double m_ghz = 0.0;
    double m_unitsPerSecond = 0.0;
    std::uint64_t m_minimumUnits = 0;
    int m_provisioned = 0;

    double m_windowStart = 0.0;
    double m_windowLength = 0.0;
    double m_monthStart = 0.0;
    double m_monthEnd = 0.0;
    MonthCounters m_month;
    CostBreakdown m_closedMonths;
    CostBreakdown m_total;
    ServerlessUsage m_totalUsage;
};

} // namespace faaslab
