#include "models/billing/serverless_billing_meter.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

ServerlessBillingMeter::ServerlessBillingMeter(const ServerlessPricing& pricing, double memoryMb,
                                               int provisionedInstances)
    : m_pricing(pricing)
    , m_memoryMb(pricing.billedMemoryMb(memoryMb))
    , m_gb(m_memoryMb / 1024.0)
    , m_ghz(pricing.cpuGhz(memoryMb))
    , m_unitsPerSecond(1.0 / pricing.granularityS)
    , m_minimumUnits(pricing.minimumUnits())
    , m_provisioned(provisionedInstances) {
    startWindow(0.0);
}

void ServerlessBillingMeter::startWindow(double time) {
    m_windowStart = time;
    m_monthStart = time;
    m_monthEnd = time + BillingMonthSeconds;
    m_month = MonthCounters{};
    m_closedMonths = CostBreakdown{};
    m_totalUsage = ServerlessUsage{};
    m_total = CostBreakdown{};
}

ServerlessUsage ServerlessBillingMeter::usageOf(const MonthCounters& counters,
                                                double provisionedSeconds) const {
    const double g = m_pricing.granularityS;
    ServerlessUsage usage;
    usage.requests = static_cast<double>(counters.requests);
    usage.gbSeconds = static_cast<double>(counters.onDemandUnits) * g * m_gb;
    usage.ghzSeconds = static_cast<double>(counters.onDemandUnits) * g * m_ghz;
    usage.provisionedExecutionGbSeconds = static_cast<double>(counters.provisionedUnits) * g * m_gb;
    if (m_pricing.provisionedGranularityS > 0.0 && provisionedSeconds > 0.0) {
        const double step = m_pricing.provisionedGranularityS;
        provisionedSeconds = roundUpSeconds(provisionedSeconds, step);
    }
    usage.provisionedGbSeconds = m_provisioned * m_gb * provisionedSeconds;
    return usage;
}

void ServerlessBillingMeter::closeMonth(double end) {
    const ServerlessUsage usage = usageOf(m_month, end - m_monthStart);
    m_closedMonths += m_pricing.monthCost(usage);
    m_totalUsage += usage;
    m_month = MonthCounters{};
    m_monthStart = end;
    m_monthEnd = end + BillingMonthSeconds;
}

void ServerlessBillingMeter::rollMonthsTo(double time) {
    while (time >= m_monthEnd) {
        closeMonth(m_monthEnd);
    }
}

void ServerlessBillingMeter::endWindow(double time) {
    rollMonthsTo(time);
    if (time > m_monthStart || m_month.requests > 0) {
        closeMonth(time);
    }
    m_windowLength = time - m_windowStart;
    m_total = m_closedMonths;
    // Keep the component list complete even for an empty window.
    if (m_total.items.empty()) {
        m_total = m_pricing.monthCost(ServerlessUsage{});
    }
}

double ServerlessBillingMeter::costSoFar(double time) {
    if (time >= m_monthEnd) {
        rollMonthsTo(time);
    }
    const ServerlessUsage current = usageOf(m_month, std::max(0.0, time - m_monthStart));
    return m_closedMonths.total() + m_pricing.monthCost(current).total();
}

CostBreakdown ServerlessBillingMeter::monthlyProjection() const {
    if (m_windowLength <= 0.0) {
        return m_pricing.monthCost(ServerlessUsage{});
    }
    return m_pricing.monthCost(m_totalUsage.scaled(BillingMonthSeconds / m_windowLength));
}

} // namespace faaslab
