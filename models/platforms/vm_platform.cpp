#include "models/platforms/vm_platform.h"

#include "models/workload/request_source.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

std::string_view vmDispatchName(VmDispatch dispatch) {
    switch (dispatch) {
    case VmDispatch::CentralQueue:
        return "central_queue";
    case VmDispatch::LeastConnections:
        return "least_connections";
    case VmDispatch::RoundRobin:
        return "round_robin";
    }
    return "unknown";
}

VmPlatform::VmPlatform(const VmConfig& config, const PlatformContext& context)
    : m_config(config)
    , m_simulation(context.simulation)
    , m_metrics(context.window)
    , m_meter(config.pricing)
    , m_boot(config.autoscaling.bootS.toDistribution())
    , m_bootRng(deriveStream(context.seed, context.replication, StreamPurpose::InstanceStartup,
                             context.architectureIndex)) {
    m_metrics.setCostProbe([this](double time) { return m_meter.costSoFar(time); });
}

void VmPlatform::start() {
    const double now = m_simulation.now();
    m_metrics.advanceTo(now);
    m_utilization.restart(now);
    for (int i = 0; i < m_config.instances; ++i) {
        launch(now, true);
    }
    if (m_config.autoscaling.enabled) {
        m_simulation.schedule(now + m_config.autoscaling.metricPeriodS, this, ScalingTick);
    }
}

std::uint32_t VmPlatform::launch(double now, bool inService) {
    std::uint32_t slot = 0;
    if (!m_freeVmSlots.empty()) {
        slot = m_freeVmSlots.back();
        m_freeVmSlots.pop_back();
    } else {
        slot = static_cast<std::uint32_t>(m_vms.size());
        m_vms.emplace_back();
    }
    Vm& vm = m_vms[slot];
    vm.creation = m_created++;
    ++vm.generation;
    vm.busyCores = 0;
    m_metrics.addInstances(1);
    m_metrics.addCapacity(m_config.vcpu);
    m_meter.vmLaunched(slot, now);
    if (inService) {
        vm.state = State::Booting;
        ++m_booting;
        if (TimelineRecorder* t = timeline()) [[unlikely]] {
            t->instanceStarted(now, vm.creation, now, true);
        }
        onReady(slot, now);
    } else {
        vm.state = State::Booting;
        ++m_booting;
        const double readyAt = now + m_boot.sample(m_bootRng);
        if (TimelineRecorder* t = timeline()) [[unlikely]] {
            t->instanceStarted(now, vm.creation, readyAt, false);
        }
        m_simulation.schedule(readyAt, this, VmReady, slot, static_cast<double>(vm.generation));
    }
    return slot;
}

void VmPlatform::terminate(std::uint32_t slot, double now) {
    Vm& vm = m_vms[slot];
    switch (vm.state) {
    case State::Booting:
        --m_booting;
        break;
    case State::InService:
        --m_inService;
        m_utilization.add(1, -m_config.vcpu);
        break;
    case State::Draining:
        --m_draining;
        m_utilization.add(1, -m_config.vcpu);
        break;
    case State::Stopped:
        return;
    }
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->instanceEnded(now, vm.creation, InstanceEndReason::ScaledIn);
    }
    if (m_routing.contains(slot)) {
        m_routing.remove(slot);
    }
    const auto inRotation = std::find(m_rotation.begin(), m_rotation.end(), slot);
    if (inRotation != m_rotation.end()) {
        m_rotation.erase(inRotation);
    }
    vm.state = State::Stopped;
    ++vm.generation;
    m_metrics.addInstances(-1);
    m_metrics.addCapacity(-m_config.vcpu);
    m_meter.vmTerminated(slot, now);
    m_freeVmSlots.push_back(slot);
}

