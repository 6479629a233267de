#include "simulator/time_binning.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace faaslab::sim;

class TimeBinningTest : public QObject {
    Q_OBJECT

private slots:
    void keepsTheRequestedWidthWhenItFits() {
        const TimeBinning bins(0.0, 3600.0, 60.0, 5000);
        QCOMPARE(bins.width(), 60.0);
        QCOMPARE(bins.count(), std::size_t(60));
        QCOMPARE(bins.binStart(59), 3540.0);
        QCOMPARE(bins.binEnd(59), 3600.0);
    }

    void widensBinsToStayBounded() {
        // A year of one-second bins would be 31.5 million bins.
        const TimeBinning bins(0.0, 365.0 * 86400.0, 1.0, 5000);
        QVERIFY(bins.count() <= 5000);
        QVERIFY(bins.count() > 2500); // doubling overshoots by at most 2x
        QCOMPARE(bins.width(), 8192.0);
    }

    // 0.6 / 0.2 is 2.9999999999999996 in floating point: still three bins,
    // the last ending exactly at the end (no empty fourth bin).
    void aWholeNumberOfBinsUpToRoundingHasNoExtraBin() {
        const TimeBinning bins(0.3, 0.9, 0.2, 5000);
        QCOMPARE(bins.count(), std::size_t(3));
        QCOMPARE(bins.binEnd(2), 0.9);
        QVERIFY(bins.binSpan(2) > 0.19);
    }

    // 3600 / 5e-324 overflows to infinity; the width must still be widened
    // until the bins fit, so that the reported width is the one held.
    void aWidthSoSmallTheCountOverflowsIsWidened() {
        for (const double tiny : {std::numeric_limits<double>::denorm_min(), 1e-310, 1e-300}) {
            const TimeBinning bins(0.0, 3600.0, tiny, 5000);
            QVERIFY2(bins.count() <= 5000, qPrintable(QString::number(bins.count())));
            QVERIFY(bins.count() > 2500);
            // The bins held are exactly those of the reported width.
            QCOMPARE(static_cast<double>(bins.count()), std::ceil(3600.0 / bins.width()));
            QVERIFY(bins.binStart(bins.count() - 1) < 3600.0);
            QCOMPARE(bins.binEnd(bins.count() - 1), 3600.0);
            QVERIFY(bins.binSpan(0) == bins.width());
        }
    }

    void lastBinMayBePartial() {
        const TimeBinning bins(100.0, 250.0, 60.0, 5000);
        QCOMPARE(bins.count(), std::size_t(3));
        QCOMPARE(bins.binSpan(0), 60.0);
        QCOMPARE(bins.binSpan(2), 30.0);
        QCOMPARE(bins.binEnd(2), 250.0);
    }
};

QTEST_APPLESS_MAIN(TimeBinningTest)
#include "tst_time_binning.moc"
