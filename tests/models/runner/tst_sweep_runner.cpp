#include "models/report/sweep_writer.h"
#include "models/results/metric_keys.h"
#include "models/results/ranking.h"
#include "models/runner/sweep_runner.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>

using namespace faaslab;
using Json = nlohmann::ordered_json;

namespace {

// Lambda against one m5.large, with nothing random in the cost: constant
// arrivals, 100 ms of work at 1024 MB, no cold-start delay, instances kept.
Json breakEvenScenario() {
    return Json::parse(R"({ "format": "faaslab.scenario/1", "name": "break-even",
      "simulation": { "duration_s": 86400, "seed": 1 },
      "workload": { "arrivals": { "process": "constant", "rate_per_s": 5 },
                    "service_time_s": { "dist": "deterministic", "value": 0.1 }, "memory_mb": 1024 },
      "architectures": [
        { "name": "Lambda", "type": "serverless",
          "cold_start_s": { "dist": "deterministic", "value": 0 }, "keep_alive_s": 86400,
          "pricing": "aws-lambda-x86" },
        { "name": "EC2", "type": "vm", "instances": 1, "pricing": "aws-ec2-m5-large" } ] })");
}

Json readExample(const std::string& name) {
    std::ifstream in(test::resourcePath("scenarios/" + name));
    return Json::parse(in);
}

} // namespace

class SweepRunnerTest : public QObject {
    Q_OBJECT

private slots:
    // Per request Lambda costs $0.20/10^6 + 0.1 s x 1 GB x $0.0000166667 =
    // $1.866667e-6; a 30-day month is 2,592,000 s, so at r requests/s the
    // month costs r x 4.8384 USD. The m5.large costs 720 h x $0.096 =
    // $69.12. They are equal at r = 69.12 / 4.8384 = 14.2857 requests/s.
    // The m5.large's 2 vCPUs serve at most 2 / 0.1 s = 20 requests/s; above
    // r = 20 / 0.99 = 20.202 it leaves more than 1 % unserved and is no
    // longer ranked (models/results/ranking.h): Lambda is cheapest again.
    void findsAHandComputedBreakEvenWithinOnePercent() {
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = sweepRange(1.0, 50.0, 8, false);
        const SweepOutput out = runSweep(breakEvenScenario(), spec);
        QVERIFY(out.ok());
        QCOMPARE(out.results.breakEvens.size(), std::size_t(2));
        const BreakEven& saturation = out.results.breakEvens.back();
        const double full = 20.0 / (1.0 - RankingServiceTolerance);
        QVERIFY2(std::fabs(saturation.value - full) <= 0.01 * full,
                 qPrintable(QString("found %1, expected %2").arg(saturation.value).arg(full)));
        QCOMPARE(saturation.cheaperBelow, std::string("EC2"));
        QCOMPARE(saturation.cheaperAbove, std::string("Lambda"));
        const BreakEven& b = out.results.breakEvens.front();
        const double expected = 69.12 / (2592000.0 * (0.2e-6 + 0.1 * 0.0000166667));
        QVERIFY(std::fabs(expected - 14.2857) < 1e-4);
        QVERIFY2(std::fabs(b.value - expected) <= 0.01 * expected,
                 qPrintable(QString("found %1, expected %2").arg(b.value).arg(expected)));
        QVERIFY(b.lower <= expected && expected <= b.upper);
        QCOMPARE(b.cheaperBelow, std::string("Lambda"));
        QCOMPARE(b.cheaperAbove, std::string("EC2"));
        QCOMPARE(out.results.points.front().cheapest, std::string("Lambda"));
        QCOMPARE(out.results.points.back().cheapest, std::string("Lambda"));
    }

    void parallelGivesTheSameResultsAsSerial() {
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = sweepRange(2.0, 40.0, 6, true);
        SweepOptions serial;
        serial.threads = 1;
        SweepOptions parallel;
        parallel.threads = 4;
        const std::string a =
            sweepToJson(runSweep(breakEvenScenario(), spec, serial).results).dump();
        const std::string b =
            sweepToJson(runSweep(breakEvenScenario(), spec, parallel).results).dump();
        QVERIFY(a == b);
    }

    void wholeNumberFieldsAreBisectedOnWholeNumbers() {
        // Two EC2 against Lambda at a fixed 20 requests/s: the fleet size
        // decides; the cheapest changes from the fleet (1 VM) to Lambda
        // (2 VMs cost more than 20/s of Lambda, $96.77 a month).
        Json s = breakEvenScenario();
        s["workload"]["arrivals"]["rate_per_s"] = 20;
        SweepSpec spec;
        spec.parameter = "architectures[1].instances";
        spec.values = {1, 4};
        const SweepOutput out = runSweep(s, spec);
        QVERIFY(out.ok());
        QCOMPARE(out.results.breakEvens.size(), std::size_t(1));
        QCOMPARE(out.results.breakEvens.front().lower, 1.0);
        QCOMPARE(out.results.breakEvens.front().upper, 2.0);
    }

