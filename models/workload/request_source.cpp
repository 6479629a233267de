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
    , m_arrivals(workload.arrivals, deriveStream(seed, replication, StreamPurpose::Arrivals))
    , m_serviceTime(workload.serviceTimeS.toDistribution())
    , m_serviceRng(deriveStream(seed, replication, StreamPurpose::ServiceTimes)) {
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
    const Request request{m_nextId++, event.time, m_serviceTime.sample(m_serviceRng)};
    // Schedule the next arrival before serving this one, so that the service
    // draws of platforms can never influence the arrival sequence.
    scheduleNext();
    m_sink.onArrival(request);
}

} // namespace faaslab
