#include "models/platforms/container_platform.h"

#include "models/results/metric_keys.h"
#include "models/workload/request_source.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

ContainerPlatform::ContainerPlatform(const ContainerConfig& config, const PlatformContext& context)
    : m_config(config)
    , m_simulation(context.simulation)
    , m_metrics(context.window)
    , m_meter(config.pricing, config.vcpu, config.memoryMb)
    , m_startup(config.startupS.toDistribution())
    , m_startupRng(deriveStream(context.seed, context.replication, StreamPurpose::InstanceStartup,
                                context.architectureIndex)) {
    m_metrics.setCostProbe([this](double time) { return m_meter.costSoFar(time); });
}

void ContainerPlatform::start() {
    const double now = m_simulation.now();
    m_metrics.advanceTo(now);
    m_signals.restart(now);
    // The minimum fleet is running when the run starts.
    for (int i = 0; i < m_config.minInstances; ++i) {
        startInstance(now, true);
    }
    updateIdleMinInstances(now);
    if (m_config.minInstances != m_config.maxInstances) {
        m_samples.push_back(SignalSample{now, 0.0, 0.0});
        m_simulation.schedule(now + m_config.autoscaler.intervalS, this, AutoscalerTick);
    }
}

std::uint32_t ContainerPlatform::startInstance(double now, bool ready) {
    std::uint32_t slot = 0;
    if (!m_freeInstanceSlots.empty()) {
        slot = m_freeInstanceSlots.back();
        m_freeInstanceSlots.pop_back();
    } else {
        slot = static_cast<std::uint32_t>(m_instances.size());
        m_instances.emplace_back();
    }
    Instance& instance = m_instances[slot];
    instance.creation = m_created++;
    instance.server = ProcessorSharingServer(m_config.vcpu);
    instance.server.advanceTo(now);
    ++instance.generation;
    m_metrics.addInstances(1);
    m_metrics.addCapacity(m_config.vcpu);
    m_meter.instanceStarted(slot, now);
    if (ready) {
        instance.state = State::Ready;
        instance.readyAt = now;
        ++m_ready;
        m_routing.set(slot, 0, instance.creation);
        if (TimelineRecorder* t = timeline()) [[unlikely]] {
            t->instanceStarted(now, instance.creation, now, true);
        }
    } else {
        instance.state = State::Starting;
        ++m_starting;
        const double delay = m_startup.sample(m_startupRng);
        if (TimelineRecorder* t = timeline()) [[unlikely]] {
            t->instanceStarted(now, instance.creation, now + delay, false);
        }
        m_simulation.schedule(now + delay, this, InstanceReady, slot,
                              static_cast<double>(instance.generation));
    }
    return slot;
}

void ContainerPlatform::stopInstance(std::uint32_t slot, double now) {
    Instance& instance = m_instances[slot];
    switch (instance.state) {
    case State::Starting:
        --m_starting;
        break;
    case State::Ready:
        --m_ready;
        break;
    case State::Draining:
        --m_draining;
        break;
    case State::Stopped:
        return;
    }
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->instanceEnded(now, instance.creation, InstanceEndReason::ScaledIn);
    }
    if (m_routing.contains(slot)) {
        m_routing.remove(slot);
    }
    instance.state = State::Stopped;
    ++instance.generation;
    m_metrics.addInstances(-1);
    m_metrics.addCapacity(-m_config.vcpu);
    m_meter.instanceStopped(slot, now);
    m_freeInstanceSlots.push_back(slot);
}

void ContainerPlatform::housekeeping(double now) {
    // Requests that waited queue_timeout_s are rejected at that instant.
    m_line.dropExpired(now, m_config.queueTimeoutS, [this](const WaitingRequest& r, double at) {
        m_metrics.advanceTo(at);
        m_metrics.addQueued(-1);
        m_signals.advance(at);
        m_signals.add(InSystem, -1.0);
        if (r.measured) {
            m_metrics.recordRejection();
        }
        if (TimelineRecorder* t = timeline()) [[unlikely]] {
            t->requestEnded(r.arrival, at, at, r.id, TimelineRecord::NoInstance,
                            RequestOutcome::Rejected, false);
        }
        notifyEnd(r.token, InvocationOutcome::Rejected, at, at - r.arrival, false);
    });
    m_metrics.advanceTo(now);
    m_signals.advance(now);
}

void ContainerPlatform::onArrival(const Request& request) {
    const double now = request.arrival;
    housekeeping(now);
    const bool measured = m_metrics.isMeasured(now);
    if (measured) {
        m_metrics.recordArrival();
    }
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->requestArrived(now);
    }
    m_signals.add(InSystem, 1.0);
    const WaitingRequest waiting{now,      request.work, request.ioWait,
                                 measured, request.id,   request.token};
    if (m_line.empty() && !m_routing.empty()) {
        dispatch(waiting, m_routing.best(), now);
        return;
    }
    m_line.push(waiting);
    m_metrics.addQueued(1);
    if (current() == 0 && m_config.maxInstances > 0) {
        // Scale from zero: the first request starts an instance and waits.
        startInstance(now, false);
        updateIdleMinInstances(now);
    }
}

