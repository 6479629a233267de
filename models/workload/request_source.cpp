#include "models/workload/request_source.h"

namespace faaslab {

sim::RandomStream deriveStream(std::uint64_t seed, std::uint64_t replication, StreamPurpose purpose,
                               std::uint64_t architecture) {
    return sim::RandomStream::derive(
        seed, {replication, static_cast<std::uint64_t>(purpose), architecture});
}

RequestSource::RequestSource(const WorkloadSpec& workload, std::uint64_t seed,
                             std::uint64_t replication, sim::Simulation& simulation,
                             RequestSink& sink)
    : m_simulation(simulation)
    , m_sink(sink)
    , m_arrivals(workload.arrivals, deriveStream(seed, replication, StreamPurpose::Arrivals),
                 {simulation.horizon(), simulation.cancelFlag()})
    , m_serviceTime(workload.serviceTimeS.toDistribution())
    , m_serviceRng(deriveStream(seed, replication, StreamPurpose::ServiceTimes))
    , m_hasIoWait(workload.ioWaitS.has_value())
    , m_ioWait(m_hasIoWait ? workload.ioWaitS->toDistribution() : sim::Distribution())
    , m_ioWaitRng(deriveStream(seed, replication, StreamPurpose::IoWait)) {
}

void RequestSource::start() {
    scheduleNext();
}

void RequestSource::scheduleNext() {
    const double at = m_arrivals.next();
    // Arrivals stop at the horizon; the run then drains what is in flight.
    if (at < m_simulation.horizon()) {
        m_simulation.scheduleSource(at, this);
    }
}

void RequestSource::handleEvent(const sim::Event& event) {
    Request request{m_nextId++, event.time, m_serviceTime.sample(m_serviceRng)};
    if (m_hasIoWait) {
        request.ioWait = m_ioWait.sample(m_ioWaitRng);
    }
    m_sink.onArrival(request);
    // Scheduled after the platform has reacted, so that whatever it
    // scheduled in reaction (an execution's end) precedes the next arrival
    // if both fall on the same instant: an instance that finishes at time t
    // is free for a request that arrives at t. (The arrival times cannot
    // depend on the platform either way: they come from their own stream.)
    scheduleNext();
}

} // namespace faaslab
