// Serverless platform semantics on hand-made request traces: each expected
// number is derived in the comment above its test from the rules in
// docs/model-semantics.md.

#include "models/billing/pricing_catalog.h"
#include "models/platforms/serverless_platform.h"
#include "models/results/metric_keys.h"
#include "models/scenario/pricing_reader.h"

#include <QtTest>
#include <memory>
#include <vector>

using namespace faaslab;

namespace {

struct TracedRequest {
    double at;
    double work;
};

// Delivers a fixed list of requests to a platform at their times.
class TraceDriver final : public sim::EventHandler {
public:
    TraceDriver(sim::Simulation& simulation, RequestSink& sink, std::vector<TracedRequest> trace)
        : m_sink(sink)
        , m_trace(std::move(trace)) {
        for (std::size_t i = 0; i < m_trace.size(); ++i) {
            simulation.schedule(m_trace[i].at, this, 0, static_cast<std::uint32_t>(i));
        }
    }
    void handleEvent(const sim::Event& event) override {
        const TracedRequest& r = m_trace[event.index];
        m_sink.onArrival(Request{event.index, r.at, r.work});
    }

private:
    RequestSink& m_sink;
    std::vector<TracedRequest> m_trace;
};

ServerlessPricing lambdaPricing() {
    Diagnostics diagnostics;
    return *readServerlessPreset(*PricingCatalog::builtin().find("aws-lambda-x86"), diagnostics);
}

ServerlessConfig config(double coldStart, double keepAlive, int maxInstances = 1000) {
    ServerlessConfig c;
    c.coldStartS = DistributionSpec::deterministic(coldStart);
    c.keepAliveS = keepAlive;
    c.maxInstances = maxInstances;
    c.pricing = lambdaPricing();
    return c;
}

MetricValues run(const ServerlessConfig& c, std::vector<TracedRequest> trace, double horizon,
                 double warmup = 0.0) {
    sim::Simulation simulation(horizon);
    WorkloadSpec workload;
    workload.memoryMb = 1024.0;
    const PlatformContext context{
        simulation, workload, 1, 0, 0, MeasurementWindow{warmup, horizon, 1.0, 5000}};
    ServerlessPlatform platform(c, context);
    simulation.addObserver(&platform);
    TraceDriver driver(simulation, platform, std::move(trace));
    platform.start();
    sim::RunControl control;
    control.warmup = warmup;
    simulation.run(control);
    return platform.result().metrics;
}

} // namespace

class ServerlessPlatformTest : public QObject {
    Q_OBJECT

private slots:
    // Cold start 0.5 s, keep-alive 60 s. t=0: cold, busy until 1.5.
    // t=10: warm, busy until 11. Idle from 11, expires at 71.
    // t=72: cold again.
    void reusesWarmInstancesUntilTheKeepAliveRunsOut() {
        const MetricValues m =
            run(config(0.5, 60.0), {{0.0, 1.0}, {10.0, 1.0}, {72.0, 1.0}}, 200.0);
        QCOMPARE(m.value(metric::Arrived), 3.0);
        QCOMPARE(m.value(metric::ColdStarts), 2.0);
        QCOMPARE(m.value(metric::InstancesMax), 1.0);
        // Latencies: 1.5, 1.0, 1.5.
        QCOMPARE(m.value(metric::LatencyMean), 4.0 / 3.0);
        QCOMPARE(m.value(metric::LatencyMax), 1.5);
        // Instance alive over [0, 71] and [72, 133.5]: 71 + 61.5 = 132.5 s.
        QVERIFY(std::fabs(m.value(metric::InstancesMean) * 200.0 - 132.5) < 1e-9);
    }

    // Idle from 11; with keep-alive 61 it is terminated at exactly 72, the
    // instant the next request arrives: the request finds no instance.
    void terminatesExactlyKeepAliveAfterBecomingIdle() {
        const std::vector<TracedRequest> trace{{0.0, 1.0}, {10.0, 1.0}, {72.0, 1.0}};
        QCOMPARE(run(config(0.0, 61.0), trace, 200.0).value(metric::ColdStarts), 2.0);
        QCOMPARE(run(config(0.0, 61.001), trace, 200.0).value(metric::ColdStarts), 1.0);
    }

