#pragma once

#include "models/billing/serverless_billing_meter.h"
#include "models/platforms/hybrid_histogram_policy.h"
#include "models/platforms/instance_selection.h"
#include "models/platforms/platform.h"
#include "models/platforms/serverless_config.h"
#include "models/platforms/slot_list.h"
#include "simulator/distribution.h"
#include "simulator/random_stream.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace faaslab {

// Function-as-a-Service: instances created on demand, kept warm for a while,
// billed per invocation. The semantics (docs/model-semantics.md):
//  - a request that finds an available warm instance runs on it at once
//    (warm start); provisioned instances are used before on-demand ones;
//  - otherwise, below max_instances, a new instance starts: the request waits
//    the cold-start delay, then runs; the instance is busy for both;
//  - otherwise the request is rejected (throttled), never queued;
//  - an idle on-demand instance is terminated exactly keep_alive_s after it
//    became idle unless reused first (fixed policy), at once (none), or as
//    the hybrid histogram policy decides: unloaded at once and pre-warmed
//    later, or kept for a window learnt from the function's idle times;
//  - an execution longer than timeout_s is killed at the timeout;
//  - latency = cold-start delay (if cold) + execution time.
//
// A fixed keep-alive is applied lazily: idle instances are kept in order of
// the time they became idle, and before every event the ones whose keep-alive
// has run out are removed at their exact expiry times. That costs no event
// per idle period and is exact, because nothing can observe an instance
// between its expiry and the next event. The hybrid policy's windows differ
// from one idle period to the next, so it schedules an expiry event per idle
// period instead.
class ServerlessPlatform final : public Platform {
public:
    ServerlessPlatform(const ServerlessConfig& config, const PlatformContext& context);

    void start() override;
    void onArrival(const Request& request) override;
    void handleEvent(const sim::Event& event) override;
    void onWarmupEnd(double time) override;
    void onHorizon(double time) override;
    void settle(double time) override { expireIdleInstances(time); }
    ReplicationResult result() const override;
    const PlatformMetrics& metrics() const override { return m_metrics; }

private:
    struct Instance {
        std::uint64_t creation = 0; // creation number, for NewestCreated
        // Which idle period an expiry event belongs to (hybrid policy).
        std::uint64_t idlePeriod = 0;
        double idleSince = 0.0;
        std::uint32_t active = 0; // requests running on it
        bool ready = false;       // initialisation finished
        bool provisioned = false;
        bool alive = false;
    };

    enum EventKind : std::uint32_t {
        Finished = 0,
        Ready = 1,
        // Hybrid keep-alive: an idle period's end, and a pre-warm.
        Expire = 2,
        Prewarm = 3,
        // Flags on Finished events, so that the event alone carries what is
        // needed to account for the request when it ends.
        MeasuredFlag = 1u << 8,
        ColdFlag = 1u << 9,
        TimedOutFlag = 1u << 10,
        // The event's index is an entry of m_listened, not an instance slot.
        ListenedFlag = 1u << 11,
        KindMask = 0xff,
    };

    std::uint32_t createInstance(bool provisioned);
    void destroyInstance(std::uint32_t slot, double time, InstanceEndReason reason);
    [[gnu::cold, gnu::noinline]] void recordRequest(const Request& request, std::uint32_t slot,
                                                    double init, double latency, bool timedOut,
                                                    bool cold) const;
    void recordStart(std::uint32_t slot, double time, double readyAt) const {
        if (TimelineRecorder* t = timeline()) [[unlikely]] {
            t->instanceStarted(time, m_instances[slot].creation, readyAt,
                               m_instances[slot].provisioned);
        }
    }
    // Terminates idle instances whose keep-alive ran out by `now`, at their
    // exact expiry times. The common case (nothing expires) is inline.
    void expireIdleInstances(double now) {
        if (!m_idle.empty() && m_instances[m_idle.front()].idleSince + m_lazyKeepAliveS <= now) {
            expireIdleInstancesSlow(now);
        }
    }
    void expireIdleInstancesSlow(double now);
    void makeAvailable(std::uint32_t slot);
    std::uint32_t pickOnDemand() const;
    void onFinished(const sim::Event& event);
    // Keeps a listened-to request's token until it ends; returns the entry.
    std::uint32_t listened(std::uint32_t slot, std::uint64_t token);
    void onReady(std::uint32_t slot, double creation);
    // Hybrid policy: an on-demand instance just became idle. Returns false
    // when it was unloaded (to be pre-warmed later).
    bool keepIdleInstance(std::uint32_t slot, double now);
    void keepWarmFor(std::uint32_t slot, double now, double keepAliveS);
    void onExpire(std::uint32_t slot, double idlePeriod, double now);
    void onPrewarm(std::uint32_t id, double now, double keepAliveS);
    void cancelSoonestPrewarm();

    ServerlessConfig m_config;
    double m_memoryMb;
    // The keep-alive the lazy expiry applies: keep_alive_s (fixed), 0
    // (none), infinite (hybrid, which uses expiry events).
    double m_lazyKeepAliveS;
    sim::Simulation& m_simulation;
    PlatformMetrics m_metrics;
    ServerlessBillingMeter m_meter;
    sim::Distribution m_coldStart;
    sim::RandomStream m_coldStartRng;

    std::vector<Instance> m_instances;
    std::vector<std::uint32_t> m_freeSlots;
    std::uint64_t m_created = 0;
    int m_alive = 0;
    // Instances running at least one request.
    int m_busy = 0;

    // Hybrid policy state. An idle time is measured per function, from the
    // moment no instance runs anything to the next arrival.
    std::optional<HybridHistogramPolicy> m_hybrid;
    double m_allIdleSince = -1.0; // < 0: nothing has run yet
    std::uint64_t m_idlePeriods = 0;
    // Pre-warms scheduled and not yet done, by id (the event's index). A
    // cold start cancels the one due soonest: the request it was meant for
    // came early. Bounded by the instances unloaded at once.
    struct PendingPrewarm {
        std::uint32_t id = 0;
        double due = 0.0;
    };
    std::vector<PendingPrewarm> m_pendingPrewarms;
    std::uint32_t m_prewarmIds = 0;

    AvailableInstances m_availableProvisioned;
    AvailableInstances m_availableOnDemand;
    // On-demand instances with nothing to do, oldest idle first; with a
    // fixed keep-alive that is also expiry order.
    SlotList m_idle;
    // With one request per instance and a recency rule, the on-demand
    // instances that can take a request are exactly the idle ones, in m_idle
    // in order of last use: the common case needs no second structure.
    bool m_idleIsAvailable = false;

    // Requests in execution whose end a listener waits for (none without a
    // listener): bounded by the requests in execution at once.
    struct Listened {
        std::uint64_t token = 0;
        std::uint32_t slot = 0;
    };
    std::vector<Listened> m_listened;
    std::vector<std::uint32_t> m_freeListened;
};

} // namespace faaslab
