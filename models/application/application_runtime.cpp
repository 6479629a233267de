#include "models/application/application_runtime.h"

#include "models/platforms/platform_factory.h"
#include "models/results/metric_keys.h"
#include "models/workload/request_source.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace faaslab {

namespace {

// A count drawn from a distribution the user gave for an integer quantity
// (fan-out copies, objects per upload burst): the nearest integer, at least 1
// and at most the limit the reader checked the worst case against.
std::uint32_t drawCount(const sim::Distribution& d, sim::RandomStream& rng) {
    const double x = std::round(d.sample(rng));
    return x < 1.0 ? 1u
                   : (x > ApplicationSpec::MaxCopies
                          ? static_cast<std::uint32_t>(ApplicationSpec::MaxCopies)
                          : static_cast<std::uint32_t>(x));
}

template <typename T>
std::uint32_t allocate(std::vector<T>& pool, std::vector<std::uint32_t>& free) {
    if (!free.empty()) {
        const std::uint32_t id = free.back();
        free.pop_back();
        return id;
    }
    pool.emplace_back();
    return static_cast<std::uint32_t>(pool.size() - 1);
}

// Pools of one architecture get their own random streams (cold starts,
// start-up times): the architecture's index with the pool in the high bits.
std::uint64_t poolStreamIndex(std::size_t architecture, std::size_t pool) {
    return static_cast<std::uint64_t>(architecture) | (static_cast<std::uint64_t>(pool) << 32);
}

} // namespace

ApplicationRuntime::ApplicationRuntime(const Scenario& scenario, std::size_t architecture,
                                       sim::Simulation& simulation, std::uint64_t replication,
                                       const MeasurementWindow& window)
    : m_app(scenario.application.value())
    , m_simulation(simulation)
    , m_seed(scenario.simulation.seed)
    , m_replication(replication)
    , m_window(window)
    , m_windowStart(window.warmupS)
    , m_jobMetrics(window) {
    const ArchitectureSpec& spec = scenario.architectures.at(architecture);
    const bool serverless = std::holds_alternative<ServerlessConfig>(spec.config);
    m_poolPerFunction = serverless || !spec.sharedPool;
    const std::size_t functionCount = m_app.functions.size();
    const std::size_t poolCount = m_poolPerFunction ? functionCount : 1;

    // Contexts refer to these workloads: sized once, never reallocated.
    m_poolWorkloads.resize(poolCount);
    for (std::size_t p = 0; p < poolCount; ++p) {
        m_poolWorkloads[p].memoryMb =
            m_poolPerFunction ? m_app.functions[p].memoryMb : m_app.functions.front().memoryMb;
    }
    for (std::size_t p = 0; p < poolCount; ++p) {
        ArchitectureSpec poolSpec = spec;
        if (serverless) {
            const FunctionSpec& fn = m_app.functions[p];
            auto& config = std::get<ServerlessConfig>(poolSpec.config);
            config.timeoutS = fn.timeoutS.value_or(config.timeoutS);
            config.keepAliveS = fn.keepAliveS.value_or(config.keepAliveS);
            config.maxInstances = fn.maxInstances.value_or(config.maxInstances);
        }
        const PlatformContext context{
            simulation, m_poolWorkloads[p], m_seed, replication, poolStreamIndex(architecture, p),
            window};
        m_pools.push_back(makePlatform(poolSpec.config, context));
        m_pools.back()->setInvocationListener(this);
        simulation.addObserver(m_pools.back().get());
    }

    m_functions.resize(functionCount);
    for (std::size_t f = 0; f < functionCount; ++f) {
        const FunctionSpec& fn = m_app.functions[f];
        FunctionRuntime& rt = m_functions[f];
        rt.pool = m_poolPerFunction ? static_cast<std::uint32_t>(f) : 0u;
        rt.serviceTime = fn.serviceTimeS.toDistribution();
        rt.hasIoWait = fn.ioWaitS.has_value();
        rt.ioWait = rt.hasIoWait ? fn.ioWaitS->toDistribution() : sim::Distribution();
    }
    m_triggers.resize(m_app.triggers.size());
    for (std::size_t t = 0; t < m_app.triggers.size(); ++t) {
        const TriggerSpec& spec = m_app.triggers[t];
        TriggerState& state = m_triggers[t];
        state.rng = sim::RandomStream::derive(
            m_seed, {replication, static_cast<std::uint64_t>(StreamPurpose::TriggerEvents), t});
        if (spec.type == TriggerSpec::Type::Http || spec.type == TriggerSpec::Type::Queue) {
            state.arrivals = std::make_unique<ArrivalGenerator>(
                spec.arrivals,
                sim::RandomStream::derive(
                    m_seed, {replication, static_cast<std::uint64_t>(StreamPurpose::Arrivals), t}),
                ArrivalGenerator::Bounds{simulation.horizon(), simulation.cancelFlag()});
        }
        state.burstSize = spec.burstSize.toDistribution();
    }
    m_queues.reserve(m_app.queues.size());
    for (const QueueSpec& q : m_app.queues) {
        m_queues.emplace_back(q);
    }
    m_fanOutCopies.reserve(m_app.edges.size());
    for (const EdgeSpec& e : m_app.edges) {
        m_fanOutCopies.push_back(e.copies.toDistribution());
    }
}

