#pragma once

#include "models/application/message_queue.h"
#include "models/application/part_statistics.h"
#include "models/platforms/platform.h"
#include "models/results/named_metrics.h"
#include "models/scenario/scenario.h"
#include "models/workload/arrival_generator.h"
#include "simulator/distribution.h"
#include "simulator/random_stream.h"
#include "simulator/simulation.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace faaslab {

// Runs an application (scenario format 2) on one architecture: generates
// the triggers' events, submits each function invocation to the platform
// that serves the function, and when an invocation ends decides what
// follows (the next function of a chain, the copies of a fan-out, a message
// to a queue, a retry), following every request (job) to the end of the
// last invocation it caused. See docs/model-semantics.md, "Applications".
//
// The platforms are the same models as for one function: on serverless
// every function has its own pool (it scales on its own); on containers and
// VMs the functions are services on one shared fleet or on one fleet each.
// State is bounded by the work in flight (jobs, invocations, messages
// waiting): nothing is kept per finished request.
//
// A platform tells of an invocation's end from within its own event
// handling, so follow-up invocations are submitted from an event of this
// runtime scheduled at the same instant, never from inside that call.
class ApplicationRuntime final : public sim::EventHandler,
                                 public InvocationListener,
                                 public sim::RunObserver {
public:
    ApplicationRuntime(const Scenario& scenario, std::size_t architecture,
                       sim::Simulation& simulation, std::uint64_t replication,
                       const MeasurementWindow& window);
    ~ApplicationRuntime();
    ApplicationRuntime(const ApplicationRuntime&) = delete;
    ApplicationRuntime& operator=(const ApplicationRuntime&) = delete;

    void start();
    void handleEvent(const sim::Event& event) override;
    void onInvocationEnd(const InvocationEnd& end) override;
    void onWarmupEnd(double time) override;
    void onHorizon(double time) override;

    // End-to-end metrics of the requests, the instance and cost metrics of
    // all pools combined, and the per-function, trigger and queue parts.
    ReplicationResult result() const;

private:
    static constexpr std::uint32_t None = 0xffffffffu;

    enum EventKind : std::uint32_t { TriggerFires, Submit, PollQueue };

    // A request started by a trigger, followed until nothing it caused is
    // left (invocations in flight or waiting for a retry, messages queued).
    struct Job {
        double start = 0.0;
        std::uint64_t serial = 0; // per trigger, keys its random work
        std::uint32_t trigger = 0;
        std::uint32_t outstanding = 0;
        bool measured = false;
        bool coldStart = false; // some invocation of it started cold
        bool failed = false;    // some invocation failed for good
        bool rejected = false;  // a synchronous invocation was throttled
    };
    struct Invocation {
        double firstSubmitted = 0.0;
        double work = 0.0;
        double ioWait = 0.0;
        std::uint32_t job = None;   // None for a queue batch
        std::uint32_t batch = None; // the batch a queue consumer received
        std::uint32_t fan = None;   // the fan-out this is a copy of
        std::uint32_t function = 0;
        std::uint32_t copy = 0;
        std::uint16_t failures = 0;  // failed executions so far
        std::uint16_t throttles = 0; // throttled attempts so far
        bool async = false;
        bool measured = false;
    };
    struct FanOut {
        std::uint32_t remaining = 0;
        std::uint32_t fanIn = None;
        std::uint32_t copy = 0; // work key of the invocation that fanned out
        bool async = false;
        bool failed = false;
    };
    struct Batch {
        std::uint32_t queue = 0;
        double receivedAt = 0.0;
        std::vector<MessageQueue::Message> messages;
    };
    struct TriggerState {
        std::unique_ptr<ArrivalGenerator> arrivals; // http, queue
        sim::RandomStream rng;                      // timer jitter, burst sizes
        sim::Distribution burstSize;
        std::uint64_t fired = 0;
        std::uint64_t jobs = 0;
        TriggerStatistics stats;
    };
    struct FunctionRuntime {
        std::uint32_t pool = 0;
        sim::Distribution serviceTime;
        bool hasIoWait = false;
        sim::Distribution ioWait;
        FunctionStatistics stats;
    };

    void scheduleTrigger(std::uint32_t trigger, double after);
    void fireTrigger(std::uint32_t trigger, double now);
    std::uint32_t startJob(std::uint32_t trigger, double now);
    void endJobPart(std::uint32_t job, double now);

    std::uint32_t newInvocation(std::uint32_t job, std::uint32_t function, std::uint32_t copy,
                                bool async, double now);
    void submit(std::uint32_t invocation, double now);
    void submitLater(std::uint32_t invocation, double at);
    void releaseInvocation(std::uint32_t invocation);
    void onCompleted(std::uint32_t invocation, double now);
    void onFailed(std::uint32_t invocation, InvocationOutcome outcome, double now);
    // What the completion of `function` causes within `job`.
    void followEdges(std::uint32_t job, std::uint32_t function, std::uint32_t copy, double now);

    void publish(std::uint32_t queue, std::uint32_t job, std::uint32_t copy, double now);
    void requestPoll(std::uint32_t queue, double now);
    void poll(std::uint32_t queue, double now);
    // Accounts a change of `q`'s visible messages by `delta` (before it).
    void setVisible(MessageQueue& q, double now, std::ptrdiff_t delta);
    void onBatchEnd(std::uint32_t invocation, bool succeeded, double now);

    // The invocation's work: a function of (trigger, job serial, function,
    // copy) only, so that every architecture of the scenario and every retry
    // sees the same demand (common random numbers).
    void sampleWork(Invocation& invocation, const Job& job) const;

    const ApplicationSpec& m_app;
    sim::Simulation& m_simulation;
    std::uint64_t m_seed = 0;
    std::uint64_t m_replication = 0;
    MeasurementWindow m_window;
    double m_windowStart;

    std::vector<WorkloadSpec> m_poolWorkloads; // per pool (memory); stable
    std::vector<std::unique_ptr<Platform>> m_pools;
    bool m_poolPerFunction = true;
    PlatformMetrics m_jobMetrics;

    std::vector<FunctionRuntime> m_functions;
    std::vector<TriggerState> m_triggers;
    std::vector<MessageQueue> m_queues;
    std::vector<sim::Distribution> m_fanOutCopies; // per edge

    std::vector<Job> m_jobs;
    std::vector<std::uint32_t> m_freeJobs;
    std::vector<Invocation> m_invocations;
    std::vector<std::uint32_t> m_freeInvocations;
    std::vector<FanOut> m_fans;
    std::vector<std::uint32_t> m_freeFans;
    std::vector<Batch> m_batches;
    std::vector<std::uint32_t> m_freeBatches;
    std::uint64_t m_requests = 0;
    bool m_inListener = false;
};

} // namespace faaslab
