// The serverless model against queueing theory. Each check runs independent
// replications and accepts the model when the closed form lies inside the
// 99.9 % Student-t confidence interval of the replication mean: the
// tolerance comes from the simulation's own variability, not from a guess.

#include "models/results/metric_keys.h"
#include "simulator/latency_histogram.h"
#include "tests/support/statistical_checks.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <cmath>

using namespace faaslab;

namespace {

// Erlang B by the stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
double erlangB(int servers, double offered) {
    double b = 1.0;
    for (int k = 1; k <= servers; ++k) {
        b = offered * b / (k + offered * b);
    }
    return b;
}

std::string serverlessScenario(const std::string& arrivals, const std::string& service,
                               const std::string& coldStart, double keepAlive, int maxInstances,
                               int provisioned, double duration, double warmup,
                               const std::string& extra = "",
                               const std::string& pricing = R"("pricing": "aws-lambda-x86")") {
    return R"({ "format": "faaslab.scenario/1", "name": "queueing",
      "simulation": { "duration_s": )" +
           std::to_string(duration) + R"(, "warmup_s": )" + std::to_string(warmup) +
           R"(, "seed": 2024 },
      "workload": { "arrivals": )" +
           arrivals + R"(, "service_time_s": )" + service + R"(, "memory_mb": 512 },
      "architectures": [ { "name": "F", "type": "serverless", "cold_start_s": )" +
           coldStart + R"(, "keep_alive_s": )" + std::to_string(keepAlive) +
           R"(, "max_instances": )" + std::to_string(maxInstances) +
           R"(, "provisioned_instances": )" + std::to_string(provisioned) + extra + ", " + pricing +
           " } ] }";
}

} // namespace

class ServerlessQueueingTest : public QObject {
    Q_OBJECT

private slots:
    void erlangBRecursionMatchesTheIssueExample() {
        QVERIFY(std::fabs(erlangB(5, 10.0) - 0.5640) < 5e-5);
    }

    // With max_instances = c warm instances and no queue, the platform is an
    // M/G/c/c loss system: the rejection probability is Erlang B, whatever
    // the service-time distribution (insensitivity).
    void rejectionProbabilityIsErlangB_data() {
        QTest::addColumn<QString>("service");
        QTest::newRow("exponential") << R"({ "dist": "exponential", "mean": 1.0 })";
        QTest::newRow("lognormal cv 2") << R"({ "dist": "lognormal", "mean": 1.0, "cv": 2.0 })";
        QTest::newRow("deterministic") << R"({ "dist": "deterministic", "value": 1.0 })";
    }
    void rejectionProbabilityIsErlangB() {
        QFETCH(QString, service);
        const Scenario s = test::scenarioFromJson(serverlessScenario(
            R"({ "process": "poisson", "rate_per_s": 10 })", service.toStdString(),
            R"({ "dist": "deterministic", "value": 0 })", 600, 5, 5, 5000, 100));
        const auto p = test::replicate(s, 0, 20, std::string(metric::RejectionProbability));
        FAASLAB_VERIFY_CHECK(test::checkMean(p, erlangB(5, 10.0)));
    }