void VmPlatform::rejectExpired(const WaitingRequest& request, double at) {
    m_metrics.advanceTo(at);
    m_utilization.advance(at);
    m_metrics.addQueued(-1);
    if (request.measured) {
        m_metrics.recordRejection();
    }
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->requestEnded(request.arrival, at, at, request.id, TimelineRecord::NoInstance,
                        RequestOutcome::Rejected, false);
    }
    notifyEnd(request.token, InvocationOutcome::Rejected, at, at - request.arrival, false);
}

void VmPlatform::reject(const WaitingRequest& request, double now) {
    if (request.measured) {
        m_metrics.recordRejection();
    }
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->requestEnded(request.arrival, now, now, request.id, TimelineRecord::NoInstance,
                        RequestOutcome::Rejected, false);
    }
    notifyEnd(request.token, InvocationOutcome::Rejected, now, 0.0, false);
}

void VmPlatform::housekeeping(double now) {
    const double timeout = m_config.queueTimeoutS;
    m_central.dropExpired(now, timeout,
                          [this](const WaitingRequest& r, double at) { rejectExpired(r, at); });
    // Per-VM queues: walk the common arrival order; an entry whose request
    // has already started is simply skipped.
    while (m_expirySize > 0 && m_expiryOrder[m_expiryHead].arrival + timeout <= now) {
        const QueuedAt entry = m_expiryOrder[m_expiryHead];
        m_expiryHead = (m_expiryHead + 1) % m_expiryOrder.size();
        --m_expirySize;
        Vm& vm = m_vms[entry.vm];
        if (!vm.queue.empty() && vm.queue.front().id == entry.id) {
            const WaitingRequest expired = vm.queue.pop();
            --m_queuedAtVms;
            rejectExpired(expired, expired.arrival + timeout);
            refreshRouting(entry.vm);
        }
    }
    m_metrics.advanceTo(now);
    m_utilization.advance(now);
}

int VmPlatform::queued() const {
    return static_cast<int>(m_central.size()) + m_queuedAtVms;
}

std::uint32_t VmPlatform::chooseVm() {
    if (m_config.dispatch == VmDispatch::LeastConnections) {
        return m_routing.best();
    }
    if (m_rotation.empty()) {
        return LeastLoadedInstances::None;
    }
    const std::uint32_t vm = m_rotation[m_nextInRotation % m_rotation.size()];
    m_nextInRotation = (m_nextInRotation + 1) % m_rotation.size();
    return vm;
}

void VmPlatform::onArrival(const Request& request) {
    const double now = request.arrival;
    housekeeping(now);
    const bool measured = m_metrics.isMeasured(now);
    if (measured) {
        m_metrics.recordArrival();
    }
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->requestArrived(now);
    }
    // A blocking server: the core is held while the request waits on
    // downstream calls too.
    const WaitingRequest waiting{
        now, request.work + request.ioWait, 0.0, measured, m_nextRequestId++, request.token};
    const auto capacity = static_cast<std::size_t>(m_config.queueCapacity);

    if (centralQueue()) {
        if (m_central.empty() && !m_routing.empty()) {
            startOn(m_routing.best(), waiting, now);
        } else if (m_central.size() < capacity) {
            m_central.push(waiting);
            m_metrics.addQueued(1);
        } else {
            reject(waiting, now);
        }
        return;
    }

    const std::uint32_t slot = chooseVm();
    if (slot == LeastLoadedInstances::None) {
        // No VM in service at all (every VM still booting): nowhere to go.
        reject(waiting, now);
        return;
    }
    Vm& vm = m_vms[slot];
    if (vm.busyCores < m_config.vcpu && vm.queue.empty()) {
        startOn(slot, waiting, now);
    } else if (vm.queue.size() < capacity) {
        vm.queue.push(waiting);
        ++m_queuedAtVms;
        m_metrics.addQueued(1);
        if (m_expirySize == m_expiryOrder.size()) {
            // Grow the ring, unrolling it so the oldest entry comes first.
            std::vector<QueuedAt> larger(m_expiryOrder.empty() ? 16 : m_expiryOrder.size() * 2);
            for (std::size_t i = 0; i < m_expirySize; ++i) {
                larger[i] = m_expiryOrder[(m_expiryHead + i) % m_expiryOrder.size()];
            }
            m_expiryOrder.swap(larger);
            m_expiryHead = 0;
        }
        m_expiryOrder[(m_expiryHead + m_expirySize) % m_expiryOrder.size()] =
            QueuedAt{slot, waiting.id, now};
        ++m_expirySize;
        refreshRouting(slot);
    } else {
        reject(waiting, now);
    }
}

