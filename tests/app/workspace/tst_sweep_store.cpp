// Sweeps stored and read back: every point's metrics, the cheapest
// architecture and the break-even points, exactly.

#include "app/workspace/scenario_store.h"
#include "app/workspace/sweep_store.h"
#include "app/workspace/workspace.h"
#include "tests/app/workspace/workspace_fixtures.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace faaslab;
using namespace faaslab::workspace;

class SweepStoreTest : public QObject {
    Q_OBJECT

private slots:
    void aStoredSweepComesBackExactly() {
        QTemporaryDir dir;
        Workspace ws;
        QString error;
        QVERIFY2(ws.open(dir.filePath("sweeps.sqlite"), &error), qPrintable(error));
        // Two t3.medium serve up to 2 x 2 / 0.2 s = 20 requests/s for
        // $59.90 a month, Lambda costs $4.84 a month per request/s here:
        // Lambda is cheapest below about 12.4/s, the VMs above.
        auto document = test::smallScenarioJson();
        document["architectures"][1]["pricing"] = "aws-ec2-t3-medium";
        SweepSpec spec;
        spec.parameter = "workload.arrivals.rate_per_s";
        spec.values = {0.5, 3, 16};
        SweepOptions options;
        options.threads = 1;
        const SweepOutput output = runSweep(document, spec, options);
        QVERIFY(output.ok());
        QVERIFY(!output.results.breakEvens.empty()); // Lambda below, VMs above
        const auto revision = ScenarioStore(ws).record("small", document, &error);
        RunRecord record;
        record.startedAt = QDateTime::fromString("2026-11-25T08:00:00Z", Qt::ISODate);
        record.wallTimeS = 3.25;
        const auto id =
            SweepStore(ws).save(revision->id, output.results, spec.costMetric, record, &error);
        QVERIFY2(id, qPrintable(error));

        const auto stored = SweepStore(ws).load(*id, &error);
        QVERIFY2(stored, qPrintable(error));
        const SweepResults& a = output.results;
        const SweepResults& b = stored->results;
        QCOMPARE(b.parameter, a.parameter);
        QCOMPARE(b.seed, a.seed);
        QCOMPARE(b.replications, a.replications);
        QCOMPARE(b.extraRuns, a.extraRuns);
        QCOMPARE(b.architectureNames, a.architectureNames);
        QCOMPARE(b.points.size(), a.points.size());
        for (std::size_t i = 0; i < a.points.size(); ++i) {
            QCOMPARE(b.points[i].value, a.points[i].value);
            QCOMPARE(b.points[i].cheapest, a.points[i].cheapest);
            QCOMPARE(b.points[i].architectures.size(), a.points[i].architectures.size());
            for (std::size_t k = 0; k < a.points[i].architectures.size(); ++k) {
                QVERIFY(b.points[i].architectures[k].mean == a.points[i].architectures[k].mean);
                QVERIFY(b.points[i].architectures[k].ci95 == a.points[i].architectures[k].ci95);
                QCOMPARE(b.points[i].architectures[k].name, a.points[i].architectures[k].name);
            }
        }
        QCOMPARE(b.breakEvens.size(), a.breakEvens.size());
        for (std::size_t i = 0; i < a.breakEvens.size(); ++i) {
            QCOMPARE(b.breakEvens[i].value, a.breakEvens[i].value);
            QCOMPARE(b.breakEvens[i].lower, a.breakEvens[i].lower);
            QCOMPARE(b.breakEvens[i].upper, a.breakEvens[i].upper);
            QCOMPARE(b.breakEvens[i].cheaperBelow, a.breakEvens[i].cheaperBelow);
            QCOMPARE(b.breakEvens[i].cheaperAbove, a.breakEvens[i].cheaperAbove);
        }
        QCOMPARE(stored->costMetric, QString::fromStdString(spec.costMetric));
        const auto list = SweepStore(ws).list(&error);
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().points, 3);
        QCOMPARE(list->front().scenarioName, QString("small"));
        QCOMPARE(list->front().wallTimeS, 3.25);

        // Deleting the scenario removes its sweeps and their points.
        QVERIFY(ScenarioStore(ws).remove(revision->scenarioId, &error));
        QSqlQuery q(ws.database());
        QVERIFY(
            q.exec("SELECT (SELECT count(*) FROM sweeps) + (SELECT count(*) FROM sweep_points)"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(SweepStoreTest)
#include "tst_sweep_store.moc"
