// Applications (scenario format 2) against results computed by hand or in
// closed form: chains add up, fan-out/fan-in waits for the slowest copy
// (H_N x mean), batching queues wait (b - 1) / (2 lambda), asynchronous
// retries and dead letters count as the rules say.

#include "models/application/part_statistics.h"
#include "models/report/results_writer.h"
#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"
#include "tests/support/statistical_checks.h"
#include "tests/support/test_scenarios.h"

#include <QTest>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

using namespace faaslab;

namespace {

const std::string Lambda = R"({"name": "Lambda", "type": "serverless",
    "cold_start_s": {"dist": "deterministic", "value": 0.3}, "keep_alive_s": 600,
    "max_instances": 1000, "timeout_s": 900, "pricing": "aws-lambda-x86"})";

std::string scenario(const std::string& application, const std::string& architectures,
                     double duration = 10000, int replications = 1) {
    return R"({"format": "faaslab.scenario/2", "name": "test",
        "simulation": {"duration_s": )" +
           std::to_string(duration) + R"(, "seed": 11, "replications": )" +
           std::to_string(replications) + R"(},
        "application": )" +
           application + R"(, "architectures": [)" + architectures + "]}";
}

const NamedMetrics& part(const std::vector<NamedMetrics>& parts, const std::string& name) {
    for (const NamedMetrics& p : parts) {
        if (p.name == name) {
            return p;
        }
    }
    throw std::runtime_error("no part " + name);
}

ReplicationResult runOnce(const std::string& json, std::size_t architecture = 0, int rep = 0) {
    return runReplication(test::scenarioFromJson(json), architecture, rep);
}

} // namespace