ApplicationRuntime::~ApplicationRuntime() = default;

void ApplicationRuntime::start() {
    for (auto& pool : m_pools) {
        pool->start();
    }
    for (std::size_t t = 0; t < m_app.triggers.size(); ++t) {
        const TriggerSpec& spec = m_app.triggers[t];
        TriggerState& state = m_triggers[t];
        switch (spec.type) {
        case TriggerSpec::Type::Http:
        case TriggerSpec::Type::Queue:
            scheduleTrigger(static_cast<std::uint32_t>(t), state.arrivals->next());
            break;
        case TriggerSpec::Type::Timer:
            scheduleTrigger(static_cast<std::uint32_t>(t),
                            spec.offsetS +
                                (spec.jitterS > 0.0 ? spec.jitterS * state.rng.uniform() : 0.0));
            break;
        case TriggerSpec::Type::Storage:
            scheduleTrigger(static_cast<std::uint32_t>(t),
                            -std::log(state.rng.uniformOpenZero()) / spec.burstRatePerS);
            break;
        }
    }
}

void ApplicationRuntime::scheduleTrigger(std::uint32_t trigger, double at) {
    // Triggers stop at the horizon; what they started drains afterwards.
    if (at < m_simulation.horizon()) {
        m_simulation.schedule(at, this, TriggerFires, trigger);
    }
}

void ApplicationRuntime::handleEvent(const sim::Event& event) {
    const double now = event.time;
    m_jobMetrics.advanceTo(now);
    switch (event.kind) {
    case TriggerFires:
        fireTrigger(event.index, now);
        break;
    case Submit:
        submit(event.index, now);
        break;
    case PollQueue:
        if (event.value == 0.0) {
            m_queues[event.index].pollPending = false;
        }
        poll(event.index, now);
        break;
    default:
        break;
    }
}

void ApplicationRuntime::fireTrigger(std::uint32_t trigger, double now) {
    const TriggerSpec& spec = m_app.triggers[trigger];
    TriggerState& state = m_triggers[trigger];
    ++state.fired;
    switch (spec.type) {
    case TriggerSpec::Type::Http: {
        // Synchronous: a throttled request is rejected, not retried.
        const std::uint32_t job = startJob(trigger, now);
        submit(newInvocation(job, static_cast<std::uint32_t>(spec.function), 0, false, now), now);
        scheduleTrigger(trigger, state.arrivals->next());
        break;
    }
    case TriggerSpec::Type::Timer: {
        const std::uint32_t job = startJob(trigger, now);
        submit(newInvocation(job, static_cast<std::uint32_t>(spec.function), 0, true, now), now);
        const double jitter = spec.jitterS > 0.0 ? spec.jitterS * state.rng.uniform() : 0.0;
        scheduleTrigger(trigger,
                        spec.offsetS + static_cast<double>(state.fired) * spec.periodS + jitter);
        break;
    }
    case TriggerSpec::Type::Storage: {
        // One event (and one asynchronous invocation) per uploaded object.
        const std::uint32_t objects = drawCount(state.burstSize, state.rng);
        for (std::uint32_t i = 0; i < objects; ++i) {
            const std::uint32_t job = startJob(trigger, now);
            submit(newInvocation(job, static_cast<std::uint32_t>(spec.function), 0, true, now),
                   now);
        }
        scheduleTrigger(trigger, now - std::log(state.rng.uniformOpenZero()) / spec.burstRatePerS);
        break;
    }
    case TriggerSpec::Type::Queue: {
        const std::uint32_t job = startJob(trigger, now);
        publish(static_cast<std::uint32_t>(spec.queue), job, 0, now);
        scheduleTrigger(trigger, state.arrivals->next());
        break;
    }
    }
}

