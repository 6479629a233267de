#include "simulator/distribution.h"
#include "tests/support/statistical_checks.h"

#include <QtTest>
#include <cmath>

using namespace faaslab;
using namespace faaslab::sim;

namespace {

struct Moments {
    std::vector<double> means;
    std::vector<double> secondCentral; // around the true mean
};

Moments sampleMoments(const Distribution& d, double trueMean, std::uint64_t seed) {
    RandomStream rng(seed);
    Moments m;
    for (int b = 0; b < 100; ++b) {
        double sum = 0.0;
        double squares = 0.0;
        constexpr int N = 20000;
        for (int i = 0; i < N; ++i) {
            const double x = d.sample(rng);
            sum += x;
            squares += (x - trueMean) * (x - trueMean);
        }
        m.means.push_back(sum / N);
        m.secondCentral.push_back(squares / N);
    }
    return m;
}

} // namespace

class DistributionTest : public QObject {
    Q_OBJECT

private slots:
    void samplesHaveTheStatedMeanAndVariance_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("variance");
        QTest::newRow("exponential mean 0.2") << 0 << 0.2 << 0.04;
        QTest::newRow("uniform 1..3") << 1 << 2.0 << 4.0 / 12.0;
        QTest::newRow("lognormal mean 0.2 cv 1") << 2 << 0.2 << 0.04;
        QTest::newRow("lognormal mean 1.5 cv 0.3") << 3 << 1.5 << std::pow(1.5 * 0.3, 2);
        QTest::newRow("gamma mean 0.5 cv 2") << 4 << 0.5 << 1.0;
        QTest::newRow("gamma mean 3 cv 0.5") << 5 << 3.0 << 2.25;
    }
    void samplesHaveTheStatedMeanAndVariance() {
        QFETCH(int, which);
        QFETCH(double, mean);
        QFETCH(double, variance);
        const Distribution d[] = {
            Distribution::exponential(0.2),    Distribution::uniform(1.0, 3.0),
            Distribution::logNormal(0.2, 1.0), Distribution::logNormal(1.5, 0.3),
            Distribution::gamma(0.5, 2.0),     Distribution::gamma(3.0, 0.5),
        };
        const Distribution& dist = d[which];
        // The closed-form moments of the parameterisation (mean, cv)...
        QVERIFY(std::fabs(dist.mean() - mean) < 1e-12 * mean);
        QVERIFY(std::fabs(dist.variance() - variance) < 1e-9 * variance);
        // ...and the sampler agrees with them.
        const Moments m = sampleMoments(dist, mean, 100 + static_cast<std::uint64_t>(which));
        FAASLAB_VERIFY_CHECK(test::checkMean(m.means, mean));
        FAASLAB_VERIFY_CHECK(test::checkMean(m.secondCentral, variance));
    }

    void deterministicAlwaysReturnsItsValue() {
        RandomStream rng(1);
        const Distribution d = Distribution::deterministic(0.125);
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(d.sample(rng), 0.125);
        }
        QVERIFY(d.isDeterministic());
        QCOMPARE(d.quantile(0.99), 0.125);
    }

    void empiricalResamplesEachObservationEqually() {
        const Distribution d = Distribution::empirical({0.1, 0.2, 0.7});
        RandomStream rng(3);
        int counts[3] = {};
        constexpr int Draws = 300000;
        for (int i = 0; i < Draws; ++i) {
            const double x = d.sample(rng);
            counts[x == 0.1 ? 0 : x == 0.2 ? 1 : 2]++;
        }
        for (int c : counts) {
            FAASLAB_VERIFY_CHECK(test::checkProportion(c, Draws, 1.0 / 3.0));
        }
        QCOMPARE(d.mean(), (0.1 + 0.2 + 0.7) / 3.0);
        QCOMPARE(d.quantile(0.5), 0.2);
        QCOMPARE(d.quantile(1.0), 0.7);
    }

    void closedFormQuantiles() {
        QCOMPARE(Distribution::exponential(0.2).quantile(0.5), 0.2 * std::log(2.0));
        QCOMPARE(Distribution::uniform(1.0, 3.0).quantile(0.25), 1.5);
        QVERIFY(std::isnan(Distribution::gamma(1.0, 1.0).quantile(0.5)));
    }
};

QTEST_APPLESS_MAIN(DistributionTest)
#include "tst_distribution.moc"
