#include "simulator/random_stream.h"
#include "simulator/running_stats.h"

#include <QtTest>

using namespace faaslab::sim;

class RunningStatsTest : public QObject {
    Q_OBJECT

private slots:
    void matchesTheTwoPassFormulas() {
        const double data[] = {2, 4, 4, 4, 5, 5, 7, 9};
        RunningStats s;
        for (double x : data) {
            s.add(x);
        }
        QCOMPARE(s.count(), std::uint64_t(8));
        QCOMPARE(s.mean(), 5.0);
        QCOMPARE(s.variance(), 32.0 / 7.0); // sum of squared deviations 32, n - 1 = 7
        QCOMPARE(s.min(), 2.0);
        QCOMPARE(s.max(), 9.0);
    }

    // The naive sum-of-squares formula loses every digit here; Welford's
    // update does not.
    void staysAccurateWithALargeOffset() {
        RunningStats s;
        const double offset = 1e9;
        for (int i = 0; i < 1000; ++i) {
            s.add(offset + (i % 2 == 0 ? -1.0 : 1.0));
        }
        QCOMPARE(s.mean(), offset);
        QVERIFY(std::fabs(s.variance() - 1000.0 / 999.0) < 1e-9);
    }

    void mergeEqualsAddingEverything() {
        RandomStream rng(2);
        RunningStats a;
        RunningStats b;
        RunningStats all;
        for (int i = 0; i < 10001; ++i) {
            const double x = rng.exponential(3.0);
            (i < 3000 ? a : b).add(x);
            all.add(x);
        }
        a.merge(b);
        QCOMPARE(a.count(), all.count());
        QVERIFY(std::fabs(a.mean() - all.mean()) < 1e-12 * all.mean());
        QVERIFY(std::fabs(a.variance() - all.variance()) < 1e-10 * all.variance());
        QCOMPARE(a.max(), all.max());
    }

    void emptyAndSingleValues() {
        RunningStats s;
        QCOMPARE(s.mean(), 0.0);
        QCOMPARE(s.variance(), 0.0);
        s.add(3.0);
        QCOMPARE(s.mean(), 3.0);
        QCOMPARE(s.variance(), 0.0);
    }
};

QTEST_APPLESS_MAIN(RunningStatsTest)
#include "tst_running_stats.moc"
