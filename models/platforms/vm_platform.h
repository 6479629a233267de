#pragma once

#include "models/billing/vm_billing_meter.h"
#include "models/platforms/least_loaded_instances.h"
#include "models/platforms/platform.h"
#include "models/platforms/vm_config.h"
#include "models/platforms/waiting_line.h"
#include "simulator/distribution.h"
#include "simulator/random_stream.h"
#include "simulator/time_weighted_levels.h"

#include <cstdint>
#include <vector>

namespace faaslab {

// A fleet of virtual machines (docs/model-semantics.md): each VM has `vcpu`
// cores and runs one request per core, first come first served. Dispatch is
// central_queue (M/G/c), least_connections or round_robin; queues are
// bounded (queue_capacity) and requests that wait queue_timeout_s are
// rejected. The fleet is fixed, or an autoscaling group that tracks a target
// CPU utilisation, with boot time and cooldown.
class VmPlatform final : public Platform {
public:
    VmPlatform(const VmConfig& config, const PlatformContext& context);

    void start() override;
    void onArrival(const Request& request) override;
    void handleEvent(const sim::Event& event) override;
    void onWarmupEnd(double time) override;
    void onHorizon(double time) override;
    ReplicationResult result() const override;
    const PlatformMetrics& metrics() const override { return m_metrics; }

private:
    enum class State : std::uint8_t { Booting, InService, Draining, Stopped };
    struct Vm {
        State state = State::Stopped;
        std::uint64_t creation = 0;
        std::uint64_t generation = 0;
        double readyAt = 0.0;
        int busyCores = 0;
        WaitingLine queue; // per-VM dispatch rules only
    };
    struct Running {
        double arrival = 0.0;
        double wait = 0.0;
        std::uint32_t vm = 0;
        bool measured = false;
        bool cold = false;
        std::uint64_t token = 0;
    };
    // Queued requests in arrival order across every VM queue: with one
    // timeout for all, this is also their expiry order.
    struct QueuedAt {
        std::uint32_t vm;
        std::uint64_t id;
        double arrival;
    };
    enum EventKind : std::uint32_t { Finished, VmReady, ScalingTick };

    bool centralQueue() const { return m_config.dispatch == VmDispatch::CentralQueue; }
    std::uint32_t launch(double now, bool inService);
    void terminate(std::uint32_t slot, double now);
    void housekeeping(double now);
    void rejectExpired(const WaitingRequest& request, double at);
    // Turned away on arrival: no room in the queue, or no VM in service.
    void reject(const WaitingRequest& request, double now);
    void startOn(std::uint32_t vm, const WaitingRequest& request, double now);
    void refreshRouting(std::uint32_t vm);
    void pullWork(std::uint32_t vm, double now);
    std::uint32_t chooseVm();
    void onFinished(std::uint32_t running, double now);
    void onReady(std::uint32_t vm, double now);
    void onTick(double now);
    void scaleTo(int desired, double now);
    int queued() const;
    int current() const { return m_inService + m_booting; }

    VmConfig m_config;
    sim::Simulation& m_simulation;
    PlatformMetrics m_metrics;
    VmBillingMeter m_meter;
    sim::Distribution m_boot;
    sim::RandomStream m_bootRng;

    std::vector<Vm> m_vms;
    std::vector<std::uint32_t> m_freeVmSlots;
    std::uint64_t m_created = 0;
    int m_inService = 0;
    int m_booting = 0;
    int m_draining = 0;
    // central_queue: VMs with a free core, least busy first.
    // least_connections: every VM in service, fewest connections first.
    LeastLoadedInstances m_routing;
    std::vector<std::uint32_t> m_rotation; // round_robin: VMs in service
    std::size_t m_nextInRotation = 0;

    WaitingLine m_central;
    std::vector<QueuedAt> m_expiryOrder; // ring buffer
    std::size_t m_expiryHead = 0;
    std::size_t m_expirySize = 0;
    int m_queuedAtVms = 0;
    std::uint64_t m_nextRequestId = 0;

    std::vector<Running> m_running;
    std::vector<std::uint32_t> m_freeRunningSlots;

    // Autoscaling: busy cores and in-service cores, integrated.
    sim::TimeWeightedLevels<2> m_utilization;
    double m_lastTickBusy = 0.0;
    double m_lastTickCores = 0.0;
    double m_lastScaling = -1e300;
};

} // namespace faaslab