    // A point whose run outgrows the limit on pending events ends the sweep
    // with the run's WorkInFlightError, prefixed with the point, on whichever
    // worker thread it happened (an exception must not escape a thread).
    void aPointBeyondThePendingLimitEndsTheSweepNamingThePoint() {
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = {1, 400};
        SweepOptions options;
        options.threads = 2;
        options.limits.maxPendingEvents = 20;
        try {
            runSweep(breakEvenScenario(), spec, options);
            QFAIL("the sweep did not stop at the limit");
        } catch (const WorkInFlightError& e) {
            QVERIFY2(std::string(e.what()).starts_with(
                         "at workload.arrivals.rate_per_s = 400: architecture \""),
                     e.what());
            QVERIFY2(std::string(e.what()).find("more than 20 events were pending at once") !=
                         std::string::npos,
                     e.what());
        }
    }

    void rangesAreReadAndCheckedByOneRule_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("too few parts") << "1:2"
                                       << "expected FROM:TO:POINTS";
        QTest::newRow("not a number") << "one:2:3"
                                      << "expected FROM:TO:POINTS";
        QTest::newRow("trailing junk") << "1:2x:3"
                                       << "expected FROM:TO:POINTS";
        QTest::newRow("fractional points") << "1:2:2.5"
                                           << "expected FROM:TO:POINTS";
        QTest::newRow("bad suffix") << "1:2:3:lin"
                                    << "expected FROM:TO:POINTS";
        QTest::newRow("one point") << "1:2:1"
                                   << "POINTS must be between 2 and 1000, got 1";
        QTest::newRow("many points") << "1:2:1001"
                                     << "POINTS must be between 2 and 1000, got 1001";
        QTest::newRow("backwards") << "5:2:3"
                                   << "FROM must be less than TO, got 5:2";
        QTest::newRow("infinite") << "1:inf:3"
                                  << "FROM and TO must be finite numbers";
        QTest::newRow("log from zero") << "0:2:3:log"
                                       << "a logarithmic range needs FROM > 0, got 0";
    }
    void rangesAreReadAndCheckedByOneRule() {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        std::string why;
        QVERIFY(!parseSweepRange(text.toStdString(), why));
        QVERIFY2(QString::fromStdString(why).startsWith(problem), why.c_str());

        const auto linear = parseSweepRange("1:5:5", why);
        QVERIFY(linear && why.empty());
        QCOMPARE(*linear, (std::vector<double>{1.0, 2.0, 3.0, 4.0, 5.0}));
        const auto geometric = parseSweepRange("1:100:3:log", why);
        QVERIFY(geometric);
        QCOMPARE(geometric->size(), std::size_t(3));
        QCOMPARE((*geometric)[1], 10.0);
        QCOMPARE((*geometric)[2], 100.0);
    }

    void reportsBadParametersAndValuesBeforeRunning_data() {
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo")
            << "workload.arrivals.rate" << 1.0
            << "workload.arrivals has no field \"rate\"; did you mean \"rate_per_s\"?";
        QTest::newRow("index out of range")
            << "architectures[5].instances" << 1.0
            << "architectures has no element [5] (it has 2 elements)";
        QTest::newRow("not a number") << "architectures[0].name" << 1.0 << "not a number";
        QTest::newRow("invalid value")
            << "workload.arrivals.rate_per_s" << -2.0 << "must be a positive number, got -2";
        QTest::newRow("whole number field")
            << "architectures[1].instances" << 1.5 << "must be a whole number";
    }
    void reportsBadParametersAndValuesBeforeRunning() {
        QFETCH(QString, parameter);
        QFETCH(double, value);
        QFETCH(QString, message);
        SweepSpec spec;
        spec.parameter = parameter.toStdString();
        spec.values = {1.0, value};
        const SweepOutput out = runSweep(breakEvenScenario(), spec);
        QVERIFY(!out.ok());
        QVERIFY(out.results.points.empty());
        const std::string text = out.diagnostics.format("sweep");
        QVERIFY2(text.find(message.toStdString()) != std::string::npos, text.c_str());
    }

    // The per-point callback hears every point once, as the final results
    // hold it, and listening changes nothing in the results.
    void reportsEachPointAsItFinishes() {
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = sweepRange(1.0, 50.0, 8, false);
        const SweepOutput quiet = runSweep(breakEvenScenario(), spec);
        std::mutex mutex;
        std::map<std::size_t, SweepPoint> heard;
        SweepOptions options;
        options.threads = 2;
        options.pointFinished = [&](std::size_t index, const SweepPoint& point) {
            std::lock_guard lock(mutex);
            QVERIFY(heard.emplace(index, point).second);
        };
        const SweepOutput out = runSweep(breakEvenScenario(), spec, options);
        QCOMPARE(out.status, RunStatus::Completed);
        QCOMPARE(out.pointsPlanned, std::size_t(8));
        QCOMPARE(heard.size(), std::size_t(8));
        for (const auto& [index, point] : heard) {
            const SweepPoint& final = out.results.points[index];
            QCOMPARE(point.value, final.value);
            QCOMPARE(point.cheapest, final.cheapest);
            for (std::size_t a = 0; a < final.architectures.size(); ++a) {
                QCOMPARE(point.architectures[a].mean.value(metric::CostMonthly),
                         final.architectures[a].mean.value(metric::CostMonthly));
            }
        }
        QCOMPARE(sweepToJson(out.results).dump(), sweepToJson(quiet.results).dump());
    }

    // Stopped after its first point, a sweep returns that point (the same
    // as in a complete sweep) as a partial result without break-evens.
    void keepsTheFinishedPointsWhenCancelled() {
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = {2.0, 10.0, 30.0};
        const SweepOutput full = runSweep(breakEvenScenario(), spec);
        std::atomic<bool> cancel{false};
        SweepOptions options;
        options.threads = 1; // the largest value first, then the others
        options.cancel = &cancel;
        options.pointFinished = [&cancel](std::size_t, const SweepPoint&) {
            cancel = true;
        };
        const SweepOutput out = runSweep(breakEvenScenario(), spec, options);
        QCOMPARE(out.status, RunStatus::Cancelled);
        QVERIFY(out.ok());
        QCOMPARE(out.pointsPlanned, std::size_t(3));
        QCOMPARE(out.results.points.size(), std::size_t(1));
        QCOMPARE(out.results.points[0].value, 30.0);
        QCOMPARE(out.results.points[0].cheapest, full.results.points[2].cheapest);
        QCOMPARE(out.results.points[0].architectures[0].mean.value(metric::CostMonthly),
                 full.results.points[2].architectures[0].mean.value(metric::CostMonthly));
        QVERIFY(out.results.breakEvens.empty());
        QCOMPARE(out.results.parameter, spec.parameter);
        QCOMPARE(out.results.architectureNames.size(), std::size_t(2));
    }

    // A long point reports its own progress: the fraction moves before the
    // first point is done (it used to stay at 0 until then).
    void progressMovesWithinALongPoint() {
        Json document = breakEvenScenario();
        document["simulation"]["duration_s"] = 8640000;
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = {40.0, 50.0};
        std::atomic<bool> cancel{false};
        double within = 0.0;
        SweepOptions options;
        options.threads = 1;
        options.cancel = &cancel;
        options.progress = [&](double fraction) {
            // Before any point ends, the fraction is below 0.8 / 2.
            if (fraction > 0.0 && fraction < 0.4) {
                within = fraction;
                cancel = true;
            }
        };
        const SweepOutput out = runSweep(document, spec, options);
        QCOMPARE(out.status, RunStatus::Cancelled);
        QVERIFY2(within > 0.0, "no progress was reported within the first point");
        QVERIFY(out.results.points.empty());
    }

    void csvHasOneRowPerValueAndArchitecture() {
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = {2, 20};
        SweepOptions options;
        options.findBreakEvens = false;
        const SweepOutput out = runSweep(breakEvenScenario(), spec, options);
        const std::string csv = sweepCsv(out.results);
        // What was swept, from which scenario, in comment lines first.
        const std::string comments = "# scenario: " + out.results.scenarioName +
                                     "\n# parameter: workload.arrivals.rate_per_s\n# seed: " +
                                     std::to_string(out.results.seed) + "\n# replications: " +
                                     std::to_string(out.results.replications) + "\n";
        QVERIFY2(csv.starts_with(comments), csv.substr(0, 200).c_str());
        QVERIFY(csv.substr(comments.size())
                    .starts_with("workload.arrivals.rate_per_s,architecture,type,cheapest,"));
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 4 + 1 + 2 * 2);
        QVERIFY(csv.find("\n20,EC2,vm,yes,") != std::string::npos);
    }

    // The classic stories of resources/scenarios, each with its winner on
    // the 30-day cost. (Steady high load is shortened to 3 hours here: its
    // load is steady, so the projection does not depend on the length.)
    void classicStoriesHaveTheirExpectedWinners_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("winner");
        QTest::newRow("steady high load") << "steady-high-load.json"
                                          << "EC2 c5.large x 26";
        QTest::newRow("spiky low traffic") << "spiky-low-traffic.json"
                                           << "Lambda";
        QTest::newRow("mid-size API") << "mid-size-api.json"
                                      << "Cloud Run";
    }
    void classicStoriesHaveTheirExpectedWinners() {
        QFETCH(QString, file);
        QFETCH(QString, winner);
        Json document = readExample(file.toStdString());
        if (file == "steady-high-load.json") {
            document["simulation"]["duration_s"] = 10800;
        }
        const Scenario s = test::scenarioFromJson(document.dump());
        const ScenarioResults r = runScenario(s).results;
        const ArchitectureResults* cheapest = &r.architectures.front();
        for (const ArchitectureResults& a : r.architectures) {
            if (a.mean.value(metric::CostMonthly) < cheapest->mean.value(metric::CostMonthly)) {
                cheapest = &a;
            }
        }
        QCOMPARE(QString::fromStdString(cheapest->name), winner);
        // The winner serves the whole load.
        QVERIFY(cheapest->mean.value(metric::RejectionProbability) < 0.001);
    }
};

QTEST_APPLESS_MAIN(SweepRunnerTest)
#include "tst_sweep_runner.moc"