std::uint32_t ApplicationRuntime::startJob(std::uint32_t trigger, double now) {
    const std::uint32_t id = allocate(m_jobs, m_freeJobs);
    Job& job = m_jobs[id];
    job = Job{};
    job.start = now;
    job.serial = m_triggers[trigger].jobs++;
    job.trigger = trigger;
    job.measured = m_jobMetrics.isMeasured(now);
    if (job.measured) {
        ++m_triggers[trigger].stats.arrived;
        m_jobMetrics.recordArrival();
    }
    return id;
}

void ApplicationRuntime::endJobPart(std::uint32_t id, double now) {
    Job& job = m_jobs[id];
    if (--job.outstanding > 0) {
        return;
    }
    if (job.measured) {
        TriggerStatistics& stats = m_triggers[job.trigger].stats;
        if (job.rejected) {
            ++stats.rejected;
            m_jobMetrics.recordRejection();
        } else {
            const double latency = now - job.start;
            ++(job.failed ? stats.failed : stats.completed);
            stats.latency.add(latency);
            m_jobMetrics.recordServed(latency, job.coldStart, job.failed);
        }
    }
    m_freeJobs.push_back(id);
}

void ApplicationRuntime::sampleWork(Invocation& invocation, const Job& job) const {
    sim::RandomStream rng = sim::RandomStream::derive(
        m_seed, {m_replication, static_cast<std::uint64_t>(StreamPurpose::ApplicationWork),
                 job.trigger, job.serial, invocation.function, invocation.copy});
    const FunctionRuntime& fn = m_functions[invocation.function];
    invocation.work += fn.serviceTime.sample(rng);
    invocation.ioWait += fn.hasIoWait ? fn.ioWait.sample(rng) : 0.0;
}

std::uint32_t ApplicationRuntime::newInvocation(std::uint32_t job, std::uint32_t function,
                                                std::uint32_t copy, bool async, double now) {
    const std::uint32_t id = allocate(m_invocations, m_freeInvocations);
    Invocation& inv = m_invocations[id];
    inv = Invocation{};
    inv.firstSubmitted = now;
    inv.job = job;
    inv.function = function;
    inv.copy = copy;
    inv.async = async;
    inv.measured = m_jobMetrics.isMeasured(now);
    if (job != None) {
        ++m_jobs[job].outstanding;
        sampleWork(inv, m_jobs[job]);
    }
    return id;
}

void ApplicationRuntime::submit(std::uint32_t id, double now) {
    if (m_inListener) {
        submitLater(id, now);
        return;
    }
    const Invocation& inv = m_invocations[id];
    if (inv.measured) {
        ++m_functions[inv.function].stats.invocations;
    }
    Request request;
    request.id = m_requests++;
    request.arrival = now;
    request.work = inv.work;
    request.ioWait = inv.ioWait;
    request.token = id;
    m_pools[m_functions[inv.function].pool]->onArrival(request);
}

void ApplicationRuntime::submitLater(std::uint32_t id, double at) {
    m_simulation.schedule(at, this, Submit, id);
}