    // max_instances 2 and three simultaneous requests: the third is
    // rejected at once, not queued, and has no latency.
    void rejectsWhenAllInstancesAreBusyAtTheLimit() {
        const MetricValues m =
            run(config(0.0, 600.0, 2), {{1.0, 5.0}, {1.0, 5.0}, {1.0, 5.0}, {7.0, 1.0}}, 100.0);
        QCOMPARE(m.value(metric::Arrived), 4.0);
        QCOMPARE(m.value(metric::Rejected), 1.0);
        QCOMPARE(m.value(metric::RejectionProbability), 0.25);
        QCOMPARE(m.value(metric::Completed), 3.0);
        QCOMPARE(m.value(metric::LatencyMax), 5.0);
        QCOMPARE(m.value(metric::ColdStarts), 2.0);
    }

    // Two instances: A (created first) runs 10 s, B runs 5 s, both from
    // t=0. B is idle from 5, A from 10. A request at 12 (1 s) goes to:
    //   most recently used: A. Then B expires at 15, A at 13 + 10 = 23.
    //       instance-seconds 15 + 23 = 38.
    //   newest created, least recently used: B. Then A expires at 20, B at
    //       23: 20 + 23 = 43.
    void selectionRulesPickDifferentInstances_data() {
        QTest::addColumn<int>("rule");
        QTest::addColumn<double>("instanceSeconds");
        QTest::newRow("most_recently_used") << int(InstanceSelection::MostRecentlyUsed) << 38.0;
        QTest::newRow("newest_created") << int(InstanceSelection::NewestCreated) << 43.0;
        QTest::newRow("least_recently_used") << int(InstanceSelection::LeastRecentlyUsed) << 43.0;
    }
    void selectionRulesPickDifferentInstances() {
        QFETCH(int, rule);
        QFETCH(double, instanceSeconds);
        ServerlessConfig c = config(0.0, 10.0);
        c.instanceSelection = static_cast<InstanceSelection>(rule);
        const MetricValues m = run(c, {{0.0, 10.0}, {0.0, 5.0}, {12.0, 1.0}}, 30.0);
        QCOMPARE(m.value(metric::ColdStarts), 2.0);
        QVERIFY2(std::fabs(m.value(metric::InstancesMean) * 30.0 - instanceSeconds) < 1e-9,
                 qPrintable(QString::number(m.value(metric::InstancesMean) * 30.0)));
    }

    // Now A (created first) runs 5 s and B 10 s: A idle from 5, B from 10.
    // At 12: most recently used and newest created pick B (A expires at 15,
    // B at 23: 38); least recently used picks A (B expires at 20, A at 23:
    // 43).
    void leastRecentlyUsedDiffersFromNewestCreated_data() {
        QTest::addColumn<int>("rule");
        QTest::addColumn<double>("instanceSeconds");
        QTest::newRow("most_recently_used") << int(InstanceSelection::MostRecentlyUsed) << 38.0;
        QTest::newRow("newest_created") << int(InstanceSelection::NewestCreated) << 38.0;
        QTest::newRow("least_recently_used") << int(InstanceSelection::LeastRecentlyUsed) << 43.0;
    }
    void leastRecentlyUsedDiffersFromNewestCreated() {
        QFETCH(int, rule);
        QFETCH(double, instanceSeconds);
        ServerlessConfig c = config(0.0, 10.0);
        c.instanceSelection = static_cast<InstanceSelection>(rule);
        const MetricValues m = run(c, {{0.0, 5.0}, {0.0, 10.0}, {12.0, 1.0}}, 30.0);
        QVERIFY2(std::fabs(m.value(metric::InstancesMean) * 30.0 - instanceSeconds) < 1e-9,
                 qPrintable(QString::number(m.value(metric::InstancesMean) * 30.0)));
    }

    // Concurrency 3, cold start 1 s, every request 10 s of work.
    // t=0 cold (A, ready at 1); t=0.5: A still initialising -> cold (B,
    // ready at 1.5); t=2, 3, 4, 5 fill the four free slots of A and B
    // (warm); t=6: both full -> cold (C). 3 cold starts in 7 requests.
    void packsRequestsIntoInstancesUpToTheConcurrency() {
        ServerlessConfig c = config(1.0, 600.0);
        c.concurrencyPerInstance = 3;
        const MetricValues m = run(c,
                                   {{0.0, 10.0},
                                    {0.5, 10.0},
                                    {2.0, 10.0},
                                    {3.0, 10.0},
                                    {4.0, 10.0},
                                    {5.0, 10.0},
                                    {6.0, 10.0}},
                                   100.0);
        QCOMPARE(m.value(metric::ColdStarts), 3.0);
        QCOMPARE(m.value(metric::InstancesMax), 3.0);
        QCOMPARE(m.value(metric::LatencyMean), (3 * 11.0 + 4 * 10.0) / 7.0);
        // Request-seconds in service: 3 x 11 + 4 x 10 = 73 over 100 s.
        QVERIFY(std::fabs(m.value(metric::Utilization) * m.value(metric::InstancesMean) * 3.0 -
                          0.73) < 1e-9);
    }

