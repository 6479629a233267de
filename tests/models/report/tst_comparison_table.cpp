#include "models/report/comparison_table.h"
#include "models/results/metric_keys.h"
#include "models/results/ranking.h"
#include "models/report/sweep_writer.h"
#include "models/runner/scenario_runner.h"
#include "models/runner/sweep_runner.h"
#include "simulator/latency_histogram.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>

using namespace faaslab;

namespace {

ArchitectureResults architecture(const std::string& name, double monthly, double p99) {
    ArchitectureResults a;
    a.name = name;
    a.type = "serverless";
    a.replications = 1;
    a.mean.set(metric::Arrived, 1234567);
    a.mean.set(metric::Rejected, 12);
    a.mean.set(metric::RejectionProbability, 12.0 / 1234567);
    a.mean.set(metric::LatencyP99, p99);
    a.mean.set(metric::CostMonthly, monthly);
    a.mean.set(std::string(metric::CostBreakdownPrefix) + "compute", monthly / 30);
    return a;
}

// Replicated results: `monthly` ± `half` per 30 days, `p99` ± `p99Half`.
ArchitectureResults replicated(const std::string& name, double monthly, double half, double p99,
                               double p99Half) {
    ArchitectureResults a = architecture(name, monthly, p99);
    a.replications = 5;
    a.ci95.set(metric::CostMonthly, half);
    a.ci95.set(metric::LatencyP99, p99Half);
    return a;
}

// Two Lambda functions on the identical request stream (common random
// numbers), 5 replications of 20 minutes. `secondPricing` decides the
// second one's price: x86 like the first, the two are the same up to their
// cold starts (a statistical tie); x86 against an arm first, it costs 25 %
// more for every request of every replication.
std::string twoFunctions(const std::string& firstPricing) {
    return R"({ "format": "faaslab.scenario/1", "name": "two functions",
  "simulation": { "duration_s": 1200, "warmup_s": 0, "seed": 21, "replications": 5 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 3 },
                "service_time_s": { "dist": "gamma", "mean": 0.2, "cv": 1.0 },
                "memory_mb": 512 },
  "architectures": [
    { "name": "First", "type": "serverless", "keep_alive_s": 30,
      "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.4 },
      "pricing": ")" +
           firstPricing + R"(" },
    { "name": "Second", "type": "serverless", "keep_alive_s": 30,
      "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.4 },
      "pricing": "aws-lambda-x86" } ] })";
}

ScenarioResults run(const std::string& json) {
    RunOutput out = runScenario(test::scenarioFromJson(json));
    if (out.status != RunStatus::Completed) {
        qFatal("scenario did not complete");
    }
    return out.results;
}

} // namespace

class ComparisonTableTest : public QObject {
    Q_OBJECT

private slots:
    void formatsHumanUnits() {
        QCOMPARE(formatSeconds(0.1823), std::string("182.3 ms"));
        QCOMPARE(formatSeconds(1.25), std::string("1.250 s"));
        QCOMPARE(formatSeconds(0.0000042), std::string("4.2 µs"));
        QCOMPARE(formatSeconds(600.0), std::string("10.0 min"));
        QCOMPARE(formatMoney(1234.567), std::string("$1,234.57"));
        QCOMPARE(formatMoney(0.000123), std::string("$0.000123"));
        QCOMPARE(formatMoney(0.0), std::string("$0.00"));
        QCOMPARE(formatCount(1234567), std::string("1,234,567"));
        QCOMPARE(formatPercent(0.0029), std::string("0.29 %"));
        QCOMPARE(formatSpan(86400), std::string("1 day"));
        QCOMPARE(formatSpan(7 * 86400), std::string("7 days"));
        QCOMPARE(formatSpan(5400), std::string("90 minutes"));
    }

    void showsEveryArchitectureAndNamesTheWinners() {
        ScenarioResults r;
        r.scenarioName = "demo";
        r.durationS = 86400;
        r.replications = 1;
        r.architectures = {architecture("Expensive but fast", 120.0, 0.05),
                           architecture("Cheap", 20.0, 0.9)};
        const std::string table = formatComparisonTable(r);
        QVERIFY(table.find("Scenario: demo") != std::string::npos);
        QVERIFY(table.find("Expensive but fast") != std::string::npos);
        QVERIFY(table.find("1,234,567") != std::string::npos);
        QVERIFY(table.find("  compute") != std::string::npos);
        QVERIFY(table.find("Cheapest: Cheap ($20.00 per 30 days)") != std::string::npos);
        QVERIFY(table.find("Fastest at p99: Expensive but fast (50.0 ms)") != std::string::npos);
    }

