#include "simulator/latency_histogram.h"
#include "simulator/random_stream.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <functional>

using namespace faaslab::sim;

namespace {

double normalQuantile(double p) {
    // Bisection on Phi(z) = erfc(-z / sqrt 2) / 2; ample for a test oracle.
    double low = -40.0;
    double high = 40.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (low + high);
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? low : high) = mid;
    }
    return 0.5 * (low + high);
}

} // namespace

class LatencyHistogramTest : public QObject {
    Q_OBJECT

private slots:
    void guaranteesOnePercent() { QVERIFY(LatencyHistogram::RelativeError <= 0.01); }

    // A "perfect sample": the values F^-1((i - 1/2) / n). The histogram's
    // quantiles must match the distribution's within 1 %.
    void quantilesOfKnownDistributionsWithinOnePercent_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("exponential mean 0.2 s") << 0;
        QTest::newRow("lognormal median 50 ms sigma 1.2") << 1;
        QTest::newRow("uniform 1 ms .. 2 s") << 2;
        QTest::newRow("pareto-like heavy tail") << 3;
    }
    void quantilesOfKnownDistributionsWithinOnePercent() {
        QFETCH(int, which);
        const std::function<double(double)> quantile[] = {
            [](double p) { return -0.2 * std::log1p(-p); },
            [](double p) { return 0.05 * std::exp(1.2 * normalQuantile(p)); },
            [](double p) { return 0.001 + p * (2.0 - 0.001); },
            [](double p) { return 0.01 * std::pow(1.0 - p, -1.0 / 1.5); },
        };
        const auto& F = quantile[which];
        LatencyHistogram h;
        constexpr int N = 200000;
        for (int i = 1; i <= N; ++i) {
            h.add(F((i - 0.5) / N));
        }
        for (double q : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999}) {
            const double truth = F(q);
            const double got = h.quantile(q);
            const double error = std::fabs(got - truth) / truth;
            QVERIFY2(
                error <= 0.01,
                qPrintable(
                    QString("q=%1 true=%2 got=%3 error=%4").arg(q).arg(truth).arg(got).arg(error)));
        }
    }

    // Against the exact quantile of the recorded values, the bound is the
    // bucket guarantee itself.
    void quantilesWithinBucketErrorOfExactSampleQuantiles() {
        RandomStream rng(3);
        std::vector<double> values;
        LatencyHistogram h;
        for (int i = 0; i < 100000; ++i) {
            const double v = std::exp(rng.standardNormal() * 2.0 - 3.0);
            values.push_back(v);
            h.add(v);
        }
        std::sort(values.begin(), values.end());
        for (double q : {0.001, 0.05, 0.5, 0.9, 0.99, 0.9999, 1.0}) {
            const auto rank = static_cast<std::size_t>(std::ceil(q * values.size()));
            const double exact = values[rank - 1];
            QVERIFY(std::fabs(h.quantile(q) - exact) / exact <= LatencyHistogram::RelativeError);
        }
        QCOMPARE(h.count(), std::uint64_t(100000));
        QCOMPARE(h.min(), values.front());
        QCOMPARE(h.max(), values.back());
    }

    void identicalValuesAreReportedExactly() {
        LatencyHistogram h;
        for (int i = 0; i < 1000; ++i) {
            h.add(0.2);
        }
        QCOMPARE(h.quantile(0.5), 0.2);
        QCOMPARE(h.quantile(0.99), 0.2);
    }

    void zeroTinyAndHugeValuesAreKept() {
        LatencyHistogram h;
        h.add(0.0);
        h.add(1e-12);
        h.add(1e9);
        QCOMPARE(h.count(), std::uint64_t(3));
        QCOMPARE(h.quantile(0.0), 0.0);
        QCOMPARE(h.quantile(1.0), 1e9);
        QCOMPARE(h.max(), 1e9);
    }

    void mergeEqualsRecordingEverythingInOne() {
        RandomStream rng(5);
        LatencyHistogram a;
        LatencyHistogram b;
        LatencyHistogram all;
        for (int i = 0; i < 50000; ++i) {
            const double v = rng.exponential(0.3);
            (i % 3 == 0 ? a : b).add(v);
            all.add(v);
        }
        a.merge(b);
        QCOMPARE(a.count(), all.count());
        for (double q : {0.1, 0.5, 0.99}) {
            QCOMPARE(a.quantile(q), all.quantile(q));
        }
    }

    void cdfIsMonotoneAndEndsAtOne() {
        RandomStream rng(8);
        LatencyHistogram h;
        for (int i = 0; i < 10000; ++i) {
            h.add(rng.exponential(1.0));
        }
        const auto cdf = h.cdf(100);
        QVERIFY(cdf.size() <= 101);
        QVERIFY(cdf.size() >= 50);
        for (std::size_t i = 1; i < cdf.size(); ++i) {
            QVERIFY(cdf[i].first >= cdf[i - 1].first);
            QVERIFY(cdf[i].second >= cdf[i - 1].second);
        }
        QCOMPARE(cdf.back().second, 1.0);
        QVERIFY(std::fabs(h.fractionAtOrBelow(1.0) - (1.0 - std::exp(-1.0))) < 0.02);
    }
};

QTEST_APPLESS_MAIN(LatencyHistogramTest)
#include "tst_latency_histogram.moc"
