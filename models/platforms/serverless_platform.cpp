#include "models/platforms/serverless_platform.h"

#include "models/results/metric_keys.h"
#include "models/workload/request_source.h"

#include <algorithm>
#include <limits>

namespace faaslab {

namespace {

double lazyKeepAlive(const ServerlessConfig& config) {
    switch (config.keepAlivePolicy.kind) {
    case KeepAliveKind::None:
        return 0.0;
    case KeepAliveKind::HybridHistogram:
        return std::numeric_limits<double>::infinity();
    case KeepAliveKind::Fixed:
        break;
    }
    return config.keepAliveS;
}

} // namespace

ServerlessPlatform::ServerlessPlatform(const ServerlessConfig& config,
                                       const PlatformContext& context)
    : m_config(config)
    , m_memoryMb(context.workload.memoryMb)
    , m_lazyKeepAliveS(lazyKeepAlive(config))
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
    if (config.keepAlivePolicy.kind == KeepAliveKind::HybridHistogram) {
        m_hybrid.emplace(config.keepAlivePolicy.hybrid, config.keepAliveS);
    }
}

void ServerlessPlatform::start() {
    m_metrics.advanceTo(m_simulation.now());
    for (int i = 0; i < m_config.provisionedInstances; ++i) {
        const std::uint32_t slot = createInstance(true);
        m_instances[slot].ready = true;
        recordStart(slot, m_simulation.now(), m_simulation.now());
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

void ServerlessPlatform::destroyInstance(std::uint32_t slot, double time,
                                         InstanceEndReason reason) {
    if (TimelineRecorder* t = timeline()) [[unlikely]] {
        t->instanceEnded(time, m_instances[slot].creation, reason);
    }
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
        const double expiry = m_instances[slot].idleSince + m_lazyKeepAliveS;
        if (expiry > now) {
            return;
        }
        m_metrics.advanceTo(expiry);
        destroyInstance(slot, expiry, InstanceEndReason::KeepAliveExpired);
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
    if (m_hybrid && m_busy == 0 && m_allIdleSince >= 0.0) {
        m_hybrid->recordIdleTime(now - m_allIdleSince);
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
            if (TimelineRecorder* t = timeline()) [[unlikely]] {
                t->request(now, now, now, request.id, TimelineRecord::NoInstance,
                           RequestOutcome::Rejected, false);
            }
            notifyEnd(request.token, InvocationOutcome::Rejected, now, 0.0, false);
            return;
        }
        slot = createInstance(false);
        cold = true;
        init = m_coldStart.sample(m_coldStartRng);
        recordStart(slot, now, now + init);
        if (!m_pendingPrewarms.empty()) {
            cancelSoonestPrewarm();
        }
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
        ++m_busy;
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
    if (timeline() != nullptr) [[unlikely]] {
        recordRequest(request, slot, init, latency, timedOut, cold);
    }
}

// Out of line and cold: the hot path keeps nothing alive for it.
void ServerlessPlatform::recordRequest(const Request& request, std::uint32_t slot, double init,
                                       double latency, bool timedOut, bool cold) const {
    const double now = request.arrival;
    timeline()->request(now, now + init, now + latency, request.id, m_instances[slot].creation,
                        timedOut ? RequestOutcome::TimedOut : RequestOutcome::Completed, cold);
}

void ServerlessPlatform::handleEvent(const sim::Event& event) {
    expireIdleInstances(event.time);
    m_metrics.advanceTo(event.time);
    switch (event.kind & KindMask) {
    case Ready:
        onReady(event.index, event.value);
        break;
    case Expire:
        onExpire(event.index, event.value, event.time);
        break;
    case Prewarm:
        onPrewarm(event.index, event.time, event.value);
        break;
    default:
        onFinished(event);
        break;
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
    bool loaded = true;
    if (instance.active == 0) {
        m_metrics.addBusyInstances(-1);
        instance.idleSince = event.time;
        if (--m_busy == 0) {
            m_allIdleSince = event.time;
        }
        if (!instance.provisioned) {
            if (m_hybrid) {
                loaded = keepIdleInstance(slot, event.time);
            } else {
                m_idle.pushBack(slot);
            }
        }
    }
    if (loaded) {
        makeAvailable(slot);
    }
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

bool ServerlessPlatform::keepIdleInstance(std::uint32_t slot, double now) {
    const KeepAliveWindows windows = m_hybrid->windows();
    if (windows.prewarmS <= 0.0) {
        keepWarmFor(slot, now, windows.keepAliveS);
        return true;
    }
    destroyInstance(slot, now, InstanceEndReason::Unloaded);
    const std::uint32_t id = m_prewarmIds++;
    m_pendingPrewarms.push_back(PendingPrewarm{id, now + windows.prewarmS});
    m_simulation.schedule(now + windows.prewarmS, this, Prewarm, id, windows.keepAliveS);
    return false;
}

void ServerlessPlatform::cancelSoonestPrewarm() {
    // The request came before the instance the policy meant to pre-warm for
    // it: that pre-warm is now redundant.
    std::size_t soonest = 0;
    for (std::size_t i = 1; i < m_pendingPrewarms.size(); ++i) {
        if (m_pendingPrewarms[i].due < m_pendingPrewarms[soonest].due) {
            soonest = i;
        }
    }
    m_pendingPrewarms[soonest] = m_pendingPrewarms.back();
    m_pendingPrewarms.pop_back();
}

void ServerlessPlatform::keepWarmFor(std::uint32_t slot, double now, double keepAliveS) {
    Instance& instance = m_instances[slot];
    instance.idleSince = now;
    instance.idlePeriod = ++m_idlePeriods;
    m_idle.pushBack(slot);
    m_simulation.schedule(now + keepAliveS, this, Expire, slot,
                          static_cast<double>(instance.idlePeriod));
}

void ServerlessPlatform::onExpire(std::uint32_t slot, double idlePeriod, double now) {
    const Instance& instance = m_instances[slot];
    // Reused (or replaced in its slot) since: this idle period is over.
    if (!instance.alive || instance.active != 0 ||
        static_cast<double>(instance.idlePeriod) != idlePeriod) {
        return;
    }
    destroyInstance(slot, now, InstanceEndReason::KeepAliveExpired);
}

void ServerlessPlatform::onPrewarm(std::uint32_t id, double now, double keepAliveS) {
    const auto pending = std::find_if(m_pendingPrewarms.begin(), m_pendingPrewarms.end(),
                                      [id](const PendingPrewarm& p) { return p.id == id; });
    if (pending == m_pendingPrewarms.end()) {
        return; // cancelled by a cold start
    }
    *pending = m_pendingPrewarms.back();
    m_pendingPrewarms.pop_back();
    if (m_alive >= m_config.maxInstances) {
        return;
    }
    // Loaded in the background before its window opens: the platform pays
    // that initialisation, not a request, so the instance is ready now.
    const std::uint32_t slot = createInstance(false);
    m_instances[slot].ready = true;
    recordStart(slot, now, now);
    keepWarmFor(slot, now, keepAliveS);
    makeAvailable(slot);
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
    m_metrics.writeIdleMemory(result, m_memoryMb);
    return result;
}

} // namespace faaslab
