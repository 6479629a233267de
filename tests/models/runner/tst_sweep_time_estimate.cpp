// The estimate the Sweep tab shows before a sweep starts: the expected work
// of a run (invocations), the time of a set of points on a pool of threads,
// and the range proposed within a time budget.

#include "models/runner/sweep_runner.h"
#include "models/runner/sweep_time_estimate.h"
#include "tests/support/test_scenarios.h"

#include <QElapsedTimer>
#include <QtTest>
#include <fstream>
#include <numeric>

using namespace faaslab;
using Json = nlohmann::ordered_json;

namespace {

Scenario constantScenario(double rate, int replications) {
    Json document = Json::parse(R"({ "format": "faaslab.scenario/1", "name": "constant",
      "simulation": { "duration_s": 86400, "seed": 1 },
      "workload": { "arrivals": { "process": "constant", "rate_per_s": 5 },
                    "service_time_s": { "dist": "deterministic", "value": 0.1 }, "memory_mb": 1024 },
      "architectures": [
        { "name": "Lambda", "type": "serverless", "keep_alive_s": 600,
          "cold_start_s": { "dist": "deterministic", "value": 0 }, "pricing": "aws-lambda-x86" },
        { "name": "EC2", "type": "vm", "instances": 1, "pricing": "aws-ec2-m5-large" } ] })");
    document["workload"]["arrivals"]["rate_per_s"] = rate;
    document["simulation"]["replications"] = replications;
    return test::scenarioFromJson(document.dump());
}

Scenario example(const std::string& name) {
    std::ifstream in(test::resourcePath("scenarios/" + name));
    return test::scenarioFromJson(Json::parse(in).dump());
}

} // namespace

class SweepTimeEstimateTest : public QObject {
    Q_OBJECT

private slots:
    // rate x duration invocations, for each architecture and replication.
    void runWorkIsTheExpectedInvocationsOfEveryArchitectureAndReplication() {
        QCOMPARE(expectedRunWork(constantScenario(5.0, 1)), 5.0 * 86400.0 * 2.0);
        QCOMPARE(expectedRunWork(constantScenario(12.5, 3)), 12.5 * 86400.0 * 2.0 * 3.0);
        // Proportional to the rate: what makes a rate sweep's top heavy.
        QCOMPARE(expectedRunWork(constantScenario(50.0, 1)),
                 10.0 * expectedRunWork(constantScenario(5.0, 1)));
    }

    // An application counts each trigger's requests times the invocations
    // each causes. The image pipeline: albums at 0.0167/s of 15 photos on
    // average over a day, each photo resized, then thumbnailed and
    // described: 3 invocations.
    void applicationWorkCountsEveryInvocation() {
        const Scenario s = example("image-pipeline.json");
        QVERIFY(s.application.has_value());
        const double photos = 0.0167 * 86400.0 * 15.0;
        const double expected = photos * 3.0 * static_cast<double>(s.architectures.size()) *
                                static_cast<double>(s.simulation.replications);
        QVERIFY2(std::fabs(expectedRunWork(s) - expected) <= 1e-9 * expected,
                 qPrintable(QString("%1 != %2").arg(expectedRunWork(s)).arg(expected)));
    }

    // Largest first, each to the least-loaded thread.
    void pointsAreScheduledLikeTheSweepsPool_data() {
        QTest::addColumn<std::vector<double>>("work");
        QTest::addColumn<int>("threads");
        QTest::addColumn<double>("seconds");
        QTest::newRow("one thread: the sum") << std::vector<double>{4, 3, 3, 2} << 1 << 12.0;
        // 4 | 3; then 3 -> the 3, 2 -> the 4: 6 and 6.
        QTest::newRow("two threads") << std::vector<double>{4, 3, 3, 2} << 2 << 6.0;
        QTest::newRow("more threads than points: the largest")
            << std::vector<double>{4, 3, 3, 2} << 8 << 4.0;
        QTest::newRow("nothing to do") << std::vector<double>{} << 2 << 0.0;
    }
    void pointsAreScheduledLikeTheSweepsPool() {
        QFETCH(std::vector<double>, work);
        QFETCH(int, threads);
        QFETCH(double, seconds);
        // At 2 invocations per second: half the work.
        QCOMPARE(estimateSweepSeconds(work, 2.0, threads), seconds / 2.0);
        QCOMPARE(estimateSweepSeconds(work, 0.0, threads), 0.0); // unknown speed
    }

    // The proposal keeps the usual two decades when they fit the budget,
    // and narrows (fewer points, then a lower top) until they do.
    void proposesTheWidestRangeWithinTheBudget() {
        // One second per unit of value: a rate-like field.
        auto secondsFor = [](const std::vector<double>& values) {
            return std::accumulate(values.begin(), values.end(), 0.0);
        };
        const SweepRangeProposal wide = proposeSweepRange(60.0, false, secondsFor, 1e9);
        QCOMPARE(wide.from, 6.0);
        QCOMPARE(wide.to, 600.0);
        QCOMPARE(wide.points, 12);
        QVERIFY(wide.logarithmic);
        QVERIFY(wide.withinBudget);

        const double budget = 400.0;
        const SweepRangeProposal narrow = proposeSweepRange(60.0, false, secondsFor, budget);
        QVERIFY(narrow.withinBudget);
        QVERIFY2(narrow.estimatedS <= budget, qPrintable(QString::number(narrow.estimatedS)));
        QCOMPARE(narrow.estimatedS,
                 secondsFor(sweepRange(narrow.from, narrow.to, narrow.points, true)));
        QCOMPARE(narrow.from, 6.0);
        QVERIFY(narrow.to < 600.0);
        // Not narrower than it needs: 8 points from 6 to 180 sum to 458,
        // over the budget; 6 points from 6 to 180 sum to 356.
        QCOMPARE(narrow.to, 180.0);
        QCOMPARE(narrow.points, 6);

        // Nothing fits: the cheapest candidate, said to be over budget.
        const SweepRangeProposal over = proposeSweepRange(60.0, false, secondsFor, 1.0);
        QVERIFY(!over.withinBudget);
        QCOMPARE(over.points, 4);
        QCOMPARE(over.to, 60.0);
    }

    void wholeNumberFieldsGetEveryWholeNumberOfAShortRange() {
        const SweepRangeProposal p = proposeSweepRange(
            1.0, true, [](const std::vector<double>&) { return 0.0; }, 90.0);
        QCOMPARE(p.from, 1.0);
        QCOMPARE(p.to, 10.0);
        QCOMPARE(p.points, 10);
        QVERIFY(!p.logarithmic);
    }

    // The calibration runs a small slice of the scenario: a positive speed,
    // quickly, even for a two-day scenario.
    void calibrationIsShortAndPositive() {
        const Scenario s = example("mid-size-api.json");
        QElapsedTimer timer;
        timer.start();
        const double speed = measureSimulationSpeed(s);
        QVERIFY(speed > 0.0);
        // About 100,000 invocations; generous for a loaded machine.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(expectedRunWork(s) / speed > 2.0 * static_cast<double>(timer.elapsed()) / 1000.0,
                 "the calibration must be much shorter than a run");
    }
};

QTEST_APPLESS_MAIN(SweepTimeEstimateTest)
#include "tst_sweep_time_estimate.moc"