class ApplicationRuntimeTest : public QObject {
    Q_OBJECT

private slots:
    // Four synchronous steps of 0.5, 1, 1.5 and 2 s, one request every 100 s:
    // the first request meets four cold starts (4 x 0.3 s), the others none
    // (keep-alive 600 s), so latency is 6.2 s once and 5.0 s after.
    void chainLatencyIsTheSumPlusColdStarts() {
        const std::string app = R"({
            "functions": [
              {"name": "a", "service_time_s": {"dist": "deterministic", "value": 0.5}, "memory_mb": 128},
              {"name": "b", "service_time_s": {"dist": "deterministic", "value": 1.0}, "memory_mb": 128},
              {"name": "c", "service_time_s": {"dist": "deterministic", "value": 1.5}, "memory_mb": 128},
              {"name": "d", "service_time_s": {"dist": "deterministic", "value": 2.0}, "memory_mb": 128}],
            "triggers": [{"name": "api", "type": "http", "function": "a",
                          "arrivals": {"process": "constant", "rate_per_s": 0.01}}],
            "edges": [{"type": "chain", "from": "a", "to": "b"},
                      {"type": "chain", "from": "b", "to": "c"},
                      {"type": "chain", "from": "c", "to": "d"}]})";
        const ReplicationResult r = runOnce(scenario(app, Lambda));
        const double n = r.metrics.value(metric::Arrived);
        QCOMPARE(n, 99.0); // arrivals at 100, 200, ... 9900
        QCOMPARE(r.metrics.value(metric::Completed), n);
        QCOMPARE(r.metrics.value(metric::ColdStarts), 1.0);
        QCOMPARE(r.metrics.value(metric::LatencyMax), 6.2);
        QVERIFY(qAbs(r.metrics.value(metric::LatencyMean) - (6.2 + 5.0 * (n - 1)) / n) < 1e-9);
        for (const char* f : {"a", "b", "c", "d"}) {
            QCOMPARE(part(r.functions, f).metrics.value(part_metric::Invocations), n);
            QCOMPARE(part(r.functions, f).metrics.value(part_metric::ColdStarts), 1.0);
        }
        QCOMPARE(part(r.triggers, "api").metrics.value(part_metric::RequestsCompleted), n);
    }

    // Fan-out to N = 10 copies with exponential service (mean 1 s) and a
    // fan-in that takes no time: a request ends with its slowest copy, whose
    // expected duration is H_10 x mean = 2.928968 s. No cold starts.
    void fanOutFanInWaitsForTheSlowestCopy() {
        const std::string app = R"({
            "functions": [
              {"name": "split", "service_time_s": {"dist": "deterministic", "value": 0}, "memory_mb": 128},
              {"name": "map", "service_time_s": {"dist": "exponential", "mean": 1.0}, "memory_mb": 128},
              {"name": "reduce", "service_time_s": {"dist": "deterministic", "value": 0}, "memory_mb": 128}],
            "triggers": [{"name": "jobs", "type": "http", "function": "split",
                          "arrivals": {"process": "poisson", "rate_per_s": 0.2}}],
            "edges": [{"type": "fan_out", "from": "split", "to": "map", "copies": 10,
                       "fan_in": "reduce"}]})";
        const std::string arch = R"({"name": "Lambda", "type": "serverless",
            "cold_start_s": {"dist": "deterministic", "value": 0}, "pricing": "aws-lambda-x86"})";
        const Scenario s = test::scenarioFromJson(scenario(app, arch, 20000));
        const std::vector<double> means =
            test::replicate(s, 0, 8, std::string(metric::LatencyMean));
        double h10 = 0.0;
        for (int k = 1; k <= 10; ++k) {
            h10 += 1.0 / k;
        }
        FAASLAB_VERIFY_CHECK(test::checkMean(means, h10));
        const ReplicationResult r = runReplication(s, 0, 0);
        const double jobs = r.metrics.value(metric::Arrived);
        QCOMPARE(part(r.functions, "map").metrics.value(part_metric::Invocations), 10 * jobs);
        QCOMPARE(part(r.functions, "reduce").metrics.value(part_metric::Invocations), jobs);
    }

    // A queue read in batches of b = 5 by one poller, with a batching window
    // (60 s) that four Poisson gaps practically never exceed, and negligible
    // processing: a batch leaves when its
    // fifth message arrives, so message i of a batch waits b - i Poisson
    // gaps and the mean wait is (b - 1) / (2 lambda) = 2 s at lambda = 1/s.
    void batchingQueueWaitsForTheBatchToFill() {
        const std::string app = R"({
            "functions": [{"name": "consume", "service_time_s": {"dist": "deterministic", "value": 0.0001},
                           "memory_mb": 128}],
            "queues": [{"name": "orders", "consumer": "consume", "batch_size": 5,
                        "batching_window_s": 60, "max_concurrency": 1}],
            "triggers": [{"name": "in", "type": "queue", "queue": "orders",
                          "arrivals": {"process": "poisson", "rate_per_s": 1}}]})";
        const std::string arch = R"({"name": "Lambda", "type": "serverless",
            "cold_start_s": {"dist": "deterministic", "value": 0}, "pricing": "aws-lambda-x86"})";
        // Only the last, partial batch (flushed by the window after the
        // horizon) departs from the formula: at most 4 x 60 s over 10^5
        // messages, a bias far inside the interval.
        const Scenario s = test::scenarioFromJson(scenario(app, arch, 100000));
        std::vector<double> waits;
        for (const ReplicationResult& r : test::replicateAll(s, 0, 8)) {
            waits.push_back(part(r.queues, "orders").metrics.value(part_metric::WaitMean));
            // Full batches, but for the last one, flushed after the horizon.
            const double size = part(r.queues, "orders").metrics.value(part_metric::BatchSizeMean);
            QVERIFY2(size > 4.99 && size <= 5.0, qPrintable(QString::number(size)));
        }
        FAASLAB_VERIFY_CHECK(test::checkMean(waits, 2.0));
    }

    // Batching window by hand: messages at 1, 2, 3 ... s, batch size 100,
    // window 1.5 s. The window opened by the message at 1 s closes at 2.5 s
    // and takes the messages of 1 and 2 s; then 3 and 4 s at 4.5 s, and so
    // on: batches of 2, waits 1.5 and 0.5 s, mean 1.0 s.
    void batchingWindowClosesABatchEarly() {
        const std::string app = R"({
            "functions": [{"name": "consume", "service_time_s": {"dist": "deterministic", "value": 0.01},
                           "memory_mb": 128}],
            "queues": [{"name": "q", "consumer": "consume", "batch_size": 100,
                        "batching_window_s": 1.5, "max_concurrency": 1}],
            "triggers": [{"name": "in", "type": "queue", "queue": "q",
                          "arrivals": {"process": "constant", "rate_per_s": 1}}]})";
        const ReplicationResult r = runOnce(scenario(app, Lambda, 1000.5));
        const MetricValues& q = part(r.queues, "q").metrics;
        QCOMPARE(q.value(part_metric::MessagesSent), 1000.0);
        QCOMPARE(q.value(part_metric::Batches), 500.0);
        QCOMPARE(q.value(part_metric::BatchSizeMean), 2.0);
        QVERIFY(qAbs(q.value(part_metric::WaitMean) - 1.0) < 1e-9);
    }

    // A timer starts a 20 s job on a function with a 10 s timeout: the
    // asynchronous rules retry it twice, after 60 and 120 s, and then give
    // up. Every request fails after 0.3 (the one cold start; the instance
    // stays warm for the retries) + 10 + 60 + 10 + 120 + 10 = 210.3 s.
    void asynchronousRetriesFollowTheRules() {
        const std::string app = R"({
            "functions": [{"name": "job", "service_time_s": {"dist": "deterministic", "value": 20},
                           "memory_mb": 128, "timeout_s": 10}],
            "triggers": [{"name": "cron", "type": "timer", "function": "job", "period_s": 1000}]})";
        const ReplicationResult r = runOnce(scenario(app, Lambda));
        const MetricValues& f = part(r.functions, "job").metrics;
        QCOMPARE(r.metrics.value(metric::Arrived), 10.0);
        QCOMPARE(r.metrics.value(metric::TimedOut), 10.0);
        QCOMPARE(r.metrics.value(metric::Completed), 0.0);
        QCOMPARE(f.value(part_metric::Invocations), 30.0);
        QCOMPARE(f.value(part_metric::TimedOut), 30.0);
        QCOMPARE(f.value(part_metric::Retries), 20.0);
        QCOMPARE(r.metrics.value(metric::LatencyMax), 210.3);
        QCOMPARE(r.metrics.value(metric::LatencyP50), 210.3);
        QCOMPARE(part(r.triggers, "cron").metrics.value(part_metric::RequestsFailed), 10.0);
    }

    // A queue consumer that always times out: each message is received
    // max_receive_count = 3 times, 30 s apart (visibility timeout), then
    // dead-lettered 10 + 30 + 30 = 70 s after it was sent.
    void failedMessagesAreRedeliveredThenDeadLettered() {
        const std::string app = R"({
            "functions": [{"name": "consume", "service_time_s": {"dist": "deterministic", "value": 20},
                           "memory_mb": 128, "timeout_s": 10}],
            "queues": [{"name": "q", "consumer": "consume", "visibility_timeout_s": 30,
                        "max_receive_count": 3}],
            "triggers": [{"name": "in", "type": "queue", "queue": "q",
                          "arrivals": {"process": "constant", "rate_per_s": 0.01}}]})";
        const ReplicationResult r = runOnce(scenario(app, Lambda));
        const MetricValues& q = part(r.queues, "q").metrics;
        QCOMPARE(q.value(part_metric::MessagesSent), 99.0);
        QCOMPARE(q.value(part_metric::MessagesReceived), 3 * 99.0);
        QCOMPARE(q.value(part_metric::MessagesDeadLettered), 99.0);
        QCOMPARE(part(r.functions, "consume").metrics.value(part_metric::TimedOut), 3 * 99.0);
        QCOMPARE(r.metrics.value(metric::TimedOut), 99.0);
        QCOMPARE(r.metrics.value(metric::LatencyMax), 70.0);
    }

    // One instance at most and a 1 s function. Synchronous HTTP requests
    // every 0.25 s are throttled while it is busy: 3 of every 4 rejected.
    // Five uploads at once (asynchronous) are all throttled but one, then
    // retried with backoff until each has run: none is lost.
    void throttlesRejectSynchronousAndRetryAsynchronous() {
        const std::string one = R"({"name": "Lambda", "type": "serverless",
            "cold_start_s": {"dist": "deterministic", "value": 0}, "max_instances": 1,
            "pricing": "aws-lambda-x86"})";
        const std::string fn = R"("functions": [{"name": "f", "service_time_s":
            {"dist": "deterministic", "value": 1}, "memory_mb": 128}])";
        const ReplicationResult sync = runOnce(
            scenario("{" + fn + R"(, "triggers": [{"name": "api", "type": "http", "function": "f",
              "arrivals": {"process": "constant", "rate_per_s": 4}}]})",
                     one, 1000));
        const double arrived = sync.metrics.value(metric::Arrived);
        QVERIFY(qAbs(sync.metrics.value(metric::Rejected) / arrived - 0.75) < 0.01);

        const ReplicationResult async = runOnce(scenario(
            "{" + fn + R"(, "triggers": [{"name": "uploads", "type": "storage", "function": "f",
              "burst_rate_per_s": 0.001, "burst_size": 5}]})",
            one, 100000));
        const MetricValues& f = part(async.functions, "f").metrics;
        const double objects = async.metrics.value(metric::Arrived);
        QVERIFY(objects >= 50);
        QCOMPARE(async.metrics.value(metric::Rejected), 0.0);
        QCOMPARE(async.metrics.value(metric::Completed), objects);
        QCOMPARE(f.value(part_metric::Completed), objects);
        QVERIFY(f.value(part_metric::Throttles) >= 4 * objects / 5);
        QCOMPARE(f.value(part_metric::Invocations), objects + f.value(part_metric::Retries));
    }

    // Uploads arrive ten times faster than the single instance serves them;
    // each throttled object waits for its retry, up to the 6 h event age, so
    // the waiting work grows without end. Past the run's limit on pending
    // events the replication stops with a WorkInFlightError that names the
    // architecture, the simulated time and the retry window, instead of an
    // internal error.
    void throttledRetriesBeyondTheLimitStopWithTheCause() {
        const std::string one = R"({"name": "Lambda", "type": "serverless",
            "cold_start_s": {"dist": "deterministic", "value": 0}, "max_instances": 1,
            "pricing": "aws-lambda-x86"})";
        const Scenario s = test::scenarioFromJson(scenario(
            R"({"functions": [{"name": "f", "service_time_s": {"dist": "deterministic",
                 "value": 1}, "memory_mb": 128}],
                "triggers": [{"name": "uploads", "type": "storage", "function": "f",
                 "burst_rate_per_s": 10, "burst_size": 1}]})",
            one, 3600));
        ReplicationLimits limits;
        limits.maxPendingEvents = 1000;
        try {
            runReplication(s, 0, 0, nullptr, {}, limits);
            QFAIL("the waiting retries never reached the limit");
        } catch (const WorkInFlightError& e) {
            const std::string message = e.what();
            QCOMPARE(e.architecture(), std::string("Lambda"));
            QCOMPARE(e.replication(), 0);
            // About 9 of every 10 uploads wait: 1,000 pending after ~110 s.
            QVERIFY2(e.simulatedTimeS() > 50 && e.simulatedTimeS() < 400, e.what());
            QVERIFY2(message.starts_with("architecture \"Lambda\", replication 1: at simulated "
                                         "time "),
                     e.what());
            QVERIFY2(message.find("more than 1,000 events were pending at once") !=
                         std::string::npos,
                     e.what());
            QVERIFY2(message.find("async.max_event_age_s (6.0 h)") != std::string::npos, e.what());
        }
        // The default limit holds this hour of simulated time.
        const ReplicationResult r = runReplication(s, 0, 0);
        QVERIFY(r.metrics.value(metric::Arrived) > 30000);
    }

    // The nightly-batch example: the 40-minute job fails as one function on
    // serverless (15-minute timeout) and completes on the VM; the chain of
    // four 10-minute steps completes on both.
    void longJobFailsOnServerlessAndCompletesOnAVm() {
        std::ifstream in(test::resourcePath("scenarios/nightly-batch.json"));
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        const Scenario s = test::scenarioFromJson(text);
        const ReplicationResult faas = runReplication(s, 0, 0);
        const ReplicationResult vm = runReplication(s, 1, 0);
        const MetricValues& faasMonolith = part(faas.triggers, "nightly-monolith").metrics;
        QCOMPARE(faasMonolith.value(part_metric::RequestsFailed), 7.0);
        QCOMPARE(faasMonolith.value(part_metric::RequestsCompleted), 0.0);
        QCOMPARE(
            part(vm.triggers, "nightly-monolith").metrics.value(part_metric::RequestsCompleted),
            7.0);
        QCOMPARE(
            part(faas.triggers, "nightly-pipeline").metrics.value(part_metric::RequestsCompleted),
            7.0);
        QCOMPARE(part(vm.triggers, "nightly-pipeline").metrics.value(part_metric::LatencyMean),
                 2400.0);
    }

    // Two functions on fixed fleets of one VM: shared, one VM serves both;
    // per function, each has its own, so twice the instances and the bill.
    void sharedAndPerFunctionPools() {
        const std::string app = R"({
            "functions": [
              {"name": "a", "service_time_s": {"dist": "exponential", "mean": 0.1}, "memory_mb": 128},
              {"name": "b", "service_time_s": {"dist": "exponential", "mean": 0.1}, "memory_mb": 128}],
            "triggers": [{"name": "api", "type": "http", "function": "a",
                          "arrivals": {"process": "poisson", "rate_per_s": 1}}],
            "edges": [{"type": "chain", "from": "a", "to": "b"}]})";
        const std::string vms = R"({"name": "shared", "type": "vm", "instances": 1,
            "pricing": "aws-ec2-m5-large", "function_pools": "shared"},
            {"name": "split", "type": "vm", "instances": 1,
            "pricing": "aws-ec2-m5-large", "function_pools": "per_function"})";
        const Scenario s = test::scenarioFromJson(scenario(app, vms, 3600));
        const ReplicationResult shared = runReplication(s, 0, 0);
        const ReplicationResult split = runReplication(s, 1, 0);
        QCOMPARE(shared.metrics.value(metric::InstancesMean), 1.0);
        QCOMPARE(split.metrics.value(metric::InstancesMean), 2.0);
        QVERIFY(qAbs(split.metrics.value(metric::CostTotal) -
                     2 * shared.metrics.value(metric::CostTotal)) < 1e-9);
        // Same requests on both (common random numbers).
        QCOMPARE(split.metrics.value(metric::Arrived), shared.metrics.value(metric::Arrived));
        QVERIFY(split.functions[0].metrics.contains(part_metric::CostTotal));
        // On the shared fleet instances are not split; cost is, by CPU work.
        QVERIFY(!shared.functions[0].metrics.contains(part_metric::InstancesMean));
        QVERIFY(qAbs(part(shared.functions, "a").metrics.value(part_metric::CostTotal) +
                     part(shared.functions, "b").metrics.value(part_metric::CostTotal) -
                     shared.metrics.value(metric::CostTotal)) < 1e-9);
    }

    // A shared fleet's bill split by CPU work: every request runs a (1 s)
    // then b (3 s) on one VM, so a is billed 1/4 and b 3/4 of it, exactly.
    void sharedFleetCostIsSplitByWork() {
        const std::string app = R"({
            "functions": [
              {"name": "a", "service_time_s": {"dist": "deterministic", "value": 1}, "memory_mb": 128},
              {"name": "b", "service_time_s": {"dist": "deterministic", "value": 3}, "memory_mb": 128}],
            "triggers": [{"name": "api", "type": "http", "function": "a",
                          "arrivals": {"process": "constant", "rate_per_s": 0.01}}],
            "edges": [{"type": "chain", "from": "a", "to": "b"}]})";
        const std::string vm = R"({"name": "shared", "type": "vm", "instances": 1,
            "pricing": "aws-ec2-m5-large", "function_pools": "shared"})";
        const ReplicationResult r = runOnce(scenario(app, vm, 10000));
        const double bill = r.metrics.value(metric::CostTotal);
        QVERIFY(bill > 0.0);
        QVERIFY(qAbs(part(r.functions, "a").metrics.value(part_metric::CostTotal) - bill / 4) <
                1e-12);
        QVERIFY(qAbs(part(r.functions, "b").metrics.value(part_metric::CostTotal) - 3 * bill / 4) <
                1e-12);
    }

    // Same seed, same bytes; every request that arrived ends exactly once.
    // A function's keep_alive_s overrides the architecture's. A request every
    // 100 s through a (0.5 s, 128 MB, keep-alive 60 s) then b (1 s, 256 MB,
    // keep-alive 3600 s): a is cold every time and idles 60 s after each of
    // the 99 requests; b's one instance lives from its creation at 100.8 s to
    // the horizon, busy 1.3 s once (cold) and 1 s 98 times. Idle memory-time
    // is 99 x 60 x 0.125 + (10000 - 100.8 - 1.3 - 98) x 0.25 GB-s.
    void functionKeepAliveOverridesTheArchitecture() {
        const std::string app = R"({
            "functions": [
              {"name": "a", "service_time_s": {"dist": "deterministic", "value": 0.5},
               "memory_mb": 128, "keep_alive_s": 60},
              {"name": "b", "service_time_s": {"dist": "deterministic", "value": 1.0},
               "memory_mb": 256, "keep_alive_s": 3600}],
            "triggers": [{"name": "api", "type": "http", "function": "a",
                          "arrivals": {"process": "constant", "rate_per_s": 0.01}}],
            "edges": [{"type": "chain", "from": "a", "to": "b"}]})";
        const ReplicationResult r = runOnce(scenario(app, Lambda));
        QCOMPARE(r.metrics.value(metric::Arrived), 99.0);
        QCOMPARE(part(r.functions, "a").metrics.value(part_metric::ColdStarts), 99.0);
        QCOMPARE(part(r.functions, "b").metrics.value(part_metric::ColdStarts), 1.0);
        const double idle = 99 * 60 * 0.125 + (10000 - 100.8 - 1.3 - 98) * 0.25;
        QVERIFY(qAbs(r.metrics.value(metric::IdleMemoryGbS) - idle) < 1e-6);
        QVERIFY(qAbs(r.metrics.value(metric::IdleMemoryGbSPerRequest) - idle / 99) < 1e-8);
    }

    // max_instances = 1 on a 150 s function called every 100 s: the request
    // at 100 s runs until 250.3 s, so the one at 200 s is throttled
    // (synchronous: rejected), the one at 300 s runs, and so on: 50 of the
    // 99 requests run, 49 are rejected.
    void functionMaxInstancesOverridesTheArchitecture() {
        const std::string app = R"({
            "functions": [{"name": "slow", "service_time_s": {"dist": "deterministic", "value": 150},
                           "memory_mb": 128, "max_instances": 1}],
            "triggers": [{"name": "api", "type": "http", "function": "slow",
                          "arrivals": {"process": "constant", "rate_per_s": 0.01}}]})";
        const ReplicationResult r = runOnce(scenario(app, Lambda));
        QCOMPARE(part(r.triggers, "api").metrics.value(part_metric::RequestsCompleted), 50.0);
        QCOMPARE(part(r.triggers, "api").metrics.value(part_metric::RequestsRejected), 49.0);
        QCOMPARE(part(r.functions, "slow").metrics.value(part_metric::Throttles), 49.0);
    }

    // Function limits are checked against every serverless architecture.
    void functionLimitsMustFitEachServerlessArchitecture() {
        const std::string app = R"({
            "functions": [{"name": "big", "service_time_s": {"dist": "deterministic", "value": 1},
                           "memory_mb": 20480, "max_instances": 1, "keep_alive_s": 60}],
            "triggers": [{"name": "api", "type": "http", "function": "big",
                          "arrivals": {"process": "constant", "rate_per_s": 0.01}}]})";
        const std::string lambda = R"({"name": "L", "type": "serverless",
            "cold_start_s": {"dist": "deterministic", "value": 0.3}, "provisioned_instances": 2,
            "keep_alive_policy": "none", "pricing": "aws-lambda-x86"})";
        const ScenarioReadResult result = ScenarioReader().readText(scenario(app, lambda));
        QVERIFY(!result.scenario.has_value());
        const auto expect = [&](const char* path, const char* reason) {
            const Diagnostic* d = result.diagnostics.find(path);
            QVERIFY2(d != nullptr,
                     qPrintable(QString::fromStdString(result.diagnostics.format("s"))));
            QVERIFY2(d->message.find(reason) != std::string::npos, d->message.c_str());
        };
        expect("application.functions[0].memory_mb", "allows at most 10240 MB");
        expect("application.functions[0].max_instances", "at least the provisioned_instances (2)");
        expect("application.functions[0].keep_alive_s", "no effect with keep_alive_policy");
    }

    // Over replications a part's maximum latency is the largest of the
    // replications' maxima (as for the architecture's), its counts the mean.
    void partMaximaAreTheLargestOverReplications() {
        const std::string app = R"({
            "functions": [{"name": "a", "service_time_s": {"dist": "exponential", "mean": 1},
                           "memory_mb": 128}],
            "triggers": [{"name": "api", "type": "http", "function": "a",
                          "arrivals": {"process": "poisson", "rate_per_s": 0.5}}]})";
        const Scenario s = test::scenarioFromJson(scenario(app, Lambda, 2000, 3));
        double largest = 0.0, invocations = 0.0;
        for (int rep = 0; rep < 3; ++rep) {
            const ReplicationResult r = runReplication(s, 0, rep);
            largest =
                std::max(largest, part(r.functions, "a").metrics.value(part_metric::LatencyMax));
            invocations += part(r.functions, "a").metrics.value(part_metric::Invocations) / 3;
        }
        RunOptions options;
        options.threads = 1;
        const ArchitectureResults a = runScenario(s, options).results.architectures.front();
        QCOMPARE(part(a.functions, "a").metrics.value(part_metric::LatencyMax), largest);
        QVERIFY(qAbs(part(a.functions, "a").metrics.value(part_metric::Invocations) - invocations) <
                1e-9);
        // One trigger, one function: the trigger's end-to-end latency is the
        // architecture's, so are its mean and confidence interval.
        const NamedMetrics& api = part(a.triggers, "api");
        QVERIFY(qAbs(api.metrics.value(part_metric::LatencyMean) -
                     a.mean.value(metric::LatencyMean)) < 1e-12);
        QVERIFY(api.ci95.contains(part_metric::LatencyMean));
        QVERIFY(qAbs(*api.ci95.find(part_metric::LatencyMean) - *a.ci95.find(metric::LatencyMean)) <
                1e-12);
        QVERIFY(!api.ci95.contains(part_metric::LatencyMax));
    }

    void deterministicAndConserving() {
        const std::string app = R"({
            "functions": [
              {"name": "a", "service_time_s": {"dist": "lognormal", "mean": 0.2, "cv": 1}, "memory_mb": 256},
              {"name": "b", "service_time_s": {"dist": "exponential", "mean": 0.5}, "memory_mb": 256}],
            "queues": [{"name": "q", "consumer": "b", "batch_size": 3, "batching_window_s": 2}],
            "triggers": [{"name": "api", "type": "http", "function": "a",
                          "arrivals": {"process": "poisson", "rate_per_s": 5}}],
            "edges": [{"type": "queue", "from": "a", "queue": "q"}]})";
        const Scenario s = test::scenarioFromJson(scenario(app, Lambda, 3600, 2));
        const std::string first = resultsToJsonText(runScenario(s).results);
        const std::string second = resultsToJsonText(runScenario(s).results);
        QCOMPARE(first, second);
        const ReplicationResult r = runReplication(s, 0, 1);
        QCOMPARE(r.metrics.value(metric::Completed) + r.metrics.value(metric::TimedOut) +
                     r.metrics.value(metric::Rejected),
                 r.metrics.value(metric::Arrived));
        QVERIFY(first.find("\"queues\"") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(ApplicationRuntimeTest)
#include "tst_application_runtime.moc"