    void namesEveryArchitectureTiedForFastest() {
        ScenarioResults r;
        r.durationS = 3600;
        r.architectures = {architecture("A", 10.0, 0.5), architecture("B", 20.0, 0.5),
                           architecture("C", 30.0, 0.7)};
        QVERIFY(formatComparisonTable(r).find("Fastest at p99: A and B (500.0 ms, tied)") !=
                std::string::npos);
    }

    void rankingTiesWithinTheHistogramResolution() {
        // The tie band is 2 x the histogram's relative error above the best
        // p99: just inside it ties, just outside it does not.
        const double band = 1.0 + 2.0 * sim::LatencyHistogram::RelativeError;
        ScenarioResults r;
        r.architectures = {architecture("A", 30.0, 0.5 * band * 1.0001),
                           architecture("B", 10.0, 0.5), architecture("C", 10.0, 0.5 * band),
                           architecture("D", 5.0 + 1e-9, 0.2 + 0.3)};
        QCOMPARE(fastestArchitectures(r), (std::vector<std::size_t>{1, 2, 3}));
        // The lowest monthly cost wins; the first one on an exact tie.
        r.architectures[3].mean.set(metric::CostMonthly, 10.0);
        QCOMPARE(cheapestArchitecture(r), std::size_t{1});
        r.architectures[0].mean.set(metric::CostMonthly, 9.99);
        QCOMPARE(cheapestArchitecture(r), std::size_t{0});
        QVERIFY(fastestArchitectures(ScenarioResults{}).empty());
    }

    // An architecture that leaves more than 1 percentage point more requests
    // unserved than the best is neither cheapest nor fastest, and the table
    // says why.
    void ranksOnlyArchitecturesThatServeTheWorkload() {
        ScenarioResults r;
        r.durationS = 3600;
        r.architectures = {architecture("Times out", 1.0, 0.1), architecture("Serves", 20.0, 0.5),
                           architecture("Nearly", 30.0, 0.4)};
        auto served = [&](std::size_t a, double arrived, double completed) {
            r.architectures[a].mean.set(metric::Arrived, arrived);
            r.architectures[a].mean.set(metric::Completed, completed);
        };
        served(0, 1000, 600);  // 40 % unserved
        served(1, 1000, 1000); // all served
        served(2, 1000, 990);  // 1 % unserved: within the tolerance
        QCOMPARE(unservedShare(r.architectures[0]), 0.4);
        QCOMPARE(rankedArchitectures(r), (std::vector<std::size_t>{1, 2}));
        QCOMPARE(cheapestArchitecture(r), std::size_t{1});
        QCOMPARE(fastestArchitectures(r), (std::vector<std::size_t>{2}));
        const std::string table = formatComparisonTable(r);
        QVERIFY(table.find("Cheapest: Serves") != std::string::npos);
        QVERIFY2(table.find("Not ranked: Times out leaves 40.00 % of requests unserved") !=
                     std::string::npos,
                 table.c_str());
        served(2, 1000, 989); // 1.1 %: out
        QCOMPARE(rankedArchitectures(r), (std::vector<std::size_t>{1}));
    }

    void showsHalfWidthsWithReplications() {
        ScenarioResults r;
        r.durationS = 3600;
        r.replications = 5;
        ArchitectureResults a = architecture("A", 10.0, 0.2);
        a.ci95.set(metric::LatencyP99, 0.0123);
        r.architectures = {a};
        const std::string table = formatComparisonTable(r);
        QVERIFY(table.find("200.0 ms ± 12.3 ms") != std::string::npos);
        QVERIFY(table.find("5 replications (± 95 % CI)") != std::string::npos);
    }

