#include "models/results/comparison_table.h"
#include "models/results/metric_keys.h"
#include "models/results/ranking.h"
#include "simulator/latency_histogram.h"

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
};

QTEST_APPLESS_MAIN(ComparisonTableTest)
#include "tst_comparison_table.moc"
