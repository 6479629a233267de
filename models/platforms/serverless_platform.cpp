#include "models/platforms/serverless_platform.h"

#include "models/results/metric_keys.h"
#include "models/workload/request_source.h"

#include <algorithm>

namespace faaslab {

ServerlessPlatform::ServerlessPlatform(const ServerlessConfig& config,
                                       const PlatformContext& context)
    : m_config(config)
    , m_simulation(context.simulation)
    , m_metrics(context.window)
    , m_meter(config.pricing, context.workload.memoryMb, config.provisionedInstances)
    , m_coldStart(config.coldStartS.toDistribution())
    , m_coldStartRng(deriveStream(context.seed, context.replication, StreamPurpose::ColdStarts,
                                  context.architectureIndex))
    , m_availableProvisioned(config.instanceSelection)
    , m_availableOnDemand(config.instanceSelection)
    , m_idleIsAvailable(config.concurrencyPerInstance == 1 &&
                        config.instanceSelection != InstanceSelection::NewestCreated) {
    m_metrics.setCostProbe([this](double time) { return m_meter.costSoFar(time); });
    m_instances.reserve(static_cast<std::size_t>(std::min(config.maxInstances, 4096)));
}

void ServerlessPlatform::start() {
    m_metrics.advanceTo(m_simulation.now());
    for (int i = 0; i < m_config.provisionedInstances; ++i) {
        const std::uint32_t slot = createInstance(true);
        m_instances[slot].ready = true;
        makeAvailable(slot);
    }
}

std::uint32_t ServerlessPlatform::createInstance(bool provisioned) {
    std::uint32_t slot = 0;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = static_cast<std::uint32_t>(m_instances.size());
        m_instances.emplace_back();
        m_idle.reserveSlots(slot + 1);
    }
    Instance& instance = m_instances[slot];
    instance = Instance{};
    instance.creation = m_created++;
    instance.provisioned = provisioned;
    instance.alive = true;
    ++m_alive;
    m_metrics.addInstances(1);
    m_metrics.addCapacity(m_config.concurrencyPerInstance);
    return slot;
}

void ServerlessPlatform::destroyInstance(std::uint32_t slot) {
    m_instances[slot].alive = false;
    if (!m_idleIsAvailable) {
        m_availableOnDemand.remove(slot);
    }
    m_idle.remove(slot);
    m_freeSlots.push_back(slot);
    --m_alive;
    m_metrics.addInstances(-1);
    m_metrics.addCapacity(-m_config.concurrencyPerInstance);
}

void ServerlessPlatform::expireIdleInstancesSlow(double now) {
    while (!m_idle.empty()) {
        const std::uint32_t slot = m_idle.front();
        const double expiry = m_instances[slot].idleSince + m_config.keepAliveS;
        if (expiry > now) {
            return;
        }
        m_metrics.advanceTo(expiry);
        destroyInstance(slot);
    }
}

void ServerlessPlatform::makeAvailable(std::uint32_t slot) {
    const Instance& instance = m_instances[slot];
    if (instance.provisioned) {
        m_availableProvisioned.touch(slot, instance.creation);
    } else if (!m_idleIsAvailable) {
        m_availableOnDemand.touch(slot, instance.creation);
    }
}

std::uint32_t ServerlessPlatform::pickOnDemand() const {
    if (!m_idleIsAvailable) {
        return m_availableOnDemand.pick();
    }
    return m_config.instanceSelection == InstanceSelection::LeastRecentlyUsed ? m_idle.front()
                                                                              : m_idle.back();
}

