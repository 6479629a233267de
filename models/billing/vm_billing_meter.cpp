#include "models/billing/vm_billing_meter.h"

#include "models/billing/cost_breakdown.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

void VmBillingMeter::startWindow(double time) {
    m_windowStart = time;
    m_windowEnd = std::numeric_limits<double>::infinity();
    m_windowOpen = true;
    m_billedSeconds = 0.0;
}

double VmBillingMeter::billed(double launched, double until) const {
    const double begin = std::max(launched, m_windowStart);
    const double end = std::min(until, m_windowEnd);
    if (!m_windowOpen || end <= begin) {
        return 0.0;
    }
    return m_pricing.billedSeconds(end - begin, launched >= m_windowStart);
}

void VmBillingMeter::vmLaunched(std::uint32_t slot, double time) {
    if (slot >= m_launched.size()) {
        m_launched.resize(slot + 1, NotRunning);
    }
    m_launched[slot] = time;
}

void VmBillingMeter::vmTerminated(std::uint32_t slot, double time) {
    if (slot < m_launched.size() && !std::isnan(m_launched[slot])) {
        m_billedSeconds += billed(m_launched[slot], time);
        m_launched[slot] = NotRunning;
    }
}

void VmBillingMeter::endWindow(double time) {
    m_windowEnd = time;
    for (double launched : m_launched) {
        if (!std::isnan(launched)) {
            m_billedSeconds += billed(launched, time);
        }
    }
    // Running VMs have been billed to the end of the window; keep their
    // launch times so a termination during the drain adds nothing.
    m_windowOpen = false;
}

double VmBillingMeter::costSoFar(double time) const {
    double seconds = m_billedSeconds;
    if (m_windowOpen) {
        for (double launched : m_launched) {
            if (!std::isnan(launched) && launched < time) {
                seconds += std::max(0.0, time - std::max(launched, m_windowStart));
            }
        }
    }
    return m_pricing.cost(seconds).total();
}

CostBreakdown VmBillingMeter::monthlyProjection() const {
    const double window = m_windowEnd - m_windowStart;
    return m_pricing.cost(window > 0.0 ? m_billedSeconds * BillingMonthSeconds / window : 0.0);
}

} // namespace faaslab
