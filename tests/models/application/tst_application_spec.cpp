// The worst case one trigger event can put in flight, which the reader
// checks against what the engine can hold: products of the largest copies
// along fan-out paths, computed per function rather than per path.

#include "models/application/application_spec.h"

#include <QElapsedTimer>
#include <QtTest>
#include <cmath>

using namespace faaslab;

namespace {

ApplicationSpec functions(int count) {
    ApplicationSpec app;
    for (int i = 0; i < count; ++i) {
        FunctionSpec f;
        f.name = "f" + std::to_string(i);
        app.functions.push_back(f);
    }
    TriggerSpec t;
    t.name = "web";
    t.function = 0;
    app.triggers.push_back(t);
    return app;
}

EdgeSpec chain(int from, int to) {
    EdgeSpec e;
    e.type = EdgeSpec::Type::Chain;
    e.from = from;
    e.to = to;
    return e;
}

EdgeSpec fanOut(int from, int to, DistributionSpec copies, std::optional<int> fanIn = {}) {
    EdgeSpec e;
    e.type = EdgeSpec::Type::FanOut;
    e.from = from;
    e.to = to;
    e.copies = std::move(copies);
    e.fanIn = fanIn;
    return e;
}

} // namespace

class ApplicationSpecTest : public QObject {
    Q_OBJECT

private slots:
    void theLargestCountOfEachKindOfDistribution() {
        QCOMPARE(ApplicationSpec::maxCount(DistributionSpec::deterministic(7.4)), 7.0);
        QCOMPARE(ApplicationSpec::maxCount(DistributionSpec::deterministic(0.2)), 1.0);
        QCOMPARE(ApplicationSpec::maxCount(DistributionSpec::uniform(2, 40.6)), 41.0);
        QCOMPARE(ApplicationSpec::maxCount(DistributionSpec::empirical({3, 90, 12})), 90.0);
        // Unbounded: the runtime clamps samples there, so that is the worst.
        QCOMPARE(ApplicationSpec::maxCount(DistributionSpec::exponential(2)),
                 ApplicationSpec::MaxCopies);
        QCOMPARE(ApplicationSpec::maxCount(DistributionSpec::logNormal(2, 1)),
                 ApplicationSpec::MaxCopies);
        QCOMPARE(ApplicationSpec::maxCount(DistributionSpec::uniform(1, 1e9)),
                 ApplicationSpec::MaxCopies);
    }

    // f0 fans out 10 x f1 (then f3 once), f1 fans out up to 50 x f2, f2
    // chains to f3: 1 + 10 x (1 + 50 x 2) + 1 = 1012 invocations.
    void nestedFanOutsMultiplyAlongThePath() {
        ApplicationSpec app = functions(4);
        app.edges = {fanOut(0, 1, DistributionSpec::deterministic(10), 3),
                     fanOut(1, 2, DistributionSpec::uniform(1, 50)), chain(2, 3)};
        const auto worst = app.worstCaseInvocations(0, 1e6);
        QCOMPARE(worst.invocations, 1012.0);
        QCOMPARE(worst.culprit, -1);
        // Over a limit of 500 the product first passes it at the outer
        // fan-out (the inner one alone makes 100).
        QCOMPARE(app.worstCaseInvocations(0, 500).culprit, 0);
        QCOMPARE(app.worstCaseInvocations(0, 99).culprit, 1);
    }

    void aStorageEventBringsItsLargestBurst() {
        ApplicationSpec app = functions(2);
        app.triggers[0].type = TriggerSpec::Type::Storage;
        app.triggers[0].burstSize = DistributionSpec::uniform(1, 20);
        app.edges = {chain(0, 1)};
        QCOMPARE(app.worstCaseInvocations(0, 1e6).invocations, 40.0);
    }

    // 60 diamonds in a row (f -> a, f -> b, a -> g, b -> g): 2^60 paths,
    // 3 x 2^60 ... invocations in the worst case. Counted per function, it
    // takes microseconds; per path it would never end.
    void diamondsCostTheirEdgesNotTheirPaths() {
        constexpr int Diamonds = 60;
        ApplicationSpec app = functions(3 * Diamonds + 1);
        for (int d = 0; d < Diamonds; ++d) {
            const int top = 3 * d;
            app.edges.push_back(chain(top, top + 1));
            app.edges.push_back(chain(top, top + 2));
            app.edges.push_back(chain(top + 1, top + 3));
            app.edges.push_back(chain(top + 2, top + 3));
        }
        QElapsedTimer clock;
        clock.start();
        const auto worst = app.worstCaseInvocations(0, 1e6);
        QVERIFY(clock.elapsed() < 1000);
        // caused(n) for the top of the k-th diamond from the end:
        // c(0) = 1, c(k) = 1 + 2 (1 + c(k - 1)) = 2 c(k - 1) + 3.
        double expected = 1.0;
        for (int d = 0; d < Diamonds; ++d) {
            expected = 2.0 * expected + 3.0;
        }
        QVERIFY(std::abs(worst.invocations / expected - 1.0) < 1e-12); // ~4.6e18, rounded
        QCOMPARE(worst.culprit, -1); // no fan-out: the reader blames the trigger
    }
};

QTEST_APPLESS_MAIN(ApplicationSpecTest)
#include "tst_application_spec.moc"
