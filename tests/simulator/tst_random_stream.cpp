#include "simulator/random_stream.h"
#include "tests/support/statistical_checks.h"

#include <QtTest>
#include <cmath>
#include <vector>

using namespace faaslab;
using namespace faaslab::sim;

namespace {

// Means of `batches` batches of `perBatch` draws: independent, nearly normal
// estimates whose Student-t interval is the honest tolerance.
template <typename Draw> std::vector<double> batchMeans(Draw draw, int batches, int perBatch) {
    std::vector<double> means;
    for (int b = 0; b < batches; ++b) {
        double sum = 0.0;
        for (int i = 0; i < perBatch; ++i) {
            sum += draw();
        }
        means.push_back(sum / perBatch);
    }
    return means;
}

} // namespace

class RandomStreamTest : public QObject {
    Q_OBJECT

private slots:
    void sameSeedGivesTheSameSequence() {
        RandomStream a(123);
        RandomStream b(123);
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(a.nextU64(), b.nextU64());
        }
    }

    void derivedStreamsAreReproducibleAndDistinct() {
        RandomStream a = RandomStream::derive(1, {0, 1, 0});
        RandomStream b = RandomStream::derive(1, {0, 1, 0});
        RandomStream c = RandomStream::derive(1, {0, 2, 0});
        RandomStream d = RandomStream::derive(1, {1, 1, 0});
        RandomStream e = RandomStream::derive(2, {0, 1, 0});
        const std::uint64_t first = a.nextU64();
        QCOMPARE(b.nextU64(), first);
        QVERIFY(c.nextU64() != first);
        QVERIFY(d.nextU64() != first);
        QVERIFY(e.nextU64() != first);
    }

    void uniformHasTheRightMeanAndVariance() {
        RandomStream rng(5);
        const auto means = batchMeans([&] { return rng.uniform(); }, 100, 10000);
        FAASLAB_VERIFY_CHECK(test::checkMean(means, 0.5));
        const auto squares = batchMeans(
            [&] {
                const double u = rng.uniform();
                return u * u;
            },
            100, 10000);
        FAASLAB_VERIFY_CHECK(test::checkMean(squares, 1.0 / 3.0));
    }

    void uniformOpenZeroIsNeverZero() {
        RandomStream rng(9);
        for (int i = 0; i < 1000000; ++i) {
            const double u = rng.uniformOpenZero();
            QVERIFY(u > 0.0 && u <= 1.0);
        }
    }

    // Chi-square goodness of fit for a bound that does not divide 2^64.
    void belowIsUniformOverItsRange() {
        RandomStream rng(17);
        constexpr int Bound = 6;
        constexpr int Draws = 600000;
        int counts[Bound] = {};
        for (int i = 0; i < Draws; ++i) {
            const auto v = rng.below(Bound);
            QVERIFY(v < Bound);
            ++counts[v];
        }
        double chi2 = 0.0;
        const double expected = Draws / static_cast<double>(Bound);
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 99.9th percentile of chi-square with 5 degrees of freedom.
        QVERIFY2(chi2 < 20.515, qPrintable(QString("chi-square %1").arg(chi2)));
    }

    void standardExponentialMatchesItsDistribution() {
        RandomStream rng(23);
        const auto means = batchMeans([&] { return rng.standardExponential(); }, 100, 20000);
        FAASLAB_VERIFY_CHECK(test::checkMean(means, 1.0));
        const auto squares = batchMeans(
            [&] {
                const double x = rng.standardExponential();
                return x * x;
            },
            100, 20000);
        FAASLAB_VERIFY_CHECK(test::checkMean(squares, 2.0)); // E[X^2] = 2
        // Survival function at points in the fast region, in the wedges and
        // beyond the ziggurat's tail boundary R = 7.697.
        constexpr int Draws = 2000000;
        const double points[] = {0.01, 0.1, 0.5, 1.0, 2.0, 4.0, 7.0, 8.0};
        int above[std::size(points)] = {};
        for (int i = 0; i < Draws; ++i) {
            const double x = rng.standardExponential();
            QVERIFY(x >= 0.0);
            for (std::size_t k = 0; k < std::size(points); ++k) {
                above[k] += x > points[k] ? 1 : 0;
            }
        }
        for (std::size_t k = 0; k < std::size(points); ++k) {
            FAASLAB_VERIFY_CHECK(test::checkProportion(above[k], Draws, std::exp(-points[k])));
        }
    }

    void exponentialScalesByTheMean() {
        RandomStream a(31);
        RandomStream b(31);
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(a.exponential(0.25), 0.25 * b.standardExponential());
        }
    }

    void standardNormalHasUnitMoments() {
        RandomStream rng(41);
        const auto means = batchMeans([&] { return rng.standardNormal(); }, 100, 20000);
        FAASLAB_VERIFY_CHECK(test::checkMean(means, 0.0));
        const auto squares = batchMeans(
            [&] {
                const double z = rng.standardNormal();
                return z * z;
            },
            100, 20000);
        FAASLAB_VERIFY_CHECK(test::checkMean(squares, 1.0));
    }

    void standardGammaHasMeanAndVarianceEqualToShape_data() {
        QTest::addColumn<double>("shape");
        QTest::newRow("shape 0.25") << 0.25;
        QTest::newRow("shape 1") << 1.0;
        QTest::newRow("shape 4") << 4.0;
    }
    void standardGammaHasMeanAndVarianceEqualToShape() {
        QFETCH(double, shape);
        RandomStream rng(53);
        std::vector<double> means;
        std::vector<double> variances;
        for (int b = 0; b < 100; ++b) {
            double sum = 0.0;
            double squares = 0.0;
            constexpr int N = 20000;
            for (int i = 0; i < N; ++i) {
                const double x = rng.standardGamma(shape);
                sum += x;
                squares += (x - shape) * (x - shape);
            }
            means.push_back(sum / N);
            variances.push_back(squares / N);
        }
        FAASLAB_VERIFY_CHECK(test::checkMean(means, shape));
        FAASLAB_VERIFY_CHECK(test::checkMean(variances, shape));
    }
};

QTEST_APPLESS_MAIN(RandomStreamTest)
#include "tst_random_stream.moc"
