// Runs stored and read back: identical results without re-simulating, the
// packed time-series layout, listing order, labels and deletion.

#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "app/workspace/series_blob.h"
#include "app/workspace/workspace.h"
#include "models/results/metric_keys.h"
#include "models/report/results_writer.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"
#include "tests/app/workspace/workspace_fixtures.h"
#include "tests/support/test_scenarios.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <cstring>
#include <limits>

using namespace faaslab;
using namespace faaslab::workspace;

namespace {

RunRecord record(const QString& when) {
    RunRecord r;
    r.startedAt = QDateTime::fromString(when, Qt::ISODate);
    r.wallTimeS = 2.5;
    return r;
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class RunStoreTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Workspace m_ws;
    qint64 m_revision = 0;
    ScenarioResults m_results;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_ws.open(m_dir.filePath("runs.sqlite"), &error), qPrintable(error));
        const auto revision =
            ScenarioStore(m_ws).record("small", test::smallScenarioJson(), &error);
        QVERIFY2(revision, qPrintable(error));
        m_revision = revision->id;
        m_results = test::smallRunResults();
        QCOMPARE(m_results.architectures.size(), std::size_t(2));
        QVERIFY(!m_results.architectures[0].ci95.empty()); // two replications
        QVERIFY(m_results.architectures[0].series.binCount() >= 10);
    }

    void storedResultsComeBackIdentical() {
        QString error;
        const auto id =
            RunStore(m_ws).save(m_revision, m_results, record("2026-11-20T10:00:00Z"), &error);
        QVERIFY2(id, qPrintable(error));
        const auto run = RunStore(m_ws).load(*id, &error);
        QVERIFY2(run, qPrintable(error));
        QVERIFY(run->results == m_results);
        // The files written from stored results are the files of the run.
        QCOMPARE(resultsToJsonText(run->results), resultsToJsonText(m_results));
        QCOMPARE(resultsSummaryCsv(run->results), resultsSummaryCsv(m_results));
        QCOMPARE(resultsTimeSeriesCsv(run->results), resultsTimeSeriesCsv(m_results));
        QCOMPARE(run->summary.scenarioName, QString("small"));
        QCOMPARE(run->summary.revision, 1);
        QCOMPARE(run->summary.seed, m_results.seed);
        QCOMPARE(run->summary.status, QString("completed"));
        QCOMPARE(run->summary.wallTimeS, 2.5);
        QCOMPARE(run->summary.startedAt,
                 QDateTime::fromString("2026-11-20T10:00:00Z", Qt::ISODate));
    }

    void nanInfinityAndLargeSeedsSurviveExactly() {
        ScenarioResults odd = m_results;
        odd.seed = std::numeric_limits<std::uint64_t>::max() - 3;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        odd.architectures[0].mean.set(metric::LatencyP999, nan);
        odd.architectures[0].ci95.set(metric::LatencyP999, inf);
        odd.architectures[1].series.values[0][3] = nan;
        odd.architectures[1].series.values[0][4] = -inf;
        odd.architectures[1].series.values[0][5] = 5e-324; // smallest subnormal
        QString error;
        const auto id =
            RunStore(m_ws).save(m_revision, odd, record("2026-11-20T11:00:00Z"), &error);
        QVERIFY2(id, qPrintable(error));
        const auto run = RunStore(m_ws).load(*id, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->results.seed, odd.seed);
        QVERIFY(std::isnan(run->results.architectures[0].mean.value(metric::LatencyP999)));
        QCOMPARE(run->results.architectures[0].ci95.value(metric::LatencyP999), inf);
        const auto& a = odd.architectures[1].series.values;
        const auto& b = run->results.architectures[1].series.values;
        QCOMPARE(a.size(), b.size());
        for (std::size_t c = 0; c < a.size(); ++c) {
            for (std::size_t i = 0; i < a[c].size(); ++i) {
                QVERIFY(sameBits(a[c][i], b[c][i]));
            }
        }
        // Metric order is kept (the files list metrics in insertion order).
        const auto& before = odd.architectures[0].mean.entries();
        const auto& after = run->results.architectures[0].mean.entries();
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(after[i].key, before[i].key);
        }
    }

    void timeSeriesIsOneBlobOfPackedDoublesPerArchitecture() {
        QString error;
        const auto id =
            RunStore(m_ws).save(m_revision, m_results, record("2026-11-20T12:00:00Z"), &error);
        QVERIFY(id);
        QSqlQuery q(m_ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT series_values, latency_cdf FROM run_architectures "
                                      "WHERE run_id = %1 ORDER BY position")
                           .arg(*id)));
        for (const ArchitectureResults& a : m_results.architectures) {
            QVERIFY(q.next());
            const QByteArray blob = q.value(0).toByteArray();
            QCOMPARE(blob.size(), qsizetype(8 * a.series.columns.size() * a.series.binCount()));
            // Column-major little-endian binary64: column c, bin i at
            // offset 8 * (c * bins + i).
            const auto values = unpackDoubles(blob);
            QVERIFY(values);
            const std::size_t bins = a.series.binCount();
            QCOMPARE((*values)[1 * bins + 2], a.series.values[1][2]);
            QCOMPARE(q.value(1).toByteArray().size(), qsizetype(16 * a.latencyCdf.size()));
        }
        QSqlQuery rows(m_ws.database());
        QVERIFY(rows.exec(
            QStringLiteral("SELECT count(*) FROM run_architectures WHERE run_id = %1").arg(*id)));
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toInt(), 2); // not one row per bin
    }

    void listsNewestFirstWithTheCheapestArchitecture() {
        QString error;
        const auto runs = RunStore(m_ws).list(&error);
        QVERIFY2(runs, qPrintable(error));
        QVERIFY(runs->size() >= 3);
        for (std::size_t i = 1; i < runs->size(); ++i) {
            QVERIFY((*runs)[i - 1].startedAt >= (*runs)[i].startedAt);
        }
        const RunSummary& newest = runs->front();
        const double lambda = m_results.architectures[0].mean.value(metric::CostMonthly);
        const double vm = m_results.architectures[1].mean.value(metric::CostMonthly);
        QCOMPARE(newest.cheapest,
                 QString::fromStdString(m_results.architectures[lambda <= vm ? 0 : 1].name));
        QCOMPARE(newest.cheapestMonthlyCost, std::min(lambda, vm));
    }

    void labelsAndDeletion() {
        QString error;
        RunStore runs(m_ws);
        const auto id = runs.save(m_revision, m_results, record("2026-11-21T09:00:00Z"), &error);
        QVERIFY(id);
        QVERIFY2(runs.setLabel(*id, "  after the price change ", &error), qPrintable(error));
        QCOMPARE(runs.summary(*id, &error)->label, QString("after the price change"));
        QVERIFY(runs.remove(*id, &error));
        QVERIFY(!runs.load(*id, &error));
        QCOMPARE(error, QStringLiteral("no run with id %1").arg(*id));
        QSqlQuery q(m_ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM run_architectures WHERE "
                                      "run_id = %1) + (SELECT count(*) FROM run_metrics WHERE "
                                      "run_id = %1)")
                           .arg(*id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0); // cascaded
        QVERIFY(!runs.remove(*id, &error));
    }

    // An application run keeps its functions, triggers and queues (their
    // names, metric keys in order and values to the bit), and deleting the
    // run deletes them.
    void applicationRunsKeepTheirParts() {
        const ScenarioReadResult read =
            ScenarioReader().readFile(test::resourcePath("scenarios/nightly-batch.json"));
        QVERIFY2(read.ok(), read.diagnostics.format("nightly-batch").c_str());
        Scenario scenario = *read.scenario;
        scenario.simulation.durationS = 2 * 86400.0;
        RunOptions options;
        options.threads = 1;
        const ScenarioResults results = runScenario(scenario, options).results;
        QVERIFY(!results.architectures.front().functions.empty());
        QVERIFY(!results.architectures.front().triggers.empty());

        QString error;
        RunStore runs(m_ws);
        const auto id = runs.save(m_revision, results, record("2026-11-22T09:00:00Z"), &error);
        QVERIFY2(id, qPrintable(error));
        const auto run = runs.load(*id, &error);
        QVERIFY2(run, qPrintable(error));
        for (std::size_t a = 0; a < results.architectures.size(); ++a) {
            QVERIFY(run->results.architectures[a].functions == results.architectures[a].functions);
            QVERIFY(run->results.architectures[a].triggers == results.architectures[a].triggers);
            QVERIFY(run->results.architectures[a].queues == results.architectures[a].queues);
        }
        for (std::size_t a = 0; a < results.architectures.size(); ++a) {
            QVERIFY(run->results.architectures[a].mean == results.architectures[a].mean);
            QVERIFY(run->results.architectures[a].latencyCdf ==
                    results.architectures[a].latencyCdf);
        }
        // The whole results (time series with NaN bins included, which
        // compare unequal to themselves) write the same file.
        QCOMPARE(resultsToJsonText(run->results), resultsToJsonText(results));

        QVERIFY(runs.remove(*id, &error));
        QSqlQuery q(m_ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM run_parts WHERE run_id = %1) + "
                                      "(SELECT count(*) FROM run_part_metrics WHERE run_id = %1)")
                           .arg(*id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // A part row that does not follow the written order is reported, never
    // read into the wrong function.
    void damagedPartsAreReported() {
        QString error;
        RunStore runs(m_ws);
        const ScenarioReadResult read =
            ScenarioReader().readFile(test::resourcePath("scenarios/nightly-batch.json"));
        QVERIFY(read.ok());
        Scenario scenario = *read.scenario;
        scenario.simulation.durationS = 86400.0;
        RunOptions options;
        options.threads = 1;
        const auto id = runs.save(m_revision, runScenario(scenario, options).results,
                                  record("2026-11-22T10:00:00Z"), &error);
        QVERIFY(id);
        // Damage as another program could do it, with foreign keys off.
        QSqlQuery q(m_ws.database());
        QVERIFY(q.exec("PRAGMA foreign_keys = OFF"));
        QVERIFY(q.exec(QStringLiteral("UPDATE run_parts SET position = position + 10 WHERE "
                                      "run_id = %1 AND kind = 0 AND position = 0")
                           .arg(*id)));
        QVERIFY(q.exec("PRAGMA foreign_keys = ON"));
        QVERIFY(!runs.load(*id, &error));
        QCOMPARE(error, QStringLiteral("run %1: the stored application parts is damaged").arg(*id));
    }

    void aRunNeedsAnExistingRevision() {
        QString error;
        QVERIFY(!RunStore(m_ws).save(99999, m_results, record("2026-11-21T09:00:00Z"), &error));
        QVERIFY2(error.contains("FOREIGN KEY"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(RunStoreTest)
#include "tst_run_store.moc"
