// Serverless containers against queueing theory and against the
// autoscaler's own rule, with 99.9 % replication intervals as tolerances.

#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "tests/support/statistical_checks.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace faaslab;
using Json = nlohmann::ordered_json;

namespace {

double erlangC(int c, double a) {
    double b = 1.0;
    for (int k = 1; k <= c; ++k) {
        b = a * b / (k + a * b);
    }
    return b / (1.0 - (a / c) * (1.0 - b));
}

// A fixed fleet of `instances` container instances (min = max, so no
// autoscaling), Poisson arrivals at `lambda`.
Json fixedFleet(int instances, double vcpu, int concurrency, double lambda, const Json& service) {
    Json s = Json::parse(R"({ "format": "faaslab.scenario/1", "name": "containers",
      "simulation": { "duration_s": 20000, "warmup_s": 500, "seed": 5 },
      "workload": { "arrivals": { "process": "poisson", "rate_per_s": 1 },
                    "service_time_s": { "dist": "exponential", "mean": 1 }, "memory_mb": 512 },
      "architectures": [ { "name": "c", "type": "container", "queue_timeout_s": 100000,
          "pricing": "gcp-cloud-run-instance" } ] })");
    s["workload"]["arrivals"]["rate_per_s"] = lambda;
    s["workload"]["service_time_s"] = service;
    Json& a = s["architectures"][0];
    a["vcpu"] = vcpu;
    a["concurrency_per_instance"] = concurrency;
    a["min_instances"] = instances;
    a["max_instances"] = instances;
    return s;
}

std::vector<double> meanLatency(const Json& scenario, int replications) {
    return test::replicate(test::scenarioFromJson(scenario.dump()), 0, replications,
                           std::string(metric::LatencyMean));
}

} // namespace

class ContainerQueueingTest : public QObject {
    Q_OBJECT

private slots:
    // One single-vCPU instance, no concurrency limit to speak of: M/G/1
    // processor sharing, whose mean response time is E[S] / (1 - rho) for
    // any service distribution. rho = 0.7: 1 / 0.3 = 3.333 s.
    void oneInstanceIsProcessorSharing_data() {
        QTest::addColumn<QString>("service");
        QTest::newRow("exponential") << R"({ "dist": "exponential", "mean": 1 })";
        QTest::newRow("lognormal cv 2 (insensitivity)")
            << R"({ "dist": "lognormal", "mean": 1, "cv": 2 })";
        QTest::newRow("deterministic (insensitivity)")
            << R"({ "dist": "deterministic", "value": 1 })";
    }
    void oneInstanceIsProcessorSharing() {
        QFETCH(QString, service);
        const Json s = fixedFleet(1, 1.0, 1000, 0.7, Json::parse(service.toStdString()));
        const auto reps = test::replicateAll(test::scenarioFromJson(s.dump()), 0, 20);
        std::vector<double> latency;
        std::vector<double> busy;
        std::vector<double> utilization;
        for (const ReplicationResult& r : reps) {
            latency.push_back(r.metrics.value(metric::LatencyMean));
            busy.push_back(r.metrics.value(metric::InstancesBusyMean));
            utilization.push_back(r.metrics.value(metric::Utilization));
        }
        FAASLAB_VERIFY_CHECK(test::checkMean(latency, 1.0 / (1.0 - 0.7)));
        // The instance is busy, and its vCPU in use, a fraction rho of the time.
        FAASLAB_VERIFY_CHECK(test::checkMean(busy, 0.7));
        FAASLAB_VERIFY_CHECK(test::checkMean(utilization, 0.7));
    }

    // Waiting on I/O holds a slot but no CPU: with unlimited slots the wait
    // is an infinite-server delay in series with the processor-sharing CPU,
    // a product-form (BCMP) network, so the mean response is the sum
    // E[io] + E[S] / (1 - rho) = 0.5 + 1 / 0.3 = 3.8333 s.
    void ioWaitAddsAnInfiniteServerDelay() {
        Json s =
            fixedFleet(1, 1.0, 1000, 0.7, Json::parse(R"({ "dist": "exponential", "mean": 1 })"));
        s["workload"]["io_wait_s"] =
            Json::parse(R"({ "dist": "lognormal", "mean": 0.5, "cv": 1.5 })");
        FAASLAB_VERIFY_CHECK(test::checkMean(meanLatency(s, 20), 0.5 + 1.0 / (1.0 - 0.7)));
    }

    // Two vCPUs shared by every request: with n requests each runs at
    // min(1, 2/n), so the number in the system is that of M/M/2, and by
    // Little's law the mean response is that of M/M/2: C(2, a)/(2 - a) + 1.
    void twoVcpusShareLikeTwoServers() {
        const double a = 1.4;
        const Json s =
            fixedFleet(1, 2.0, 1000, a, Json::parse(R"({ "dist": "exponential", "mean": 1 })"));
        FAASLAB_VERIFY_CHECK(test::checkMean(meanLatency(s, 20), erlangC(2, a) / (2.0 - a) + 1.0));
    }

