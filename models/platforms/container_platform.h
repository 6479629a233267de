#pragma once

#include "models/billing/container_billing_meter.h"
#include "models/platforms/container_config.h"
#include "models/platforms/least_loaded_instances.h"
#include "models/platforms/platform.h"
#include "models/platforms/processor_sharing_server.h"
#include "models/platforms/waiting_line.h"
#include "simulator/distribution.h"
#include "simulator/random_stream.h"
#include "simulator/time_weighted_levels.h"

#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace faaslab {

// Serverless containers (Cloud Run, Knative, Azure Container Apps) and
// Kubernetes deployments: instances with `vcpu` CPUs that each serve up to
// `concurrency_per_instance` requests at once, sharing the CPUs by processor
// sharing (each request runs at min(1, vcpu / active) CPU-seconds per
// second). Semantics (docs/model-semantics.md):
//  - a request goes to the ready instance with the fewest active requests,
//    if one has a free slot and nobody is waiting; otherwise it waits in a
//    FIFO line at the front door, and is rejected after queue_timeout_s;
//  - the autoscaler runs every interval: desired = ceil(observed concurrency
//    over the window / (target_utilization x concurrency_per_instance)),
//    within [min, max]; scale-up at once, scale-down to the largest desired
//    count of the last scale_down_delay_s; instances take startup_s to start;
//    removed instances finish their requests first;
//  - with no instance at all, an arrival starts one at once (scale from
//    zero), and waits for it;
//  - latency = wait at the front door + time in service.
class ContainerPlatform final : public Platform {
public:
    ContainerPlatform(const ContainerConfig& config, const PlatformContext& context);

    void start() override;
    void onArrival(const Request& request) override;
    void handleEvent(const sim::Event& event) override;
    void onWarmupEnd(double time) override;
    void onHorizon(double time) override;
    ReplicationResult result() const override;
    const PlatformMetrics& metrics() const override { return m_metrics; }

private:
    enum class State : std::uint8_t { Starting, Ready, Draining, Stopped };
    struct Instance {
        State state = State::Stopped;
        std::uint64_t creation = 0;
        double readyAt = 0.0;
        std::uint64_t generation = 0;  // invalidates stale departure / ready events
        ProcessorSharingServer server; // requests using CPU
        std::uint32_t waitingOnIo = 0; // requests holding a slot, waiting on I/O
        std::uint32_t active() const { return server.active() + waitingOnIo; }
    };
    struct InService {
        double arrival = 0.0;
        double wait = 0.0;
        double work = 0.0;
        std::uint32_t instance = 0;
        bool measured = false;
        bool cold = false;
        std::uint64_t token = 0;
        std::uint64_t id = 0; // the request's number, for a timeline
    };
    enum EventKind : std::uint32_t { Departure, InstanceReady, AutoscalerTick, IoDone };

    void housekeeping(double now);
    std::uint32_t startInstance(double now, bool ready);
    void stopInstance(std::uint32_t slot, double now);
    void scaleTo(int desired, double now);
    void dispatch(const WaitingRequest& request, std::uint32_t slot, double now);
    void dispatchWaiting(double now);
    void scheduleDeparture(std::uint32_t slot);
    void refreshRouting(std::uint32_t slot);
    void onDeparture(std::uint32_t slot, double now);
    void startComputing(std::uint32_t id, double now);
    void onReady(std::uint32_t slot, double now);
    void onTick(double now);
    void updateIdleMinInstances(double now);
    int current() const { return m_ready + m_starting; }

    ContainerConfig m_config;
    sim::Simulation& m_simulation;
    PlatformMetrics m_metrics;
    ContainerBillingMeter m_meter;
    sim::Distribution m_startup;
    sim::RandomStream m_startupRng;

    std::vector<Instance> m_instances;
    std::vector<std::uint32_t> m_freeInstanceSlots;
    std::uint64_t m_created = 0;
    int m_ready = 0;
    int m_starting = 0;
    int m_draining = 0;
    int m_busyInstances = 0;
    LeastLoadedInstances m_routing;

    std::vector<InService> m_inService;
    std::vector<std::uint32_t> m_freeRequestSlots;
    WaitingLine m_line;

    // Autoscaler signals, integrated over time and sampled at each tick:
    // requests in the system (in service + waiting) and busy vCPUs.
    enum Signal : std::size_t { InSystem, BusyCpu };
    sim::TimeWeightedLevels<2> m_signals;
    struct SignalSample {
        double time;
        double inSystem;
        double busyCpu;
    };
    std::deque<SignalSample> m_samples;
    std::deque<std::pair<double, int>> m_recentDesired;
};

} // namespace faaslab
