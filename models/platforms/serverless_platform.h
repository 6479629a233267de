#pragma once

#include "models/billing/serverless_billing_meter.h"
#include "models/platforms/instance_selection.h"
#include "models/platforms/platform.h"
#include "models/platforms/serverless_config.h"
#include "models/platforms/slot_list.h"
#include "simulator/distribution.h"
#include "simulator/random_stream.h"

#include <cstdint>
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
//    became idle unless reused first;
//  - an execution longer than timeout_s is killed at the timeout;
//  - latency = cold-start delay (if cold) + execution time.
//
// Keep-alive expiry is applied lazily: idle instances are kept in order of
// the time they became idle, and before every event the ones whose keep-alive
// has run out are removed at their exact expiry times. That costs no event
// per idle period and is exact, because nothing can observe an instance
// between its expiry and the next event.
class ServerlessPlatform final : public Platform {
public:
    ServerlessPlatform(const ServerlessConfig& config, const PlatformContext& context);

    void start() override;
    void onArrival(const Request& request) override;
    void handleEvent(const sim::Event& event) override;
    void onWarmupEnd(double time) override;
    void onHorizon(double time) override;
    ReplicationResult result() const override;
    const PlatformMetrics& metrics() const override { return m_metrics; }

private:
    struct Instance {
        std::uint64_t creation = 0; // creation number, for NewestCreated
        double idleSince = 0.0;
        std::uint32_t active = 0; // requests running on it
        bool ready = false;       // initialisation finished
        bool provisioned = false;
        bool alive = false;
    };

    enum EventKind : std::uint32_t {
        Finished = 0,
        Ready = 1,
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
    void destroyInstance(std::uint32_t slot);
    // Terminates idle instances whose keep-alive ran out by `now`, at their
    // exact expiry times. The common case (nothing expires) is inline.
    void expireIdleInstances(double now) {
        if (!m_idle.empty() && m_instances[m_idle.front()].idleSince + m_config.keepAliveS <= now) {
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

    ServerlessConfig m_config;
    sim::Simulation& m_simulation;
    PlatformMetrics m_metrics;
    ServerlessBillingMeter m_meter;
    sim::Distribution m_coldStart;
    sim::RandomStream m_coldStartRng;

    std::vector<Instance> m_instances;
    std::vector<std::uint32_t> m_freeSlots;
    std::uint64_t m_created = 0;
    int m_alive = 0;

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