void VmPlatform::startOn(std::uint32_t slot, const WaitingRequest& request, double now) {
    Vm& vm = m_vms[slot];
    std::uint32_t running = 0;
    if (!m_freeRunningSlots.empty()) {
        running = m_freeRunningSlots.back();
        m_freeRunningSlots.pop_back();
    } else {
        running = static_cast<std::uint32_t>(m_running.size());
        m_running.emplace_back();
    }
    m_running[running] = Running{request.arrival,  now - request.arrival,        slot,
                                 request.measured, vm.readyAt > request.arrival, request.token};
    if (++vm.busyCores == 1) {
        m_metrics.addBusyInstances(1);
    }
    m_metrics.addBusyCapacity(1);
    m_utilization.add(0, 1.0);
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        // A VM core runs one request to its end: its course is known now.
        t->requestEnded(request.arrival, now, now + request.work, request.id, vm.creation,
                        RequestOutcome::Completed, vm.readyAt > request.arrival);
    }
    m_simulation.schedule(now + request.work, this, Finished, running);
    refreshRouting(slot);
}

void VmPlatform::refreshRouting(std::uint32_t slot) {
    const Vm& vm = m_vms[slot];
    bool eligible = vm.state == State::InService;
    std::uint32_t load = 0;
    if (m_config.dispatch == VmDispatch::CentralQueue) {
        eligible = eligible && vm.busyCores < m_config.vcpu;
        load = static_cast<std::uint32_t>(vm.busyCores);
    } else if (m_config.dispatch == VmDispatch::LeastConnections) {
        load =
            static_cast<std::uint32_t>(vm.busyCores) + static_cast<std::uint32_t>(vm.queue.size());
    } else {
        return; // round_robin keeps its rotation instead
    }
    if (eligible) {
        m_routing.set(slot, load, vm.creation);
    } else if (m_routing.contains(slot)) {
        m_routing.remove(slot);
    }
}

void VmPlatform::pullWork(std::uint32_t slot, double now) {
    Vm& vm = m_vms[slot];
    if (centralQueue()) {
        while (vm.state == State::InService && vm.busyCores < m_config.vcpu && !m_central.empty()) {
            m_metrics.addQueued(-1);
            startOn(slot, m_central.pop(), now);
        }
    } else {
        while (vm.busyCores < m_config.vcpu && !vm.queue.empty()) {
            --m_queuedAtVms;
            m_metrics.addQueued(-1);
            startOn(slot, vm.queue.pop(), now);
        }
    }
}

void VmPlatform::handleEvent(const sim::Event& event) {
    const double now = event.time;
    housekeeping(now);
    switch (event.kind) {
    case Finished:
        onFinished(event.index, now);
        break;
    case VmReady:
        if (static_cast<double>(m_vms[event.index].generation) == event.value) {
            onReady(event.index, now);
        }
        break;
    case ScalingTick:
        onTick(now);
        break;
    }
}