void ContainerPlatform::dispatch(const WaitingRequest& request, std::uint32_t slot, double now) {
    Instance& instance = m_instances[slot];
    std::uint32_t id = 0;
    if (!m_freeRequestSlots.empty()) {
        id = m_freeRequestSlots.back();
        m_freeRequestSlots.pop_back();
    } else {
        id = static_cast<std::uint32_t>(m_inService.size());
        m_inService.emplace_back();
    }
    m_inService[id] = InService{request.arrival,  now - request.arrival,
                                request.work,     slot,
                                request.measured, instance.readyAt > request.arrival,
                                request.token,    request.id};
    const bool wasIdle = instance.active() == 0;
    // A request that waits on downstream calls holds its slot but no CPU
    // (the I/O comes first, then the CPU work; the order does not change
    // mean response times of this model).
    if (request.ioWait > 0.0) {
        ++instance.waitingOnIo;
        m_simulation.schedule(now + request.ioWait, this, IoDone, id);
    }
    if (wasIdle) {
        ++m_busyInstances;
        m_metrics.addBusyInstances(1);
        m_meter.busyStarted(slot, now);
        updateIdleMinInstances(now);
    }
    if (request.measured) {
        m_meter.requestServed(request.arrival);
    }
    if (request.ioWait > 0.0) {
        refreshRouting(slot);
    } else {
        startComputing(id, now);
    }
}

void ContainerPlatform::startComputing(std::uint32_t id, double now) {
    const std::uint32_t slot = m_inService[id].instance;
    Instance& instance = m_instances[slot];
    const double busyBefore = instance.server.busyCapacity();
    instance.server.advanceTo(now);
    instance.server.join(id, m_inService[id].work);
    m_metrics.addBusyCapacity(instance.server.busyCapacity() - busyBefore);
    m_signals.add(BusyCpu, instance.server.busyCapacity() - busyBefore);
    refreshRouting(slot);
    scheduleDeparture(slot);
}

void ContainerPlatform::refreshRouting(std::uint32_t slot) {
    const Instance& instance = m_instances[slot];
    const bool canTakeMore =
        instance.state == State::Ready &&
        instance.active() < static_cast<std::uint32_t>(m_config.concurrencyPerInstance);
    if (canTakeMore) {
        m_routing.set(slot, instance.active(), instance.creation);
    } else if (m_routing.contains(slot)) {
        m_routing.remove(slot);
    }
}

void ContainerPlatform::scheduleDeparture(std::uint32_t slot) {
    Instance& instance = m_instances[slot];
    ++instance.generation; // the previously scheduled departure is now stale
    if (instance.server.active() > 0) {
        m_simulation.schedule(instance.server.nextDeparture(), this, Departure, slot,
                              static_cast<double>(instance.generation));
    }
}

void ContainerPlatform::dispatchWaiting(double now) {
    while (!m_line.empty() && !m_routing.empty()) {
        const WaitingRequest request = m_line.pop();
        m_metrics.addQueued(-1);
        dispatch(request, m_routing.best(), now);
    }
}

void ContainerPlatform::handleEvent(const sim::Event& event) {
    const double now = event.time;
    if (event.kind == AutoscalerTick) {
        housekeeping(now);
        onTick(now);
        return;
    }
    if (event.kind == IoDone) {
        // Indexed by request: an instance is never stopped while it has one.
        housekeeping(now);
        Instance& instance = m_instances[m_inService[event.index].instance];
        --instance.waitingOnIo;
        startComputing(event.index, now);
        return;
    }
    const Instance& instance = m_instances[event.index];
    if (static_cast<double>(instance.generation) != event.value) {
        return; // superseded
    }
    housekeeping(now);
    if (event.kind == Departure) {
        onDeparture(event.index, now);
    } else {
        onReady(event.index, now);
    }
}

