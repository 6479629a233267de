#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace faaslab {

// A replication stopped because its model held more events pending at once
// than the run allows (ReplicationLimits::maxPendingEvents). The scenario is
// valid but keeps more work in flight or waiting (requests queued,
// asynchronous invocations waiting for a retry) than one run can hold; the
// message names the architecture, the replication, the simulated time and
// what to change. Front ends report it as a problem of the scenario, not as
// an internal error.
class WorkInFlightError : public std::runtime_error {
public:
    WorkInFlightError(const std::string& architecture, int replication, double simulatedTimeS,
                      std::size_t limit, const std::string& advice);
    // The same error, its message prefixed with where it happened
    // ("at workload.arrivals.rate_per_s = 400").
    WorkInFlightError(const WorkInFlightError& inner, const std::string& context);

    const std::string& architecture() const { return m_architecture; }
    int replication() const { return m_replication; }
    double simulatedTimeS() const { return m_simulatedTimeS; }

private:
    std::string m_architecture;
    int m_replication;
    double m_simulatedTimeS;
};

} // namespace faaslab
