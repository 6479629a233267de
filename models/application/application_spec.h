#pragma once

#include "models/workload/arrival_spec.h"
#include "models/workload/distribution_spec.h"

#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// One function of an application: its code's demand and its own limits.
struct FunctionSpec {
    std::string name;
    // Execution time of one invocation at full speed (seconds).
    DistributionSpec serviceTimeS = DistributionSpec::exponential(0.2);
    // Optional waiting on downstream services per invocation (see Request).
    std::optional<DistributionSpec> ioWaitS;
    // Configured memory (MB); serverless bills by it.
    double memoryMb = 512.0;
    // Override the architecture's serverless settings for this function.
    std::optional<double> timeoutS;
    std::optional<double> keepAliveS;
    std::optional<int> maxInstances;
    bool operator==(const FunctionSpec&) const = default;
};

// A message queue between producers and one consuming function, with the
// semantics of an SQS queue read by a Lambda event-source mapping.
struct QueueSpec {
    std::string name;
    int consumer = 0; // function index
    // Messages per invocation of the consumer.
    int batchSize = 1;
    // How long a poller waits for a batch to fill after the oldest waiting
    // message arrived; 0 takes whatever is there at once.
    double batchingWindowS = 0.0;
    // Batches in flight at once (pollers).
    int maxConcurrency = 10;
    // A batch whose invocation fails (timed out, throttled) becomes visible
    // again this long after it was received.
    double visibilityTimeoutS = 30.0;
    // A message received this many times without success moves to the
    // dead-letter queue (it is counted, and its request fails).
    int maxReceiveCount = 3;
    bool operator==(const QueueSpec&) const = default;
};

// What starts the work of an application.
struct TriggerSpec {
    enum class Type { Http, Timer, Storage, Queue };
    std::string name;
    Type type = Type::Http;
    // http, timer, storage: the function invoked; queue: unused.
    int function = 0;
    // queue: the queue the external producer sends to.
    int queue = 0;
    // http, queue: when requests / messages arrive (any format-1 process).
    ArrivalSpec arrivals;
    // timer: fires at offset + k * period (+ uniform jitter in [0, jitter)).
    double periodS = 3600.0;
    double offsetS = 0.0;
    double jitterS = 0.0;
    // storage: bursts of uploads arrive as a Poisson process; each burst
    // holds round(sample) >= 1 objects, one event per object.
    double burstRatePerS = 0.01;
    DistributionSpec burstSize = DistributionSpec::deterministic(1.0);

    static std::string_view typeName(Type type);
    bool operator==(const TriggerSpec&) const = default;
};

// What happens when a function completes.
struct EdgeSpec {
    enum class Type { Chain, FanOut, Queue };
    Type type = Type::Chain;
    int from = 0;
    // chain, fan_out: the function invoked.
    int to = 0;
    // chain, fan_out: asynchronous invocations are retried when throttled
    // or failed; synchronous ones fail the request at once.
    bool async = false;
    // fan_out: number of copies of `to`, round(sample) >= 1.
    DistributionSpec copies = DistributionSpec::deterministic(1.0);
    // fan_out: the function run once all copies have completed.
    std::optional<int> fanIn;
    // queue: the queue `from` publishes one message to.
    int queue = 0;

    static std::string_view typeName(Type type);
    bool operator==(const EdgeSpec&) const = default;
};

// How asynchronous invocations are retried (AWS Lambda's rules by default).
struct AsyncInvocationSettings {
    // Retries after a failed execution (timeout); then the event is dead-lettered.
    int maxRetries = 2;
    // Delay before retry k (1, 2, ...): retry_delay_s * 2^(k-1).
    double retryDelayS = 60.0;
    // Throttled events are retried with delays doubling from
    // throttle_backoff_s up to throttle_backoff_max_s ...
    double throttleBackoffS = 1.0;
    double throttleBackoffMaxS = 300.0;
    // ... until they are this old; then they are dead-lettered.
    double maxEventAgeS = 21600.0;
    bool operator==(const AsyncInvocationSettings&) const = default;
};

// A serverless application: named functions, what triggers them, and what
// each one's completion causes. Indices refer to `functions` and `queues`.
struct ApplicationSpec {
    std::vector<FunctionSpec> functions;
    std::vector<QueueSpec> queues;
    std::vector<TriggerSpec> triggers;
    std::vector<EdgeSpec> edges;
    AsyncInvocationSettings async;

    // Edges leaving function f, in file order.
    std::vector<const EdgeSpec*> edgesFrom(int function) const;
    // Expected invocations of each function per request of each trigger
    // (fan-out copies at their mean), for previews and limits; assumes no
    // retries. Requires an acyclic graph (the reader checks that).
    std::vector<double> invocationsPerRequest(int trigger) const;
    // Expected function invocations of one replication of one architecture
    // over `durationS`: each trigger's expected events (requests, timer
    // ticks, objects of the storage bursts) times its invocations per event,
    // at least one (an event is simulated even if it invokes nothing). For
    // the reader's limits and the sweep's time estimate.
    double expectedInvocations(double durationS) const;

    // Largest count a fan-out's copies (or a storage burst's objects) can
    // take: the documented limit of the mean, where the runtime also clamps
    // the samples of a distribution without an upper bound.
    static constexpr double MaxCopies = 100000;
    // The largest count a copies or burst-size distribution can draw:
    // round(max) of a bounded one (deterministic, uniform, empirical),
    // MaxCopies otherwise; at least 1.
    static double maxCount(const DistributionSpec& count);

    // Most function invocations one event of a trigger can start at once:
    // every fan-out draws its largest count, every queue message is consumed
    // in a batch of its own, and a storage event brings its largest burst.
    // All of them can be in flight together (the copies of a fan-out are
    // submitted at the same instant), so this bounds what the engine must
    // hold for one event. `culprit` is the edge at which the count first
    // passed `limit` (the deepest fan-out on the offending path), or -1 when
    // no edge did (the count passed it through the burst size, or not at all).
    struct WorstCase {
        double invocations = 0.0;
        int culprit = -1;
    };
    WorstCase worstCaseInvocations(int trigger, double limit) const;

    bool operator==(const ApplicationSpec&) const = default;
};

} // namespace faaslab
