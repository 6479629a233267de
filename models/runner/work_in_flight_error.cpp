#include "models/runner/work_in_flight_error.h"

#include "models/format/number_format.h"

namespace faaslab {

namespace {

std::string describe(const std::string& architecture, int replication, double simulatedTimeS,
                     std::size_t limit, const std::string& advice) {
    return "architecture \"" + architecture + "\", replication " + std::to_string(replication + 1) +
           ": at simulated time " + formatSeconds(simulatedTimeS) + " more than " +
           formatCount(static_cast<double>(limit)) +
           " events were pending at once, the most one run can hold. " + advice;
}

} // namespace

WorkInFlightError::WorkInFlightError(const std::string& architecture, int replication,
                                     double simulatedTimeS, std::size_t limit,
                                     const std::string& advice)
    : std::runtime_error(describe(architecture, replication, simulatedTimeS, limit, advice))
    , m_architecture(architecture)
    , m_replication(replication)
    , m_simulatedTimeS(simulatedTimeS) {
}

WorkInFlightError::WorkInFlightError(const WorkInFlightError& inner, const std::string& context)
    : std::runtime_error(context + ": " + inner.what())
    , m_architecture(inner.m_architecture)
    , m_replication(inner.m_replication)
    , m_simulatedTimeS(inner.m_simulatedTimeS) {
}

} // namespace faaslab