void VmPlatform::onFinished(std::uint32_t running, double now) {
    const Running done = m_running[running];
    m_freeRunningSlots.push_back(running);
    Vm& vm = m_vms[done.vm];
    if (--vm.busyCores == 0) {
        m_metrics.addBusyInstances(-1);
    }
    m_metrics.addBusyCapacity(-1);
    m_utilization.add(0, -1.0);
    if (done.measured) {
        m_metrics.recordServed(now - done.arrival, done.cold, false, done.wait);
    }
    notifyEnd(done.token, InvocationOutcome::Completed, now, now - done.arrival, done.cold);
    pullWork(done.vm, now);
    if (vm.state == State::Draining && vm.busyCores == 0 && vm.queue.empty()) {
        terminate(done.vm, now);
        return;
    }
    refreshRouting(done.vm);
}

void VmPlatform::onReady(std::uint32_t slot, double now) {
    Vm& vm = m_vms[slot];
    vm.state = State::InService;
    vm.readyAt = now;
    --m_booting;
    ++m_inService;
    m_utilization.add(1, m_config.vcpu);
    if (m_config.dispatch == VmDispatch::RoundRobin) {
        m_rotation.push_back(slot);
    }
    refreshRouting(slot);
    pullWork(slot, now);
}

void VmPlatform::onTick(double now) {
    const VmAutoscaling& a = m_config.autoscaling;
    // Average CPU utilisation of the VMs in service over the last period.
    const double busy = m_utilization.integral(0) - m_lastTickBusy;
    const double cores = m_utilization.integral(1) - m_lastTickCores;
    m_lastTickBusy = m_utilization.integral(0);
    m_lastTickCores = m_utilization.integral(1);
    if (cores > 0.0 && now - m_lastScaling >= a.cooldownS) {
        // Target tracking: the capacity at which the same load would run at
        // the target utilisation.
        const double serving = cores / a.metricPeriodS / m_config.vcpu;
        int desired =
            static_cast<int>(std::ceil(serving * (busy / cores) / a.targetUtilization - 1e-9));
        desired = std::clamp(desired, a.minInstances, a.maxInstances);
        if (desired != current()) {
            scaleTo(desired, now);
            m_lastScaling = now;
        }
    }
    if (!m_simulation.draining()) {
        m_simulation.schedule(now + a.metricPeriodS, this, ScalingTick);
    }
}

void VmPlatform::scaleTo(int desired, double now) {
    while (current() < desired) {
        launch(now, false);
    }
    // Removal order: VMs still booting, then idle ones, then busy ones, which
    // drain (finish what they run and what is queued at them).
    auto removeWhere = [&](auto&& eligible) {
        for (std::size_t i = m_vms.size(); i-- > 0 && current() > desired;) {
            const auto slot = static_cast<std::uint32_t>(i);
            Vm& vm = m_vms[i];
            if (!eligible(vm)) {
                continue;
            }
            if (vm.busyCores == 0 && vm.queue.empty()) {
                terminate(slot, now);
                continue;
            }
            vm.state = State::Draining;
            --m_inService;
            ++m_draining;
            if (m_routing.contains(slot)) {
                m_routing.remove(slot);
            }
            const auto inRotation = std::find(m_rotation.begin(), m_rotation.end(), slot);
            if (inRotation != m_rotation.end()) {
                m_rotation.erase(inRotation);
            }
        }
    };
    removeWhere([](const Vm& vm) { return vm.state == State::Booting; });
    removeWhere([](const Vm& vm) {
        return vm.state == State::InService && vm.busyCores == 0 && vm.queue.empty();
    });
    removeWhere([](const Vm& vm) { return vm.state == State::InService; });
}

void VmPlatform::onWarmupEnd(double time) {
    housekeeping(time);
    m_metrics.startMeasurement(time);
    m_meter.startWindow(time);
}

void VmPlatform::onHorizon(double time) {
    housekeeping(time);
    m_metrics.stopMeasurement(time);
    m_meter.endWindow(time);
}

ReplicationResult VmPlatform::result() const {
    ReplicationResult result;
    m_metrics.writeResult(result);
    m_metrics.writeCost(result, m_meter.total(), m_meter.monthlyProjection());
    return result;
}

} // namespace faaslab
