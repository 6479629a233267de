#include "models/billing/container_billing_meter.h"

#include <cmath>

namespace faaslab {

ContainerBillingMeter::ContainerBillingMeter(const ContainerPricing& pricing, double vcpu,
                                             double memoryMb)
    : m_pricing(pricing)
    , m_vcpu(vcpu)
    , m_gib(memoryMb / 1024.0) {
}

void ContainerBillingMeter::startWindow(double time) {
    m_calendar.start(time);
    m_windowOpen = true;
    m_windowEnd = std::numeric_limits<double>::infinity();
    m_usage.clear();
    m_idleSince = time;
    // Periods already running are billed from here, as periods that did not
    // start in the window (no minimum per start).
}

void ContainerBillingMeter::open(std::vector<double>& starts, std::uint32_t slot, double time) {
    if (slot >= starts.size()) {
        starts.resize(slot + 1, Closed);
    }
    starts[slot] = time;
}

void ContainerBillingMeter::chargePeriod(MonthlyUsage<ContainerUsage>& usage, double start,
                                         double end, bool rounded) const {
    const double windowStart = m_calendar.windowStart();
    const double begin = std::max(start, windowStart);
    if (!m_windowOpen || end <= begin) {
        return;
    }
    const bool startedInWindow = start >= windowStart;
    const double billed =
        rounded ? m_pricing.billedSeconds(end - begin, startedInWindow) : end - begin;
    m_calendar.apportion(begin, end, billed, [&](std::size_t month, double seconds) {
        ContainerUsage& u = usage.month(month);
        u.vcpuSeconds += seconds * m_vcpu;
        u.gibSeconds += seconds * m_gib;
    });
}

void ContainerBillingMeter::close(std::vector<double>& starts, std::uint32_t slot, double time) {
    if (slot < starts.size() && !std::isnan(starts[slot])) {
        chargePeriod(m_usage, starts[slot], std::min(time, m_windowEnd), true);
        starts[slot] = Closed;
    }
}

void ContainerBillingMeter::instanceStarted(std::uint32_t slot, double time) {
    if (!billsBusyPeriods()) {
        open(m_lifeStart, slot, time);
    }
}

void ContainerBillingMeter::instanceStopped(std::uint32_t slot, double time) {
    if (!billsBusyPeriods()) {
        close(m_lifeStart, slot, time);
    }
}

void ContainerBillingMeter::busyStarted(std::uint32_t slot, double time) {
    if (billsBusyPeriods()) {
        open(m_busyStart, slot, time);
    }
}

void ContainerBillingMeter::busyEnded(std::uint32_t slot, double time) {
    if (billsBusyPeriods()) {
        close(m_busyStart, slot, time);
    }
}

void ContainerBillingMeter::requestServed(double arrival) {
    if (arrival >= m_calendar.windowStart() && arrival < m_windowEnd) {
        m_usage.month(m_calendar.monthOf(arrival)).requests += 1.0;
    }
}

void ContainerBillingMeter::chargeIdle(MonthlyUsage<ContainerUsage>& usage, double until) const {
    const double begin = std::max(m_idleSince, m_calendar.windowStart());
    if (!m_windowOpen || m_idleMin <= 0 || until <= begin) {
        return;
    }
    m_calendar.apportion(begin, until, until - begin, [&](std::size_t month, double seconds) {
        ContainerUsage& u = usage.month(month);
        u.idleVcpuSeconds += seconds * m_idleMin * m_vcpu;
        u.idleGibSeconds += seconds * m_idleMin * m_gib;
    });
}

void ContainerBillingMeter::setIdleMinInstances(double time, int count) {
    if (!billsBusyPeriods() || count == m_idleMin) {
        return;
    }
    chargeIdle(m_usage, std::min(time, m_windowEnd));
    m_idleMin = count;
    m_idleSince = time;
}

void ContainerBillingMeter::endWindow(double time) {
    chargeIdle(m_usage, time);
    m_idleSince = time;
    m_windowEnd = time;
    for (std::uint32_t slot = 0; slot < m_lifeStart.size(); ++slot) {
        close(m_lifeStart, slot, time);
    }
    for (std::uint32_t slot = 0; slot < m_busyStart.size(); ++slot) {
        close(m_busyStart, slot, time);
    }
    m_usage.month(m_calendar.monthsUpTo(time) - 1); // every started month exists
    m_windowLength = time - m_calendar.windowStart();
    m_windowOpen = false;
}

CostBreakdown ContainerBillingMeter::total() const {
    CostBreakdown total = m_pricing.monthCost(ContainerUsage{}); // every component listed
    for (const ContainerUsage& month : m_usage.months()) {
        total += m_pricing.monthCost(month);
    }
    return total;
}

double ContainerBillingMeter::costSoFar(double time) const {
    // Usage billed so far plus the open periods up to `time`, not rounded
    // (they are rounded when they close).
    MonthlyUsage<ContainerUsage> usage = m_usage;
    for (const std::vector<double>* starts : {&m_lifeStart, &m_busyStart}) {
        for (double start : *starts) {
            if (!std::isnan(start) && start < time) {
                chargePeriod(usage, start, time, false);
            }
        }
    }
    chargeIdle(usage, time);
    double cost = 0.0;
    for (const ContainerUsage& month : usage.months()) {
        cost += m_pricing.monthCost(month).total();
    }
    return cost;
}

CostBreakdown ContainerBillingMeter::monthlyProjection() const {
    const ContainerUsage total = m_usage.total();
    const double factor = m_windowLength > 0.0 ? BillingMonthSeconds / m_windowLength : 0.0;
    return m_pricing.monthCost(total.scaled(factor));
}

} // namespace faaslab
