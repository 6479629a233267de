#include "simulator/confidence_interval.h"
#include "simulator/random_stream.h"
#include "tests/support/statistical_checks.h"

#include <QtTest>
#include <cmath>
#include <vector>

using namespace faaslab;
using namespace faaslab::sim;

class ConfidenceIntervalTest : public QObject {
    Q_OBJECT

private slots:
    // Values from standard t tables (to the digits the tables give).
    void studentQuantilesMatchTables_data() {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("dof");
        QTest::addColumn<double>("expected");
        QTest::newRow("0.975, 1") << 0.975 << 1.0 << 12.7062;
        QTest::newRow("0.975, 4") << 0.975 << 4.0 << 2.7764;
        QTest::newRow("0.975, 10") << 0.975 << 10.0 << 2.2281;
        QTest::newRow("0.975, 30") << 0.975 << 30.0 << 2.0423;
        QTest::newRow("0.995, 5") << 0.995 << 5.0 << 4.0321;
        QTest::newRow("0.9995, 20") << 0.9995 << 20.0 << 3.8495;
        QTest::newRow("0.95, 2") << 0.95 << 2.0 << 2.9200;
        QTest::newRow("0.975, 1e6") << 0.975 << 1e6 << 1.9600;
    }
    void studentQuantilesMatchTables() {
        QFETCH(double, p);
        QFETCH(double, dof);
        QFETCH(double, expected);
        QVERIFY2(std::fabs(studentTQuantile(p, dof) - expected) < 5e-5,
                 qPrintable(QString::number(studentTQuantile(p, dof), 'g', 10)));
        QVERIFY(std::fabs(studentTQuantile(1.0 - p, dof) + expected) < 5e-5);
    }

    void cdfOfOneDegreeIsTheCauchyCdf() {
        for (double t : {-3.0, -0.5, 0.0, 1.0, 10.0}) {
            QVERIFY(std::fabs(studentTCdf(t, 1.0) - (0.5 + std::atan(t) / M_PI)) < 1e-12);
        }
    }

    // {1,2,3,4,5}: mean 3, s = sqrt(2.5), half-width 2.7764 * s / sqrt 5.
    void halfWidthOfAHandComputedSample() {
        const std::vector<double> samples{1, 2, 3, 4, 5};
        const auto ci = ConfidenceInterval::fromSamples(samples);
        QCOMPARE(ci.mean, 3.0);
        QVERIFY(std::fabs(ci.halfWidth - 2.776445 * std::sqrt(2.5) / std::sqrt(5.0)) < 1e-5);
        QCOMPARE(ci.replications, 5);
        QCOMPARE(ConfidenceInterval::fromSamples(std::vector<double>{4.0}).halfWidth, 0.0);
    }

    // The 95 % interval of 10 normal samples must cover the true mean 95 %
    // of the time.
    void coverageIsTheNominalLevel() {
        RandomStream rng(99);
        constexpr int Trials = 20000;
        int covered = 0;
        std::vector<double> samples(10);
        for (int t = 0; t < Trials; ++t) {
            for (double& x : samples) {
                x = 5.0 + 2.0 * rng.standardNormal();
            }
            const auto ci = ConfidenceInterval::fromSamples(samples);
            covered += std::fabs(ci.mean - 5.0) <= ci.halfWidth ? 1 : 0;
        }
        FAASLAB_VERIFY_CHECK(test::checkProportion(covered, Trials, 0.95));
    }
};

QTEST_APPLESS_MAIN(ConfidenceIntervalTest)
#include "tst_confidence_interval.moc"