void ContainerPlatform::onDeparture(std::uint32_t slot, double now) {
    Instance& instance = m_instances[slot];
    const double busyBefore = instance.server.busyCapacity();
    instance.server.advanceTo(now);
    const std::uint32_t id = instance.server.leaveFirst();
    m_metrics.addBusyCapacity(instance.server.busyCapacity() - busyBefore);
    m_signals.add(BusyCpu, instance.server.busyCapacity() - busyBefore);
    m_signals.add(InSystem, -1.0);
    const InService done = m_inService[id];
    m_freeRequestSlots.push_back(id);
    if (done.measured) {
        m_metrics.recordServed(now - done.arrival, done.cold, false, done.wait);
    }
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->requestEnded(done.arrival, done.arrival + done.wait, now, done.id, instance.creation,
                        RequestOutcome::Completed, done.cold);
    }
    notifyEnd(done.token, InvocationOutcome::Completed, now, now - done.arrival, done.cold);
    if (instance.active() == 0) {
        --m_busyInstances;
        m_metrics.addBusyInstances(-1);
        m_meter.busyEnded(slot, now);
        if (instance.state == State::Draining) {
            stopInstance(slot, now);
            updateIdleMinInstances(now);
            return;
        }
        updateIdleMinInstances(now);
    }
    refreshRouting(slot);
    scheduleDeparture(slot);
    dispatchWaiting(now);
}

void ContainerPlatform::onReady(std::uint32_t slot, double now) {
    Instance& instance = m_instances[slot];
    instance.state = State::Ready;
    instance.readyAt = now;
    --m_starting;
    ++m_ready;
    refreshRouting(slot);
    dispatchWaiting(now);
}

void ContainerPlatform::onTick(double now) {
    const ContainerAutoscaler& a = m_config.autoscaler;
    // Observed signals: time averages over the trailing window (or since
    // the start, early in the run).
    const SignalSample sample{now, m_signals.integral(InSystem), m_signals.integral(BusyCpu)};
    m_samples.push_back(sample);
    while (m_samples.size() > 1 && m_samples[1].time <= now - a.windowS) {
        m_samples.pop_front();
    }
    const SignalSample& then = m_samples.front();
    const double span = now - then.time;
    const double concurrency = span > 0.0 ? (sample.inSystem - then.inSystem) / span : 0.0;
    const double busyCpu = span > 0.0 ? (sample.busyCpu - then.busyCpu) / span : 0.0;
    double needed = concurrency / (a.targetUtilization * m_config.concurrencyPerInstance);
    if (a.cpuTargetUtilization > 0.0) {
        needed = std::max(needed, busyCpu / (a.cpuTargetUtilization * m_config.vcpu));
    }
    int desired = static_cast<int>(std::ceil(needed - 1e-9));
    desired = std::clamp(desired, m_config.minInstances, m_config.maxInstances);

    m_recentDesired.emplace_back(now, desired);
    while (!m_recentDesired.empty() && m_recentDesired.front().first < now - a.scaleDownDelayS) {
        m_recentDesired.pop_front();
    }
    int floor = desired;
    for (const auto& [time, count] : m_recentDesired) {
        floor = std::max(floor, count);
    }
    if (desired > current()) {
        scaleTo(desired, now);
    } else if (floor < current()) {
        scaleTo(floor, now);
    }
    // Ticks stop at the horizon; the drain only finishes what is in flight.
    if (!m_simulation.draining()) {
        m_simulation.schedule(now + a.intervalS, this, AutoscalerTick);
    }
}

void ContainerPlatform::scaleTo(int desired, double now) {
    while (current() < desired) {
        startInstance(now, false);
    }
    // Removal order: instances still starting (they never served), then idle
    // ready ones, newest first; busy ones drain (finish their requests).
    auto removeWhere = [&](auto&& eligible) {
        for (std::size_t i = m_instances.size(); i-- > 0 && current() > desired;) {
            if (eligible(m_instances[i])) {
                const auto slot = static_cast<std::uint32_t>(i);
                if (m_instances[i].active() == 0) {
                    stopInstance(slot, now);
                } else {
                    m_instances[i].state = State::Draining;
                    --m_ready;
                    ++m_draining;
                    refreshRouting(slot);
                }
            }
        }
    };
    removeWhere([](const Instance& x) { return x.state == State::Starting; });
    removeWhere([](const Instance& x) { return x.state == State::Ready && x.active() == 0; });
    removeWhere([](const Instance& x) { return x.state == State::Ready; });
    updateIdleMinInstances(now);
}

void ContainerPlatform::updateIdleMinInstances(double now) {
    const int alive = m_ready + m_starting + m_draining;
    const int idle = std::max(0, std::min(m_config.minInstances, alive) - m_busyInstances);
    m_meter.setIdleMinInstances(now, idle);
}

void ContainerPlatform::onWarmupEnd(double time) {
    housekeeping(time);
    m_metrics.startMeasurement(time);
    m_meter.startWindow(time);
    m_meter.setIdleMinInstances(time, 0);
    updateIdleMinInstances(time);
}

void ContainerPlatform::onHorizon(double time) {
    housekeeping(time);
    m_metrics.stopMeasurement(time);
    m_meter.endWindow(time);
}

ReplicationResult ContainerPlatform::result() const {
    ReplicationResult result;
    m_metrics.writeResult(result);
    m_metrics.writeCost(result, m_meter.total(), m_meter.monthlyProjection());
    return result;
}

} // namespace faaslab