void ApplicationRuntime::releaseInvocation(std::uint32_t id) {
    m_freeInvocations.push_back(id);
}

void ApplicationRuntime::onInvocationEnd(const InvocationEnd& end) {
    m_jobMetrics.advanceTo(end.time);
    const auto id = static_cast<std::uint32_t>(end.token);
    const Invocation& inv = m_invocations[id];
    if (inv.measured) {
        FunctionStatistics& stats = m_functions[inv.function].stats;
        stats.coldStarts += end.coldStart ? 1 : 0;
        if (end.outcome == InvocationOutcome::Completed) {
            ++stats.completed;
        }
        if (end.outcome != InvocationOutcome::Rejected) {
            stats.latency.add(end.latency);
            stats.workS += inv.work;
        }
    }
    if (end.coldStart) {
        if (inv.job != None) {
            m_jobs[inv.job].coldStart = true;
        } else {
            for (const MessageQueue::Message& m : m_batches[inv.batch].messages) {
                m_jobs[m.job].coldStart = true;
            }
        }
    }
    m_inListener = true;
    if (end.outcome == InvocationOutcome::Completed) {
        onCompleted(id, end.time);
    } else {
        onFailed(id, end.outcome, end.time);
    }
    m_inListener = false;
}

void ApplicationRuntime::onCompleted(std::uint32_t id, double now) {
    const Invocation inv = m_invocations[id];
    if (inv.batch != None) {
        onBatchEnd(id, true, now);
        return;
    }
    followEdges(inv.job, inv.function, inv.copy, now);
    if (inv.fan != None) {
        FanOut& fan = m_fans[inv.fan];
        if (--fan.remaining == 0) {
            const FanOut done = fan;
            m_freeFans.push_back(inv.fan);
            if (!done.failed && done.fanIn != None) {
                submit(newInvocation(inv.job, done.fanIn, done.copy, done.async, now), now);
            }
        }
    }
    releaseInvocation(id);
    endJobPart(inv.job, now);
}

void ApplicationRuntime::onFailed(std::uint32_t id, InvocationOutcome outcome, double now) {
    Invocation& inv = m_invocations[id];
    if (inv.batch != None) {
        FunctionStatistics& stats = m_functions[inv.function].stats;
        if (inv.measured) {
            ++(outcome == InvocationOutcome::TimedOut ? stats.timedOut : stats.throttles);
        }
        onBatchEnd(id, false, now);
        return;
    }
    FunctionStatistics& stats = m_functions[inv.function].stats;
    const AsyncInvocationSettings& rules = m_app.async;
    if (outcome == InvocationOutcome::TimedOut) {
        if (inv.measured) {
            ++stats.timedOut;
        }
        // An asynchronous event whose execution failed is retried a fixed
        // number of times with growing delays (the same work each time).
        if (inv.async && inv.failures < rules.maxRetries) {
            ++inv.failures;
            stats.retries += inv.measured ? 1 : 0;
            submitLater(id, now + rules.retryDelayS * std::ldexp(1.0, inv.failures - 1));
            return;
        }
    } else {
        if (inv.measured) {
            ++stats.throttles;
        }
        // A throttled asynchronous event goes back to the event queue and is
        // retried with exponential backoff until it is too old.
        if (inv.async) {
            const double delay = std::min(rules.throttleBackoffS * std::ldexp(1.0, inv.throttles),
                                          rules.throttleBackoffMaxS);
            if (now + delay - inv.firstSubmitted <= rules.maxEventAgeS) {
                ++inv.throttles;
                stats.retries += inv.measured ? 1 : 0;
                submitLater(id, now + delay);
                return;
            }
        }
    }
    // Failed for good: a synchronous throttle rejects the request; anything
    // else (timeout, retries exhausted, event too old) fails it.
    const Invocation done = inv;
    Job& job = m_jobs[done.job];
    if (outcome == InvocationOutcome::Rejected && !done.async) {
        job.rejected = true;
    } else {
        job.failed = true;
    }
    if (done.fan != None) {
        FanOut& fan = m_fans[done.fan];
        fan.failed = true;
        if (--fan.remaining == 0) {
            m_freeFans.push_back(done.fan);
        }
    }
    releaseInvocation(id);
    endJobPart(done.job, now);
}