    // The rows the table prints are comparisonRows, cell for cell, and a
    // request that times out is a row of its own.
    void tablePrintsTheComparisonRows() {
        ScenarioResults r;
        r.durationS = 3600;
        r.architectures = {architecture("A", 10.0, 0.2), architecture("B", 20.0, 0.3)};
        r.architectures[1].mean.set(metric::TimedOut, 7);
        r.architectures[1].mean.set(metric::TimeoutProbability, 0.5);
        const std::vector<ComparisonRow> rows = comparisonRows(r);
        const std::string table = formatComparisonTable(r);
        bool timedOut = false;
        for (const ComparisonRow& row : rows) {
            QCOMPARE(row.cells.size(), std::size_t{2});
            QVERIFY2(table.find(row.label) != std::string::npos, row.label.c_str());
            QVERIFY2(table.find(row.cells[1]) != std::string::npos, row.cells[1].c_str());
            if (row.label == "  timed out") {
                QCOMPARE(row.cells[1], std::string("7 (50.00 %)"));
                QCOMPARE(row.metricKey, std::string(metric::TimeoutProbability));
                timedOut = true;
            }
        }
        QVERIFY(timedOut);
    }

    // With replications, a winner whose 95 % interval overlaps the next
    // one's is not named; separated intervals name it.
    void overlappingIntervalsNameNoWinner() {
        ScenarioResults r;
        r.durationS = 3600;
        r.replications = 5;
        r.architectures = {replicated("A", 10.0, 1.0, 0.30, 0.01),
                           replicated("B", 10.5, 1.0, 0.50, 0.01),
                           replicated("C", 13.0, 0.4, 0.90, 0.01)};
        RankingVerdict cheapest = cheapestVerdict(r);
        QVERIFY(!cheapest.decided());
        QCOMPARE(cheapest.best, (std::vector<std::size_t>{0}));
        // C's interval [12.6, 13.4] misses A's [9, 11]: not a contender.
        QCOMPARE(cheapest.indistinguishable, (std::vector<std::size_t>{0, 1}));
        QVERIFY(!cheapest.names(0));
        const RankingVerdict fastest = fastestVerdict(r);
        QVERIFY(fastest.decided());
        QVERIFY(fastest.names(0));

        const std::string table = formatComparisonTable(r);
        QVERIFY2(table.find("Cheapest: not distinguishable at 95 % (A $10.00 ± $1.00, B $10.50 "
                            "± $1.00 per 30 days). Fastest at p99: A (300.0 ms).") !=
                     std::string::npos,
                 table.c_str());
        QCOMPARE(architectureBadges(r, 0),
                 (std::vector<std::string>{"cost not distinguishable at 95 %", "fastest"}));
        QCOMPARE(architectureBadges(r, 1),
                 (std::vector<std::string>{"cost not distinguishable at 95 %"}));
        QVERIFY(architectureBadges(r, 2).empty());

        // Narrower intervals separate them: A is cheapest.
        r.architectures[0].ci95.set(metric::CostMonthly, 0.2);
        r.architectures[1].ci95.set(metric::CostMonthly, 0.2);
        cheapest = cheapestVerdict(r);
        QVERIFY(cheapest.decided());
        QVERIFY(cheapest.names(0));
        QVERIFY(formatComparisonTable(r).find("Cheapest: A ($10.00 per 30 days).") !=
                std::string::npos);
        QCOMPARE(architectureBadges(r, 0), (std::vector<std::string>{"cheapest", "fastest"}));

        // Overlapping p99 intervals: no fastest either.
        r.architectures[1].mean.set(metric::LatencyP99, 0.31);
        const RankingVerdict p99 = fastestVerdict(r);
        QVERIFY(!p99.decided());
        QCOMPARE(p99.indistinguishable, (std::vector<std::size_t>{0, 1}));
        QVERIFY(formatComparisonTable(r).find(
                    "Fastest at p99: not distinguishable at 95 % (A 300.0 ms ± 10.0 ms, B "
                    "310.0 ms ± 10.0 ms).") != std::string::npos);
    }

    // One replication has no interval: the point estimate decides, however
    // close (docs/model-semantics.md).
    void oneReplicationLetsThePointEstimateDecide() {
        ScenarioResults r;
        r.durationS = 3600;
        r.architectures = {architecture("A", 10.0, 0.3), architecture("B", 10.01, 0.3001)};
        const RankingVerdict cheapest = cheapestVerdict(r);
        QVERIFY(cheapest.decided());
        QCOMPARE(cheapest.best, (std::vector<std::size_t>{0}));
        // Within the histogram's resolution: tied, both named.
        const RankingVerdict fastest = fastestVerdict(r);
        QVERIFY(fastest.decided());
        QCOMPARE(fastest.best, (std::vector<std::size_t>{0, 1}));
        QCOMPARE(architectureBadges(r, 1), (std::vector<std::string>{"fastest"}));
    }