void ServerlessPlatform::onArrival(const Request& request) {
    const double now = request.arrival;
    expireIdleInstances(now);
    m_metrics.advanceTo(now);
    const bool measured = m_metrics.isMeasured(now);
    if (measured) {
        m_metrics.recordArrival();
    }

    bool cold = false;
    double init = 0.0;
    std::uint32_t slot = m_availableProvisioned.pick();
    AvailableInstances* pool = &m_availableProvisioned;
    if (slot == AvailableInstances::None) {
        slot = pickOnDemand();
        pool = m_idleIsAvailable ? nullptr : &m_availableOnDemand;
    }
    if (slot == AvailableInstances::None) {
        if (m_alive >= m_config.maxInstances) {
            if (measured) {
                m_metrics.recordRejection();
            }
            notifyEnd(request.token, InvocationOutcome::Rejected, now, 0.0, false);
            return;
        }
        slot = createInstance(false);
        cold = true;
        init = m_coldStart.sample(m_coldStartRng);
    }

    Instance& instance = m_instances[slot];
    if (!cold) {
        if (instance.active == 0 && !instance.provisioned) {
            m_idle.remove(slot);
        }
        if (pool == nullptr) {
            // m_idleIsAvailable: leaving the idle list was all there was to do.
        } else if (instance.active + 1 >=
                   static_cast<std::uint32_t>(m_config.concurrencyPerInstance)) {
            pool->remove(slot);
        } else {
            pool->touch(slot, instance.creation);
        }
    }
    if (instance.active == 0) {
        m_metrics.addBusyInstances(1);
    }
    ++instance.active;
    m_metrics.addBusyCapacity(1);

    // The instance runs (and is billed) while the handler computes and while
    // it waits on downstream calls.
    const double duration = request.work + request.ioWait;
    const bool timedOut = duration > m_config.timeoutS;
    const double execution = timedOut ? m_config.timeoutS : duration;
    const double latency = init + execution;
    std::uint32_t kind = Finished;
    kind |= measured ? MeasuredFlag : 0u;
    kind |= cold ? ColdFlag : 0u;
    kind |= timedOut ? TimedOutFlag : 0u;
    if (hasListener()) {
        // The event has no room for the request's token: keep it aside,
        // with the instance, until the request ends.
        kind |= ListenedFlag;
        m_simulation.schedule(now + latency, this, kind, listened(slot, request.token), latency);
    } else {
        m_simulation.schedule(now + latency, this, kind, slot, latency);
    }
    if (cold && m_config.concurrencyPerInstance > 1) {
        // With room for more requests, the new instance takes them as soon
        // as its initialisation is over, not only when this one finishes.
        m_simulation.schedule(now + init, this, Ready, slot,
                              static_cast<double>(instance.creation));
    }
    if (measured) {
        m_meter.chargeInvocation(now, execution, init, instance.provisioned);
    }
}

void ServerlessPlatform::handleEvent(const sim::Event& event) {
    expireIdleInstances(event.time);
    m_metrics.advanceTo(event.time);
    if ((event.kind & KindMask) == Ready) {
        onReady(event.index, event.value);
    } else {
        onFinished(event);
    }
}

void ServerlessPlatform::onReady(std::uint32_t slot, double creation) {
    Instance& instance = m_instances[slot];
    // The request that started the instance may already have finished (a
    // zero execution) and the instance expired, or even been replaced in
    // its slot: then there is nothing to make ready.
    if (!instance.alive || static_cast<double>(instance.creation) != creation || instance.ready) {
        return;
    }
    instance.ready = true;
    if (instance.active < static_cast<std::uint32_t>(m_config.concurrencyPerInstance)) {
        makeAvailable(slot);
    }
}

std::uint32_t ServerlessPlatform::listened(std::uint32_t slot, std::uint64_t token) {
    std::uint32_t id = 0;
    if (!m_freeListened.empty()) {
        id = m_freeListened.back();
        m_freeListened.pop_back();
    } else {
        id = static_cast<std::uint32_t>(m_listened.size());
        m_listened.emplace_back();
    }
    m_listened[id] = Listened{token, slot};
    return id;
}

void ServerlessPlatform::onFinished(const sim::Event& event) {
    std::uint32_t slot = event.index;
    const bool listenedTo = (event.kind & ListenedFlag) != 0;
    std::uint64_t token = 0;
    if (listenedTo) {
        const Listened entry = m_listened[event.index];
        m_freeListened.push_back(event.index);
        slot = entry.slot;
        token = entry.token;
    }
    Instance& instance = m_instances[slot];
    instance.ready = true;
    --instance.active;
    m_metrics.addBusyCapacity(-1);
    if (instance.active == 0) {
        m_metrics.addBusyInstances(-1);
        instance.idleSince = event.time;
        if (!instance.provisioned) {
            m_idle.pushBack(slot);
        }
    }
    makeAvailable(slot);
    if ((event.kind & MeasuredFlag) != 0) {
        m_metrics.recordServed(event.value, (event.kind & ColdFlag) != 0,
                               (event.kind & TimedOutFlag) != 0);
    }
    if (listenedTo) {
        notifyEnd(token,
                  (event.kind & TimedOutFlag) != 0 ? InvocationOutcome::TimedOut
                                                   : InvocationOutcome::Completed,
                  event.time, event.value, (event.kind & ColdFlag) != 0);
    }
}

void ServerlessPlatform::onWarmupEnd(double time) {
    expireIdleInstances(time);
    m_metrics.startMeasurement(time);
    m_meter.startWindow(time);
}

void ServerlessPlatform::onHorizon(double time) {
    expireIdleInstances(time);
    m_metrics.stopMeasurement(time);
    m_meter.endWindow(time);
}

ReplicationResult ServerlessPlatform::result() const {
    ReplicationResult result;
    m_metrics.writeResult(result);
    m_metrics.writeCost(result, m_meter.total(), m_meter.monthlyProjection());
    return result;
}

} // namespace faaslab
