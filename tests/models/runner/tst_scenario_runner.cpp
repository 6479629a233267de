#include "models/report/results_writer.h"
#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "resources/embedded_files.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <chrono>

using namespace faaslab;

namespace {

const char* const ThreeWays = R"({
  "format": "faaslab.scenario/1", "name": "three ways",
  "simulation": { "duration_s": 3600, "warmup_s": 120, "seed": 11, "replications": 3,
                  "timeseries_bin_s": 60 },
  "workload": { "arrivals": { "process": "on_off", "rate_on_per_s": 40, "rate_off_per_s": 2,
                              "mean_on_s": 60, "mean_off_s": 240 },
                "service_time_s": { "dist": "lognormal", "mean": 0.15, "cv": 1.2 },
                "memory_mb": 1024 },
  "architectures": [
    { "name": "lambda", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.4 }, "keep_alive_s": 300,
      "pricing": "aws-lambda-x86" },
    { "name": "azure", "type": "serverless",
      "cold_start_s": { "dist": "lognormal", "mean": 2.0, "cv": 0.5 }, "keep_alive_s": 1200,
      "max_instances": 20, "pricing": "azure-functions-consumption" },
    { "name": "lambda provisioned", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.4 }, "provisioned_instances": 5,
      "concurrency_per_instance": 2, "pricing": "aws-lambda-arm" } ] })";

} // namespace

class ScenarioRunnerTest : public QObject {
    Q_OBJECT

private slots:
    void sameSeedGivesByteIdenticalResults() {
        const Scenario s = test::scenarioFromJson(ThreeWays);
        const std::string a = resultsToJsonText(runScenario(s).results);
        const std::string b = resultsToJsonText(runScenario(s).results);
        QVERIFY(a.size() > 1000);
        QVERIFY(a == b);
    }

    void resultsDoNotDependOnTheNumberOfThreads() {
        const Scenario s = test::scenarioFromJson(ThreeWays);
        RunOptions one;
        one.threads = 1;
        RunOptions four;
        four.threads = 4;
        QVERIFY(resultsToJsonText(runScenario(s, one).results) ==
                resultsToJsonText(runScenario(s, four).results));
    }

    void differentSeedsGiveDifferentResults() {
        Scenario s = test::scenarioFromJson(ThreeWays);
        const auto a = runScenario(s).results;
        s.simulation.seed = 12;
        const auto b = runScenario(s).results;
        QVERIFY(a.architectures[0].mean.value(metric::Arrived) !=
                b.architectures[0].mean.value(metric::Arrived));
    }