    // A fixed fleet of c instances that each take one request at a time,
    // behind the FIFO front door, is M/M/c: Erlang C for the wait.
    void fixedFleetOfSingleRequestInstancesIsErlangC() {
        const Json s =
            fixedFleet(4, 1.0, 1, 3.0, Json::parse(R"({ "dist": "exponential", "mean": 1 })"));
        const auto reps = test::replicateAll(test::scenarioFromJson(s.dump()), 0, 20);
        std::vector<double> waited;
        std::vector<double> wait;
        for (const ReplicationResult& r : reps) {
            waited.push_back(r.metrics.value(metric::WaitProbability));
            wait.push_back(r.metrics.value(metric::WaitMean));
        }
        FAASLAB_VERIFY_CHECK(test::checkMean(waited, erlangC(4, 3.0)));
        FAASLAB_VERIFY_CHECK(test::checkMean(wait, erlangC(4, 3.0)));
    }

    // The autoscaler's step response. Load steps from 10 to 100 requests/s
    // of 0.1 s at t = 600 (concurrency 1 -> 10) and back at t = 1200. The
    // instances have room to spare (64 vCPUs, 100 slots), so nothing queues
    // and the observed concurrency is the offered one. With
    // target x concurrency_per_instance = 0.024 x 100 = 2.4, desired =
    // ceil(avg / 2.4); the steady states (avg 1 and 10) are far from a
    // threshold (10 / 2.4 = 4.17 -> 5). The 60 s window average w seconds
    // after the step is 1 + 9 w / 60: desired 2 from w = 9.3, 3 from 25.3, 4
    // from 41.3, 5 from 57.3 (ticks every 2 s). Instances are counted from
    // the decision to start them. After the down-step the average is
    // 10 - 9 w / 60: desired 4 from w = 2.7 ... 1 from 50.7; the 120 s
    // scale-down delay holds 5 instances until about 1200 + 2.7 + 120 and
    // reaches 1 after about 1200 + 50.7 + 120. The bins checked lie at
    // least 3 s from every predicted change.
    void autoscalerFollowsTheStepWithItsDelays() {
        Json s = Json::parse(R"({ "format": "faaslab.scenario/1", "name": "step",
          "simulation": { "duration_s": 1800, "seed": 3, "timeseries_bin_s": 5 },
          "workload": { "arrivals": { "process": "steps", "steps": [
                          { "from_s": 0, "rate_per_s": 10 }, { "from_s": 600, "rate_per_s": 100 },
                          { "from_s": 1200, "rate_per_s": 10 } ] },
                        "service_time_s": { "dist": "deterministic", "value": 0.1 },
                        "memory_mb": 512 },
          "architectures": [ { "name": "c", "type": "container", "vcpu": 64,
              "concurrency_per_instance": 100, "min_instances": 1, "max_instances": 10,
              "startup_s": { "dist": "deterministic", "value": 20 },
              "autoscaler": { "interval_s": 2, "window_s": 60, "target_utilization": 0.024,
                              "scale_down_delay_s": 120 },
              "pricing": "gcp-cloud-run-request" } ] })");
        const ScenarioResults r = runScenario(test::scenarioFromJson(s.dump())).results;
        const TimeSeries& ts = r.architectures[0].series;
        const auto& instances = ts.values[ts.columnIndex("instances")];
        auto at = [&](double time) {
            return instances[static_cast<std::size_t>(time / 5.0)];
        };
        QCOMPARE(at(590), 1.0);  // before the step
        QCOMPARE(at(615), 2.0);  // w in [15, 20)
        QCOMPARE(at(630), 3.0);  // w in [30, 35)
        QCOMPARE(at(645), 4.0);  // w in [45, 50)
        QCOMPARE(at(670), 5.0);  // w in [70, 75)
        QCOMPARE(at(1100), 5.0); // steady at 100/s
        QCOMPARE(at(1310), 5.0); // held by the scale-down delay
        QCOMPARE(at(1380), 1.0); // after about 1200 + 50.7 + 120
        QCOMPARE(r.architectures[0].mean.value(metric::Rejected), 0.0);
    }

    // min_instances 0 scales to zero when idle; the first request after
    // that starts an instance and waits for it (startup 5 s).
    void scalesToZeroAndBackOnDemand() {
        Json s = Json::parse(R"({ "format": "faaslab.scenario/1", "name": "zero",
          "simulation": { "duration_s": 7200, "seed": 8 },
          "workload": { "arrivals": { "process": "on_off", "rate_on_per_s": 5, "rate_off_per_s": 0,
                                      "mean_on_s": 60, "mean_off_s": 1200 },
                        "service_time_s": { "dist": "deterministic", "value": 0.05 },
                        "memory_mb": 512 },
          "architectures": [ { "name": "c", "type": "container", "min_instances": 0,
              "max_instances": 5, "startup_s": { "dist": "deterministic", "value": 5 },
              "autoscaler": { "interval_s": 2, "window_s": 30, "scale_down_delay_s": 30 },
              "pricing": "gcp-cloud-run-request" } ] })");
        const ScenarioResults r = runScenario(test::scenarioFromJson(s.dump())).results;
        const MetricValues& m = r.architectures[0].mean;
        QVERIFY(m.value(metric::ColdStarts) > 0.0);
        QVERIFY(m.value(metric::LatencyMax) >= 5.0);
        // Mostly idle at zero instances: the mean is well below one.
        QVERIFY2(m.value(metric::InstancesMean) < 0.5,
                 qPrintable(QString::number(m.value(metric::InstancesMean))));
        QCOMPARE(m.value(metric::Rejected), 0.0);
    }
};

QTEST_APPLESS_MAIN(ContainerQueueingTest)
#include "tst_container_queueing.moc"