void ApplicationRuntime::followEdges(std::uint32_t job, std::uint32_t function, std::uint32_t copy,
                                     double now) {
    for (std::size_t e = 0; e < m_app.edges.size(); ++e) {
        const EdgeSpec& edge = m_app.edges[e];
        if (edge.from != static_cast<int>(function)) {
            continue;
        }
        switch (edge.type) {
        case EdgeSpec::Type::Chain:
            submit(newInvocation(job, static_cast<std::uint32_t>(edge.to), copy, edge.async, now),
                   now);
            break;
        case EdgeSpec::Type::FanOut: {
            const Job& j = m_jobs[job];
            sim::RandomStream rng = sim::RandomStream::derive(
                m_seed, {m_replication, static_cast<std::uint64_t>(StreamPurpose::FanOutCounts),
                         j.trigger, j.serial, e, copy});
            const std::uint32_t copies = drawCount(m_fanOutCopies[e], rng);
            const std::uint32_t fan = allocate(m_fans, m_freeFans);
            m_fans[fan] =
                FanOut{copies, edge.fanIn ? static_cast<std::uint32_t>(*edge.fanIn) : None, copy,
                       edge.async, false};
            for (std::uint32_t c = 0; c < copies; ++c) {
                // Nested fan-outs: every copy of every copy has its own work.
                const std::uint32_t key = copy * 1000003u + c;
                const std::uint32_t inv =
                    newInvocation(job, static_cast<std::uint32_t>(edge.to), key, edge.async, now);
                m_invocations[inv].fan = fan;
                submit(inv, now);
            }
            break;
        }
        case EdgeSpec::Type::Queue:
            publish(static_cast<std::uint32_t>(edge.queue), job, copy, now);
            break;
        }
    }
}

void ApplicationRuntime::setVisible(MessageQueue& q, double now, std::ptrdiff_t delta) {
    const double from = std::max(q.backlogSince, m_windowStart);
    const double to = std::min(now, m_window.horizonS);
    if (to > from && m_jobMetrics.isMeasured(from)) {
        q.stats().backlogIntegral += static_cast<double>(q.visibleCount()) * (to - from);
    }
    q.backlogSince = now;
    m_jobMetrics.advanceTo(now);
    m_jobMetrics.addQueued(static_cast<int>(delta));
}

void ApplicationRuntime::publish(std::uint32_t queue, std::uint32_t job, std::uint32_t copy,
                                 double now) {
    MessageQueue& q = m_queues[queue];
    ++m_jobs[job].outstanding;
    setVisible(q, now, 1);
    q.send(job, copy, now, m_jobMetrics.isMeasured(now));
    requestPoll(queue, now);
}

void ApplicationRuntime::requestPoll(std::uint32_t queue, double now) {
    MessageQueue& q = m_queues[queue];
    if (!q.pollPending) {
        q.pollPending = true;
        m_simulation.schedule(now, this, PollQueue, queue, 0.0);
    }
}

void ApplicationRuntime::poll(std::uint32_t queue, double now) {
    const QueueSpec& spec = m_app.queues[queue];
    MessageQueue& q = m_queues[queue];
    while (q.hasDue(now)) {
        setVisible(q, now, 1);
        q.revealOne();
    }
    for (;;) {
        double wakeAt = -1.0;
        const std::size_t take = q.batchReady(now, wakeAt);
        if (take == 0) {
            if (wakeAt >= 0.0) {
                m_simulation.schedule(wakeAt, this, PollQueue, queue, 1.0);
            }
            break;
        }
        const std::uint32_t batchId = allocate(m_batches, m_freeBatches);
        Batch& batch = m_batches[batchId];
        batch.queue = queue;
        batch.receivedAt = now;
        setVisible(q, now, -static_cast<std::ptrdiff_t>(take));
        q.take(take, now, m_jobMetrics.isMeasured(now), batch.messages);
        // The poller invokes the consumer synchronously with the whole
        // batch; the function works through the messages one after another.
        const std::uint32_t inv =
            newInvocation(None, static_cast<std::uint32_t>(spec.consumer), 0, false, now);
        Invocation& invocation = m_invocations[inv];
        invocation.batch = batchId;
        for (const MessageQueue::Message& m : m_batches[batchId].messages) {
            invocation.copy = m.copy;
            sampleWork(invocation, m_jobs[m.job]);
        }
        submit(inv, now);
    }
}

