#pragma once

#include "models/platforms/invocation_listener.h"
#include "models/platforms/platform_metrics.h"
#include "models/platforms/timeline_recorder.h"
#include "models/results/replication_result.h"
#include "models/workload/request.h"
#include "models/workload/workload_spec.h"
#include "simulator/simulation.h"

#include <cstdint>

namespace faaslab {

// What every platform is given to run one replication.
struct PlatformContext {
    sim::Simulation& simulation;
    const WorkloadSpec& workload;
    std::uint64_t seed = 0;
    std::uint64_t replication = 0;
    // Position of the architecture in the scenario: seeds the platform's own
    // random streams (cold starts, start-up times), never the workload's.
    std::uint64_t architectureIndex = 0;
    MeasurementWindow window;
};

// An architecture that serves requests: serverless functions, serverless
// containers, a VM fleet. The runner drives every kind the same way:
//   start() at time 0, then onArrival() for each request from the shared
//   RequestSource, events through handleEvent(), the warm-up and horizon
//   notifications, and finally result().
class Platform : public sim::EventHandler, public RequestSink, public sim::RunObserver {
public:
    virtual ~Platform() = default;

    virtual void start() = 0;
    virtual ReplicationResult result() const = 0;
    // The raw collector behind result(), for runners that combine several
    // platforms (the function pools of an application) into one result.
    virtual const PlatformMetrics& metrics() const = 0;

    // Set before start(); nullptr (the default) for no notifications.
    void setInvocationListener(InvocationListener* listener) { m_listener = listener; }
    // Set before start() to record a timeline; nullptr (the default) records
    // nothing and costs one untaken branch per instance or request change.
    void setTimelineRecorder(TimelineRecorder* recorder) { m_timeline = recorder; }
    // Brings state the platform keeps lazily up to `time` (idle instances
    // whose keep-alive ran out), for a run stopped before its horizon.
    virtual void settle(double /*time*/) {}

protected:
    TimelineRecorder* timeline() const { return m_timeline; }
    bool hasListener() const { return m_listener != nullptr; }
    void notifyEnd(std::uint64_t token, InvocationOutcome outcome, double time, double latency,
                   bool coldStart) const {
        if (m_listener != nullptr) {
            m_listener->onInvocationEnd(InvocationEnd{token, outcome, time, latency, coldStart});
        }
    }

private:
    InvocationListener* m_listener = nullptr;
    TimelineRecorder* m_timeline = nullptr;
};

} // namespace faaslab