    // Real runs: two copies of a function on the same requests are a
    // statistical tie; the same function on x86 is clearly dearer than on arm.
    void aStatisticalTieHasNoWinnerAndASeparatedOneHas() {
        const ScenarioResults tie = run(twoFunctions("aws-lambda-x86"));
        QVERIFY(tie.architectures[0].ci95.contains(metric::CostMonthly));
        const RankingVerdict tied = cheapestVerdict(tie);
        QVERIFY(!tied.decided());
        QCOMPARE(tied.indistinguishable.size(), std::size_t{2});
        QVERIFY(formatComparisonTable(tie).find("Cheapest: not distinguishable at 95 %") !=
                std::string::npos);

        const ScenarioResults apart = run(twoFunctions("aws-lambda-arm"));
        const RankingVerdict separated = cheapestVerdict(apart);
        QVERIFY(separated.decided());
        QCOMPARE(separated.best, (std::vector<std::size_t>{0}));
        QVERIFY(formatComparisonTable(apart).find("Cheapest: First (") != std::string::npos);

        // A sweep point says the same; its break-even bisection still
        // follows the means (the cheapest by point estimate).
        SweepPoint point;
        point.architectures = tie.architectures;
        point.cheapest = tie.architectures[cheapestArchitecture(tie)].name;
        QVERIFY(!cheapestVerdictAt(point).decided());
        SweepResults sweep;
        sweep.parameter = "workload.arrivals.rate_per_s";
        sweep.architectureNames = {"First", "Second"};
        sweep.points = {point};
        point.architectures = apart.architectures;
        point.cheapest = "First";
        sweep.points.push_back(point);
        const std::string table = formatSweepTable(sweep);
        QVERIFY2(table.find("not distinguishable at 95 %") != std::string::npos, table.c_str());
        QVERIFY(table.find("First\n") != std::string::npos);

        // The sweep's JSON and CSV name no winner at the undecided point
        // either; the lowest mean is still given, as such.
        const nlohmann::ordered_json json = sweepToJson(sweep);
        const auto& undecided = json["points"][0];
        QVERIFY(undecided["cheapest"].is_null());
        QCOMPARE(undecided["not_distinguishable"].size(), std::size_t{2});
        QCOMPARE(undecided["lowest_mean_cost"].get<std::string>(),
                 tie.architectures[cheapestArchitecture(tie)].name);
        QCOMPARE(json["points"][1]["cheapest"].get<std::string>(), std::string("First"));
        QVERIFY(!json["points"][1].contains("not_distinguishable"));
        const std::string csv = sweepCsv(sweep);
        for (const char* row :
             {",First,serverless,indistinguishable,", ",Second,serverless,indistinguishable,",
              ",First,serverless,yes,", ",Second,serverless,no,"}) {
            QVERIFY2(csv.find(row) != std::string::npos, row);
        }
    }

    // A cost is marked as not for the whole load when more than 1 % of the
    // requests were not served, whether rejected or timed out.
    void aSweepMarksACostThatLeavesRequestsUnserved() {
        auto served = [](ArchitectureResults a, double completed) {
            a.mean.set(metric::Arrived, 1000);
            a.mean.set(metric::Completed, completed);
            a.mean.set(metric::Rejected, 0);
            a.mean.set(metric::RejectionProbability, 0);
            a.mean.set(metric::TimedOut, 1000 - completed);
            return a;
        };
        const ArchitectureResults timesOut = served(architecture("A", 10, 0.3), 980);
        const ArchitectureResults atTheLimit = served(architecture("B", 20, 0.3), 990);
        QVERIFY(!servesWholeLoad(timesOut));
        QVERIFY(servesWholeLoad(atTheLimit)); // exactly 1 %: still the whole load
        SweepPoint point;
        point.value = 5;
        point.architectures = {timesOut, atTheLimit};
        point.cheapest = "B";
        SweepResults sweep;
        sweep.parameter = "workload.arrivals.rate_per_s";
        sweep.architectureNames = {"A", "B"};
        sweep.points = {point};
        const std::string table = formatSweepTable(sweep);
        QVERIFY2(table.find("$10.00*") != std::string::npos, table.c_str());
        QVERIFY2(table.find("$20.00*") == std::string::npos, table.c_str());
        QVERIFY2(table.find("* leaves more than 1 % of the requests unserved (rejected, timed "
                            "out or failed)") != std::string::npos,
                 table.c_str());
    }
};

QTEST_APPLESS_MAIN(ComparisonTableTest)
#include "tst_comparison_table.moc"