void ApplicationRuntime::onBatchEnd(std::uint32_t id, bool succeeded, double now) {
    const Invocation inv = m_invocations[id];
    Batch& batch = m_batches[inv.batch];
    const std::uint32_t queue = batch.queue;
    const double receivedAt = batch.receivedAt;
    std::vector<MessageQueue::Message> messages;
    messages.swap(batch.messages);
    m_freeBatches.push_back(inv.batch);
    releaseInvocation(id);

    MessageQueue& q = m_queues[queue];
    q.batchEnded();
    for (const MessageQueue::Message& m : messages) {
        if (succeeded) {
            followEdges(m.job, inv.function, m.copy, now);
            endJobPart(m.job, now);
            continue;
        }
        double visibleAt = 0.0;
        switch (q.redeliver(m, receivedAt, now, m_jobMetrics.isMeasured(now), visibleAt)) {
        case MessageQueue::Redelivery::DeadLettered:
            m_jobs[m.job].failed = true;
            endJobPart(m.job, now);
            break;
        case MessageQueue::Redelivery::Hidden:
            m_simulation.schedule(visibleAt, this, PollQueue, queue, 1.0);
            break;
        }
    }
    // Keep the capacity of the buffer for the next batch in this slot.
    messages.clear();
    m_batches[inv.batch].messages.swap(messages);
    requestPoll(queue, now);
}

void ApplicationRuntime::onWarmupEnd(double time) {
    m_jobMetrics.startMeasurement(time);
    m_windowStart = time;
    for (FunctionRuntime& f : m_functions) {
        f.stats.reset();
    }
    for (TriggerState& t : m_triggers) {
        t.stats.reset();
    }
    for (MessageQueue& q : m_queues) {
        q.stats().reset();
        q.backlogSince = time;
    }
}

void ApplicationRuntime::onHorizon(double time) {
    for (MessageQueue& q : m_queues) {
        setVisible(q, time, 0);
    }
    m_jobMetrics.stopMeasurement(time);
}