    // Timeout 2 s: a 5 s execution is killed at 2 s; latency = 0.25 + 2.
    // Billed (Lambda bills init): 2.25 s x 1 GB.
    void killsExecutionsAtTheTimeoutAndBillsUpToIt() {
        ServerlessConfig c = config(0.25, 600.0);
        c.timeoutS = 2.0;
        const MetricValues m = run(c, {{1.0, 5.0}, {10.0, 1.5}}, 100.0);
        QCOMPARE(m.value(metric::TimedOut), 1.0);
        QCOMPARE(m.value(metric::Completed), 1.0);
        QCOMPARE(m.value(metric::LatencyMax), 2.25);
        const double gbSeconds = 2.25 + 1.5;
        QVERIFY(std::fabs(m.value("cost.breakdown.compute") - gbSeconds * 0.0000166667) < 1e-12);
    }

    // One provisioned instance P. t=0: P (warm). t=0.5: P busy -> cold
    // on-demand D. t=10: both idle -> P is preferred. So 1 cold start, and
    // two executions billed at the provisioned execution rate.
    void prefersProvisionedInstances() {
        ServerlessConfig c = config(0.3, 600.0);
        c.provisionedInstances = 1;
        const MetricValues m = run(c, {{0.0, 1.0}, {0.5, 1.0}, {10.0, 1.0}}, 300.0);
        QCOMPARE(m.value(metric::ColdStarts), 1.0);
        // On-demand: one invocation, 1.3 s billed (init + execution).
        QVERIFY(std::fabs(m.value("cost.breakdown.compute") - 1.3 * 0.0000166667) < 1e-12);
        // Provisioned: 300 s x 1 GB kept warm + 2 x 1 s executing.
        QVERIFY(std::fabs(m.value("cost.breakdown.provisioned") -
                          (300.0 * 0.0000041667 + 2.0 * 0.0000097222)) < 1e-12);
        // P is alive the whole window, D from 0.5 to 1.8 + 600.
        QCOMPARE(m.value(metric::InstancesMax), 2.0);
    }

    // Warm-up 50 s: the request at 10 s is not counted, the one at 60 s is.
    void ignoresRequestsArrivingDuringWarmup() {
        const MetricValues m = run(config(0.5, 600.0), {{10.0, 1.0}, {60.0, 1.0}}, 100.0, 50.0);
        QCOMPARE(m.value(metric::Arrived), 1.0);
        QCOMPARE(m.value(metric::ColdStarts), 0.0); // the instance was warmed at 10 s
        QCOMPARE(m.value(metric::LatencyMean), 1.0);
    }

    // Regression: with concurrency above 1 and a zero execution, the request
    // ends at the instant its instance becomes ready; with no keep-alive the
    // instance expires then, and its "ready" notice must not revive it.
    void aNewInstanceThatExpiredAtOnceStaysGone() {
        ServerlessConfig c = config(1.0, 0.0, 1);
        c.concurrencyPerInstance = 2;
        std::vector<TracedRequest> trace;
        for (int i = 0; i < 50; ++i) {
            trace.push_back({2.0 * i + 0.5, 0.0});
        }
        const MetricValues m = run(c, trace, 100.0);
        QCOMPARE(m.value(metric::Arrived), 50.0);
        QCOMPARE(m.value(metric::ColdStarts), 50.0);
        QCOMPARE(m.value(metric::Rejected), 0.0);
    }

    // Requests arriving before the horizon are followed to their end.
    void followsRequestsInFlightAtTheHorizon() {
        const MetricValues m = run(config(0.0, 600.0), {{99.0, 30.0}}, 100.0);
        QCOMPARE(m.value(metric::Completed), 1.0);
        QCOMPARE(m.value(metric::LatencyMean), 30.0);
        // Time averages stop at the horizon: busy from 99 to 100 only.
        QVERIFY(std::fabs(m.value(metric::InstancesBusyMean) - 0.01) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(ServerlessPlatformTest)
#include "tst_serverless_platform.moc"
