#pragma once

#include "models/workload/arrival_generator.h"
#include "models/workload/request.h"
#include "models/workload/workload_spec.h"
#include "simulator/distribution.h"
#include "simulator/simulation.h"

namespace faaslab {

// Random purposes of a run. Each has its own stream, derived from the scenario
// seed and the replication (and, for platform purposes, the architecture), so
// that changing one part of a model never shifts the numbers another part
// draws.
enum class StreamPurpose : std::uint64_t {
    Arrivals = 1,
    ServiceTimes = 2,
    ColdStarts = 3,
    InstanceStartup = 4,
    Dispatch = 5,
    IoWait = 6,
    // Applications: per-invocation work, trigger events, fan-out counts.
    ApplicationWork = 7,
    TriggerEvents = 8,
    FanOutCounts = 9,
};

sim::RandomStream deriveStream(std::uint64_t seed, std::uint64_t replication, StreamPurpose purpose,
                               std::uint64_t architecture = 0);

// Generates the request stream of a workload and hands each request to a
// sink at its arrival time; stops at the horizon.
//
// The stream depends only on (seed, replication): the arrival times and the
// per-request work come from two streams that no platform touches, so every
// architecture of a scenario receives the identical sequence (common random
// numbers).
class RequestSource final : public sim::EventHandler {
public:
    RequestSource(const WorkloadSpec& workload, std::uint64_t seed, std::uint64_t replication,
                  sim::Simulation& simulation, RequestSink& sink);

    // Schedules the first arrival.
    void start();

    void handleEvent(const sim::Event& event) override;

    std::uint64_t generated() const { return m_nextId; }

private:
    void scheduleNext();

    sim::Simulation& m_simulation;
    RequestSink& m_sink;
    ArrivalGenerator m_arrivals;
    sim::Distribution m_serviceTime;
    sim::RandomStream m_serviceRng;
    bool m_hasIoWait = false;
    sim::Distribution m_ioWait;
    sim::RandomStream m_ioWaitRng;
    std::uint64_t m_nextId = 0;
};

} // namespace faaslab
