#pragma once

#include "models/billing/vm_pricing.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace faaslab {

// Bills the lives of the VMs of a fleet inside the measured window. A VM
// already running when the window starts is billed from the start of the
// window without the minimum per start; VMs still running at the end of the
// window are billed up to it.
class VmBillingMeter {
public:
    explicit VmBillingMeter(const VmPricing& pricing)
        : m_pricing(pricing) {}

    void startWindow(double time);
    void endWindow(double time);
    void vmLaunched(std::uint32_t slot, double time);
    void vmTerminated(std::uint32_t slot, double time);

    double costSoFar(double time) const;
    CostBreakdown total() const { return m_pricing.cost(m_billedSeconds); }
    CostBreakdown monthlyProjection() const;
    double billedInstanceSeconds() const { return m_billedSeconds; }

private:
    static constexpr double NotRunning = std::numeric_limits<double>::quiet_NaN();
    double billed(double launched, double until) const;

    VmPricing m_pricing;
    double m_windowStart = 0.0;
    double m_windowEnd = std::numeric_limits<double>::infinity();
    bool m_windowOpen = false;
    std::vector<double> m_launched;
    double m_billedSeconds = 0.0;
};

} // namespace faaslab