ReplicationResult ApplicationRuntime::result() const {
    using namespace metric;
    ReplicationResult out;
    m_jobMetrics.writeResult(out);
    MetricValues& m = out.metrics;

    std::vector<ReplicationResult> pools;
    pools.reserve(m_pools.size());
    for (const auto& pool : m_pools) {
        pools.push_back(pool->result());
    }

    // Instances and utilisation: the pools side by side. The maximum is the
    // sum of the pools' maxima, an upper bound of the largest total.
    double instances = 0, instancesMax = 0, busy = 0, idle = 0, queue = 0;
    double capacity = 0, busyCapacity = 0;
    double served = 0, waitSum = 0, waited = 0, waitMax = 0;
    double idleMemory = 0;
    bool serverlessPools = false;
    CostBreakdown total, monthly;
    for (std::size_t p = 0; p < pools.size(); ++p) {
        const MetricValues& pm = pools[p].metrics;
        instances += pm.value(InstancesMean);
        instancesMax += pm.value(InstancesMax);
        busy += pm.value(InstancesBusyMean);
        idle += pm.value(InstancesIdleMean);
        queue += pm.value(QueueLengthMean);
        if (const auto gbS = pm.find(IdleMemoryGbS)) {
            serverlessPools = true;
            idleMemory += *gbS;
        }
        capacity += m_pools[p]->metrics().averageCapacity();
        busyCapacity += m_pools[p]->metrics().averageBusyCapacity();
        const double poolServed = pm.value(Completed) + pm.value(TimedOut);
        served += poolServed;
        waitSum += pm.value(WaitMean) * poolServed;
        waited += pm.value(WaitProbability) * poolServed;
        waitMax = std::max(waitMax, pm.value(WaitMax));
        for (const MetricValues::Entry& e : pm.entries()) {
            if (e.key.starts_with(CostBreakdownPrefix)) {
                total.add(e.key.substr(CostBreakdownPrefix.size()), e.value);
            } else if (e.key.starts_with(CostMonthlyBreakdownPrefix)) {
                monthly.add(e.key.substr(CostMonthlyBreakdownPrefix.size()), e.value);
            }
        }
    }
    // Waits are those of invocations for capacity in the pools.
    m.set(WaitMean, served > 0 ? waitSum / served : 0.0);
    m.set(WaitMax, waitMax);
    m.set(WaitProbability, served > 0 ? waited / served : 0.0);
    m.set(InstancesMean, instances);
    m.set(InstancesMax, instancesMax);
    m.set(InstancesBusyMean, busy);
    m.set(InstancesIdleMean, idle);
    m.set(QueueLengthMean, m.value(QueueLengthMean) + queue);
    m.set(Utilization, capacity > 0 ? busyCapacity / capacity : 0.0);
    m_jobMetrics.writeCost(out, total, monthly);
    if (serverlessPools) {
        // Per request of the application: per trigger event, whatever the
        // number of function invocations it caused.
        const double arrived = m.value(Arrived);
        m.set(IdleMemoryGbS, idleMemory);
        m.set(IdleMemoryGbSPerRequest, arrived > 0 ? idleMemory / arrived : 0.0);
    }

    // Time series: request columns are end to end; level and cost columns
    // are the pools' sums (every pool bins the same window).
    for (const char* column : {"instances", "busy_instances", "requests_in_service", "queue_length",
                               "cost_cumulative"}) {
        const int c = out.series.columnIndex(column);
        if (c < 0) {
            continue;
        }
        auto& values = out.series.values[static_cast<std::size_t>(c)];
        for (const ReplicationResult& pool : pools) {
            const int pc = pool.series.columnIndex(column);
            if (pc < 0 || pool.series.binCount() != values.size()) {
                continue;
            }
            const auto& add = pool.series.values[static_cast<std::size_t>(pc)];
            for (std::size_t b = 0; b < values.size(); ++b) {
                values[b] += add[b];
            }
        }
    }

    // A shared fleet's bill is split in proportion to each function's CPU
    // work in the window (equally if nothing ran): an allocation, since the
    // instances serve every function at once. Its instances are not split.
    double sharedWork = 0.0;
    for (const FunctionRuntime& rt : m_functions) {
        sharedWork += rt.stats.workS;
    }
    for (std::size_t f = 0; f < m_functions.size(); ++f) {
        NamedMetrics part{m_app.functions[f].name, m_functions[f].stats.toMetrics(), {}};
        const MetricValues& pm = pools[m_functions[f].pool].metrics;
        if (m_poolPerFunction) {
            // A function with its own pool has its own instances and bill.
            part.metrics.set(part_metric::InstancesMean, pm.value(InstancesMean));
            part.metrics.set(part_metric::CostTotal, pm.value(CostTotal));
        } else {
            const double share = sharedWork > 0.0 ? m_functions[f].stats.workS / sharedWork
                                                  : 1.0 / static_cast<double>(m_functions.size());
            part.metrics.set(part_metric::CostTotal, pm.value(CostTotal) * share);
        }
        out.functions.push_back(std::move(part));
    }
    for (std::size_t t = 0; t < m_triggers.size(); ++t) {
        out.triggers.push_back(
            NamedMetrics{m_app.triggers[t].name, m_triggers[t].stats.toMetrics(), {}});
    }
    const double window = m_jobMetrics.windowLength();
    for (std::size_t q = 0; q < m_queues.size(); ++q) {
        out.queues.push_back(
            NamedMetrics{m_app.queues[q].name, m_queues[q].stats().toMetrics(window), {}});
    }
    return out;
}

} // namespace faaslab
