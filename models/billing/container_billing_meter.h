#pragma once

#include "models/billing/billing_calendar.h"
#include "models/billing/container_pricing.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace faaslab {

// Bills a fleet of container instances. The platform reports what happens
// (instances start and stop, become busy and idle, serve requests, and how
// many min-instances are idle); the pricing's billing kind decides what of
// it is billed:
//  - request based: each busy period of an instance (from its first request
//    to its last), rounded up to the granularity; idle min-instance time at
//    the idle rates; a fee per request served;
//  - instance based: each instance's life from its start, rounded up, at
//    least the minimum per start; a fee per request if the pricing has one.
// Only usage inside the measured window is billed; periods are clipped to it.
class ContainerBillingMeter {
public:
    ContainerBillingMeter(const ContainerPricing& pricing, double vcpu, double memoryMb);

    void startWindow(double time);
    void endWindow(double time);

    void instanceStarted(std::uint32_t slot, double time);
    void instanceStopped(std::uint32_t slot, double time);
    void busyStarted(std::uint32_t slot, double time);
    void busyEnded(std::uint32_t slot, double time);
    // A request that arrived at `arrival` was served (charged to the month
    // of its arrival, if that lies in the window).
    void requestServed(double arrival);
    // Number of min-instances idle from `time` on (request based only).
    void setIdleMinInstances(double time, int count);

    double costSoFar(double time) const;
    // After endWindow() and the drain: requests that arrived in the window
    // and were served after it still pay their fee.
    CostBreakdown total() const;
    CostBreakdown monthlyProjection() const;

private:
    static constexpr double Closed = std::numeric_limits<double>::quiet_NaN();

    bool billsBusyPeriods() const { return m_pricing.billing == ContainerBilling::RequestBased; }
    void open(std::vector<double>& starts, std::uint32_t slot, double time);
    void close(std::vector<double>& starts, std::uint32_t slot, double time);
    void chargePeriod(MonthlyUsage<ContainerUsage>& usage, double start, double end,
                      bool rounded) const;
    void chargeIdle(MonthlyUsage<ContainerUsage>& usage, double until) const;
    bool inWindow() const { return m_windowOpen; }

    ContainerPricing m_pricing;
    double m_vcpu = 0.0;
    double m_gib = 0.0;
    BillingCalendar m_calendar;
    bool m_windowOpen = false;
    double m_windowEnd = std::numeric_limits<double>::infinity();
    double m_windowLength = 0.0;

    std::vector<double> m_lifeStart; // per instance slot, NaN when not alive
    std::vector<double> m_busyStart; // per instance slot, NaN when idle
    int m_idleMin = 0;
    double m_idleSince = 0.0;

    MonthlyUsage<ContainerUsage> m_usage;
};

} // namespace faaslab