    // Little's law, L = lambda W, for the instances busy serving: with
    // concurrency 1 an instance is busy exactly for a request's latency,
    // cold start included. Traffic stops 200 s before the horizon so the
    // system is empty at both ends of the window; otherwise requests still
    // running at the horizon add a boundary bias of -lambda E[W^2] / (2T)
    // to any finite-window estimate, as large as the interval itself here.
    void busyInstancesObeyLittlesLaw() {
        const double horizon = 20000.0;
        const Scenario s = test::scenarioFromJson(serverlessScenario(
            R"({ "process": "steps", "steps": [ { "from_s": 0, "rate_per_s": 5 },
                                                { "from_s": 19800, "rate_per_s": 0 } ] })",
            R"({ "dist": "lognormal", "mean": 0.2, "cv": 1.0 })",
            R"({ "dist": "exponential", "mean": 0.5 })", 30, 1000, 0, horizon, 0));
        const double lambda = 5.0 * (horizon - 200.0) / horizon; // over the whole window
        const auto reps = test::replicateAll(s, 0, 20);
        std::vector<double> gap;
        for (const ReplicationResult& r : reps) {
            const double busy = r.metrics.value(metric::InstancesBusyMean);
            const double meanLatency = r.metrics.value(metric::LatencyMean);
            gap.push_back(busy - lambda * meanLatency);
            // On every sample path that starts and ends empty, the busy
            // instance-seconds are exactly the sum of latencies.
            const double served = r.metrics.value(metric::Throughput) * horizon;
            QVERIFY(std::fabs(busy * horizon - served * meanLatency) <= 1e-9 * busy * horizon);
        }
        FAASLAB_VERIFY_CHECK(test::checkMean(gap, 0.0));
    }

    // One instance at a time: a request is cold when the gap since the
    // previous one exceeds its busy time b plus the keep-alive T, or (rarely)
    // when it arrives while the instance is still busy. With Poisson
    // arrivals: P(cold) = e^(-lambda (T + b)) + (1 - e^(-lambda b)).
    // lambda = 0.01/s, T = 60 s, b = 1 ms: 0.5488.
    void coldStartProbabilityIsExpOfMinusLambdaT() {
        const double lambda = 0.01;
        const double keepAlive = 60.0;
        const double busy = 0.001;
        const double expected =
            std::exp(-lambda * (keepAlive + busy)) + (1.0 - std::exp(-lambda * busy));
        QVERIFY(std::fabs(expected - 0.5488) < 5e-5);
        const Scenario s = test::scenarioFromJson(serverlessScenario(
            R"({ "process": "poisson", "rate_per_s": 0.01 })",
            R"({ "dist": "deterministic", "value": 0.001 })",
            R"({ "dist": "deterministic", "value": 0 })", keepAlive, 1000, 0, 400000, 0));
        const auto p = test::replicate(s, 0, 30, std::string(metric::ColdStartProbability));
        FAASLAB_VERIFY_CHECK(test::checkMean(p, expected));
    }

    // Exponential work with mean 1 s and a 2 s timeout: P(timeout) = e^-2,
    // and the executed time per request is E[min(S, 2)] = 1 - e^-2 (billed
    // at a 1 ns granularity here, so rounding does not blur it).
    void timeoutsFollowTheServiceTimeTail() {
        const Scenario s = test::scenarioFromJson(serverlessScenario(
            R"({ "process": "poisson", "rate_per_s": 2 })",
            R"({ "dist": "exponential", "mean": 1.0 })",
            R"({ "dist": "deterministic", "value": 0 })", 600, 1000, 0, 20000, 0,
            R"(, "timeout_s": 2)",
            R"("pricing": { "per_million_requests": 0, "per_gb_s": 1, "granularity_ms": 0.000001 })"));
        const auto reps = test::replicateAll(s, 0, 20);
        std::vector<double> timeoutShare;
        std::vector<double> meanExecution;
        for (const ReplicationResult& r : reps) {
            timeoutShare.push_back(r.metrics.value(metric::TimeoutProbability));
            // Cost = sum of executed seconds x 0.5 GB x $1.
            meanExecution.push_back(r.metrics.value(metric::CostTotal) / 0.5 /
                                    r.metrics.value(metric::Arrived));
        }
        FAASLAB_VERIFY_CHECK(test::checkMean(timeoutShare, std::exp(-2.0)));
        FAASLAB_VERIFY_CHECK(test::checkMean(meanExecution, 1.0 - std::exp(-2.0)));
    }

    // With enough warm instances every latency is the request's own work,
    // so the latency quantiles are those of the service distribution. The
    // tolerance is the replication CI plus the histogram's guaranteed bucket
    // error (0.39 %).
    void warmLatencyQuantilesAreServiceQuantiles_data() {
        QTest::addColumn<double>("q");
        QTest::addColumn<QString>("key");
        QTest::newRow("p50") << 0.50 << QString(metric::LatencyP50.data());
        QTest::newRow("p95") << 0.95 << QString(metric::LatencyP95.data());
        QTest::newRow("p99") << 0.99 << QString(metric::LatencyP99.data());
    }
    void warmLatencyQuantilesAreServiceQuantiles() {
        QFETCH(double, q);
        QFETCH(QString, key);
        const Scenario s = test::scenarioFromJson(serverlessScenario(
            R"({ "process": "poisson", "rate_per_s": 20 })",
            R"({ "dist": "exponential", "mean": 0.2 })",
            R"({ "dist": "deterministic", "value": 0.5 })", 600, 200, 200, 5000, 0));
        const auto values = test::replicate(s, 0, 20, key.toStdString());
        const double truth = -0.2 * std::log1p(-q);
        test::MeanCheck check = test::checkMean(values, truth);
        check.halfWidth += sim::LatencyHistogram::RelativeError * truth;
        check.passed = std::fabs(check.mean - truth) <= check.halfWidth;
        FAASLAB_VERIFY_CHECK(check);
    }
};

QTEST_APPLESS_MAIN(ServerlessQueueingTest)
#include "tst_serverless_queueing.moc"