    // Common random numbers: every architecture receives the identical
    // request stream. With platforms that add no delay (no cold starts,
    // enough warm instances), every latency is the request's own work, so
    // the latency statistics must be bit-for-bit identical across platforms
    // that differ in everything else.
    void everyArchitectureSeesTheSameRequests() {
        const Scenario s = test::scenarioFromJson(R"({
          "format": "faaslab.scenario/1", "name": "crn",
          "simulation": { "duration_s": 2000, "seed": 5 },
          "workload": { "arrivals": { "process": "diurnal", "rate_per_s": 20, "amplitude": 0.7,
                                      "period_s": 1000 },
                        "service_time_s": { "dist": "gamma", "mean": 0.3, "cv": 2 },
                        "memory_mb": 256 },
          "architectures": [
            { "name": "a", "type": "serverless", "cold_start_s": { "dist": "deterministic", "value": 0 },
              "pricing": "aws-lambda-x86" },
            { "name": "b", "type": "serverless", "cold_start_s": { "dist": "deterministic", "value": 0 },
              "keep_alive_s": 1, "instance_selection": "least_recently_used",
              "pricing": "gcp-cloud-functions-gen1" },
            { "name": "c", "type": "serverless", "cold_start_s": { "dist": "deterministic", "value": 0 },
              "provisioned_instances": 50, "concurrency_per_instance": 3,
              "instance_selection": "newest_created", "pricing": "aws-lambda-arm" } ] })");
        const ScenarioResults r = runScenario(s).results;
        const auto& a = r.architectures[0].mean;
        for (std::size_t i = 1; i < r.architectures.size(); ++i) {
            const auto& other = r.architectures[i].mean;
            for (std::string_view key : {metric::Arrived, metric::LatencyMean, metric::LatencyP50,
                                         metric::LatencyP99, metric::LatencyMax}) {
                QCOMPARE(other.value(key), a.value(key));
            }
            QCOMPARE(r.architectures[i].series.values[0], r.architectures[0].series.values[0]);
        }
        QVERIFY(a.value(metric::Arrived) > 30000);
        // ...while the platforms themselves differ.
        QVERIFY(r.architectures[1].mean.value(metric::InstancesMean) !=
                a.value(metric::InstancesMean));
    }

    // Conservation: every request that arrived in the window ends exactly
    // once, whatever the warm-up, drain and replication count. Checked per
    // replication on every bundled example and on warm-up edge cases.
    void everyArrivedRequestEndsExactlyOnce() {
        std::vector<Scenario> scenarios;
        for (const resources::EmbeddedFile& file : resources::exampleScenarioFiles()) {
            Scenario s = test::exampleScenarioFromJson(std::string(file.contents));
            s.simulation.durationS = std::min(s.simulation.durationS, 7200.0);
            s.simulation.warmupS = std::min(s.simulation.warmupS, 600.0);
            scenarios.push_back(s);
        }
        Scenario longWarmup = test::scenarioFromJson(ThreeWays);
        longWarmup.simulation.warmupS = 3000.0; // many requests straddle the boundary
        scenarios.push_back(longWarmup);
        for (const Scenario& s : scenarios) {
            for (std::size_t a = 0; a < s.architectures.size(); ++a) {
                for (int r = 0; r < 2; ++r) {
                    const MetricValues m = runReplication(s, a, r).metrics;
                    QVERIFY2(m.value(metric::Arrived) > 0.0, s.name.c_str());
                    QCOMPARE(m.value(metric::Completed) + m.value(metric::TimedOut) +
                                 m.value(metric::Rejected),
                             m.value(metric::Arrived));
                    QVERIFY(m.value(metric::ColdStarts) <= m.value(metric::Arrived));
                    // Levels are counts: never negative, busy within alive.
                    const double busy = m.value(metric::InstancesBusyMean);
                    QVERIFY2(
                        busy >= 0.0 && busy <= m.value(metric::InstancesMean) + 1e-9,
                        qPrintable(QString("%1 %2").arg(busy).arg(m.value(metric::InstancesMean))));
                    QVERIFY(m.value(metric::InstancesIdleMean) >= -1e-9);
                    QVERIFY(m.value(metric::Utilization) >= 0.0 &&
                            m.value(metric::Utilization) <= 1.0 + 1e-9);
                    for (const MetricValues::Entry& e : m.entries()) {
                        if (e.key.starts_with("cost.")) {
                            QVERIFY2(e.value >= 0.0, e.key.c_str());
                        }
                    }
                }
            }
        }
    }

    // An instance that finishes at time t is free for a request arriving at
    // t: one request per second of exactly one second runs on a single
    // instance without a rejection (completion before arrival at a tie).
    void anInstanceFinishingAtAnArrivalInstantTakesIt() {
        const Scenario s = test::scenarioFromJson(R"({
          "format": "faaslab.scenario/1", "name": "tie", "simulation": { "duration_s": 100 },
          "workload": { "arrivals": { "process": "constant", "rate_per_s": 1 },
                        "service_time_s": { "dist": "deterministic", "value": 1 },
                        "memory_mb": 128 },
          "architectures": [ { "name": "one", "type": "serverless", "max_instances": 1,
              "cold_start_s": { "dist": "deterministic", "value": 0 },
              "pricing": "aws-lambda-x86" } ] })");
        const MetricValues m = runReplication(s, 0, 0).metrics;
        QCOMPARE(m.value(metric::Arrived), 99.0);
        QCOMPARE(m.value(metric::Rejected), 0.0);
        QCOMPARE(m.value(metric::ColdStarts), 1.0);
    }

    void maximaHaveNoConfidenceInterval() {
        const ScenarioResults r = runScenario(test::scenarioFromJson(ThreeWays)).results;
        QVERIFY(!r.architectures[0].ci95.contains(metric::LatencyMax));
        QVERIFY(!r.architectures[0].ci95.contains(metric::InstancesMax));
        QVERIFY(r.architectures[0].ci95.contains(metric::LatencyP99));
    }

    void aSingleReplicationIsReplicationZero() {
        Scenario s = test::scenarioFromJson(ThreeWays);
        s.simulation.replications = 1;
        const ScenarioResults r = runScenario(s).results;
        const ReplicationResult direct = runReplication(s, 1, 0);
        QCOMPARE(r.architectures[1].mean, direct.metrics);
        QVERIFY(r.architectures[1].ci95.empty());
    }

    void replicationsCarryConfidenceIntervals() {
        const ScenarioResults r = runScenario(test::scenarioFromJson(ThreeWays)).results;
        for (const ArchitectureResults& a : r.architectures) {
            QCOMPARE(a.replications, 3);
            QVERIFY(a.ci95.contains(metric::LatencyMean));
            QVERIFY(a.ci95.value(metric::CostTotal) > 0.0);
        }
    }

    void timeSeriesAddUpToTheTotals() {
        Scenario s = test::scenarioFromJson(ThreeWays);
        s.simulation.replications = 1;
        const ScenarioResults r = runScenario(s).results;
        for (const ArchitectureResults& a : r.architectures) {
            const TimeSeries& ts = a.series;
            QCOMPARE(ts.binS, 60.0);
            QCOMPARE(ts.binCount(), std::size_t(58)); // (3600 - 120) / 60
            double arrivals = 0.0;
            double instanceSeconds = 0.0;
            for (std::size_t b = 0; b < ts.binCount(); ++b) {
                arrivals += ts.values[ts.columnIndex("arrivals_per_s")][b] * 60.0;
                instanceSeconds += ts.values[ts.columnIndex("instances")][b] * 60.0;
            }
            QVERIFY(std::fabs(arrivals - a.mean.value(metric::Arrived)) < 1e-6);
            QVERIFY(std::fabs(instanceSeconds / 3480.0 - a.mean.value(metric::InstancesMean)) <
                    1e-9 * instanceSeconds);
            const auto& cost = ts.values[ts.columnIndex("cost_cumulative")];
            QVERIFY(std::is_sorted(cost.begin(), cost.end()));
            QVERIFY(std::fabs(cost.back() - a.mean.value(metric::CostTotal)) < 1e-12);
        }
    }

    void cancellationStopsPromptly() {
        Scenario s = test::scenarioFromJson(ThreeWays);
        s.simulation.durationS = 30.0 * 86400.0;
        std::atomic<bool> cancel{false};
        RunOptions options;
        options.cancel = &cancel;
        options.progress = [&cancel](const RunProgressReport& p) {
            if (p.fraction > 0.0) {
                cancel = true;
            }
        };
        const auto start = std::chrono::steady_clock::now();
        const RunOutput out = runScenario(s, options);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QCOMPARE(out.status, RunStatus::Cancelled);
        QVERIFY2(seconds < 2.0, qPrintable(QString::number(seconds)));
    }

    // One architecture outgrows a small limit on pending events within a
    // simulated second; the other would run 30 simulated days. The run
    // rethrows the first one's WorkInFlightError and stops the other at once.
    void aReplicationBeyondThePendingLimitStopsTheRun() {
        Scenario s = test::scenarioFromJson(R"({
          "format": "faaslab.scenario/1", "name": "too much in flight",
          "simulation": { "duration_s": 2592000, "seed": 3, "replications": 1 },
          "workload": { "arrivals": { "process": "poisson", "rate_per_s": 500 },
                        "service_time_s": { "dist": "deterministic", "value": 1 },
                        "memory_mb": 128 },
          "architectures": [
            { "name": "capped", "type": "serverless", "max_instances": 2,
              "cold_start_s": { "dist": "deterministic", "value": 0.1 },
              "pricing": "aws-lambda-x86" },
            { "name": "open", "type": "serverless",
              "cold_start_s": { "dist": "deterministic", "value": 0.1 },
              "pricing": "aws-lambda-x86" } ] })");
        RunOptions options;
        options.threads = 2;
        options.limits.maxPendingEvents = 200;
        const auto start = std::chrono::steady_clock::now();
        try {
            runScenario(s, options);
            QFAIL("the run did not stop at the limit");
        } catch (const WorkInFlightError& e) {
            QCOMPARE(e.architecture(), std::string("open"));
            QVERIFY2(e.simulatedTimeS() < 2.0, e.what());
            QVERIFY2(std::string(e.what()).find("Requests waiting in queues count too") !=
                         std::string::npos,
                     e.what());
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY2(seconds < 2.0, qPrintable(QString::number(seconds)));
    }

    void reportsProgressUpToCompletion() {
        Scenario s = test::scenarioFromJson(ThreeWays);
        double last = 0.0;
        int calls = 0;
        RunOptions options;
        options.progress = [&](const RunProgressReport& p) {
            QVERIFY(p.fraction >= 0.0 && p.fraction <= 1.0);
            last = p.fraction;
            ++calls;
        };
        runScenario(s, options);
        QVERIFY(calls >= 1);
        QCOMPARE(last, 1.0);
    }
};

QTEST_APPLESS_MAIN(ScenarioRunnerTest)
#include "tst_scenario_runner.moc"
