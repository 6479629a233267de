#include "simulator/time_weighted_average.h"
#include "simulator/time_weighted_levels.h"

#include <QtTest>

using namespace faaslab::sim;

class TimeWeightedTest : public QObject {
    Q_OBJECT

private slots:
    // 0 for [0,1), 2 for [1,4), 5 for [4,5): (0 + 6 + 5) / 5 = 2.2
    void averagesAPiecewiseConstantPath() {
        TimeWeightedAverage a;
        a.restart(0.0);
        a.set(1.0, 2.0);
        a.set(4.0, 5.0);
        a.advance(5.0);
        QCOMPARE(a.integral(), 11.0);
        QCOMPARE(a.average(), 2.2);
        QCOMPARE(a.maximum(), 5.0);
    }

    void restartForgetsTheWarmupButKeepsTheLevel() {
        TimeWeightedAverage a;
        a.restart(0.0);
        a.set(0.0, 10.0);
        a.advance(100.0);
        a.restart(100.0); // end of warm-up
        a.set(150.0, 0.0);
        a.advance(200.0);
        QCOMPARE(a.average(), 5.0);
        QCOMPARE(a.maximum(), 10.0);
    }

    void levelsShareOneClock() {
        TimeWeightedLevels<2> levels;
        levels.restart(0.0);
        levels.add(0, 3.0);
        levels.advance(2.0);
        levels.add(1, 1.0);
        levels.add(0, -1.0);
        levels.advance(4.0);
        QCOMPARE(levels.integral(0), 3.0 * 2.0 + 2.0 * 2.0);
        QCOMPARE(levels.average(0), 2.5);
        QCOMPARE(levels.average(1), 0.5);
        QCOMPARE(levels.maximum(0), 3.0);
        QCOMPARE(levels.elapsed(), 4.0);
    }
};

QTEST_APPLESS_MAIN(TimeWeightedTest)
#include "tst_time_weighted.moc"
