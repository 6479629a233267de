// What leaves the application must say where it came from, and a
// comparison must say what was changed: exported charts carry a footnote
// (scenario, seed, date, version), exported CSV opens with comment lines,
// proposed file names are portable; Library ▸ Compare lists the changed
// settings of two runs from a real workspace before their metrics, and
// differences of percentages are in percentage points.

#include "app/gui/document/scenario_document.h"
#include "app/gui/library/library_dock.h"
#include "app/gui/library/run_comparison_dialog.h"
#include "app/gui/library/run_comparison_inputs_model.h"
#include "app/gui/library/run_comparison_model.h"
#include "app/gui/library/workspace_session.h"
#include "app/gui/library/workspace_ui.h"
#include "app/gui/main_window.h"
#include "app/gui/results/chart_footnote.h"
#include "app/gui/results/export_file_name.h"
#include "app/gui/results/results_panel.h"
#include "app/gui/results/results_tab.h"
#include "app/gui/run_controller.h"
#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"
#include "tests/app/workspace/workspace_fixtures.h"
#include "tests/support/process_run.h"

#include <QDateTime>
#include <QLabel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace faaslab;
using namespace faaslab::gui;
using Json = nlohmann::ordered_json;

namespace {

ScenarioResults runJson(const Json& document) {
    const ScenarioReadResult read = ScenarioReader().readJson(document);
    if (!read.ok()) {
        qFatal("%s", read.diagnostics.format("test").c_str());
    }
    RunOptions options;
    options.threads = 1;
    return runScenario(*read.scenario, options).results;
}

// Rows of the image (scaled `scale` times) from `top` down that differ.
int differingRows(const QImage& a, const QImage& b, int top) {
    int rows = 0;
    for (int y = top; y < std::min(a.height(), b.height()); ++y) {
        for (int x = 0; x < std::min(a.width(), b.width()); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y)) {
                ++rows;
                break;
            }
        }
    }
    return rows;
}

} // namespace

class ExportsAndComparisonTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("FaaSLabTests");
        QCoreApplication::setApplicationName("tst_exports_and_comparison");
    }

    void proposedFileNamesArePortable() {
        QCOMPARE(portableFileName("Mid-size API: serverless containers win"),
                 QString("Mid-size-API-serverless-containers-win"));
        QCOMPARE(portableFileName("a/b\\c*d?e\"f<g>h|i"), QString("a-b-c-d-e-f-g-h-i"));
        QCOMPARE(portableFileName("..hidden. "), QString("hidden"));
        QCOMPARE(portableFileName("v1.2 run"), QString("v1.2-run"));
        QCOMPARE(portableFileName(":::"), QString("faaslab"));
        QCOMPARE(portableFileName(QString(200, 'x')).size(), 80);
        QCOMPARE(portableFileName("Größe Ü"), QString("Größe-Ü")); // letters of any script

        MainWindow window;
        QVERIFY(window.openExample("mid-size-api.json"));
        QCOMPARE(window.suggestedFileName(), QString("Mid-size-API-serverless-containers-win"));
        QCOMPARE(window.suggestedFileName("Time series"),
                 QString("Mid-size-API-serverless-containers-win-Time-series"));
        QCOMPARE(window.suggestedFileName("timeseries"),
                 QString("Mid-size-API-serverless-containers-win-timeseries"));
    }

    // An exported chart says which scenario, run and program made it; the
    // window's chart is left as it was.
    void exportedChartsCarryAFootnote() {
        MainWindow window;
        QVERIFY(window.openExample("spiky-low-traffic.json"));
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.run();
        QVERIFY(window.runController()->waitForFinished(120000));
        window.resultsPanel()->deliverPending();

        ResultsTab* latency = nullptr;
        for (ResultsTab* tab : window.resultsPanel()->resultsTabs()) {
            if (tab->title() == "Latency") {
                latency = tab;
            }
        }
        QVERIFY(latency != nullptr && !latency->charts().isEmpty());
        const QString footnote = window.chartFootnote(latency);
        const ScenarioResults& results = window.resultsPanel()->results();
        QVERIFY2(footnote.startsWith("Spiky low traffic: functions are cheapest · "),
                 qPrintable(footnote));
        QVERIFY(footnote.contains(
            QString("seed %1, %2 replication").arg(results.seed).arg(results.replications)));
        QVERIFY(footnote.contains("exported " + QDate::currentDate().toString(Qt::ISODate)));
        QVERIFY(footnote.contains(
            QString("FaaS Lab %1").arg(QString::fromStdString(results.softwareVersion))));

        // The footnote occupies a band at the bottom of the exported image,
        // and only while exporting.
        window.resultsPanel()->setCurrentWidget(latency);
        QApplication::processEvents();
        QCustomPlot* chart = latency->charts().front();
        chart->replot();
        const QImage plain = chart->toPixmap(chart->width(), chart->height(), 1.0).toImage();
        const int items = chart->itemCount();
        const QRect axisRect = chart->axisRect()->rect();
        QTemporaryDir dir;
        QStringList written;
        QString error;
        QVERIFY2(window.exportChartsTo(dir.path(), &written, &error), qPrintable(error));
        QVERIFY(written.contains(dir.filePath("latency.png")));
        QVERIFY(written.contains(dir.filePath("latency.pdf")));
        if (qEnvironmentVariableIsSet("FAASLAB_SCREENSHOT_DIR")) {
            const QString copy =
                qEnvironmentVariable("FAASLAB_SCREENSHOT_DIR") + "/export-latency.png";
            QFile::remove(copy);
            QVERIFY(QFile::copy(dir.filePath("latency.png"), copy));
        }
        QImage exported(dir.filePath("latency.png"));
        QCOMPARE(exported.size(), chart->size() * 2);
        exported = exported.scaled(chart->size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                       .convertToFormat(plain.format());
        const int band = QFontMetrics(chart->font()).height();
        QVERIFY2(differingRows(plain, exported, chart->height() - band) >= band / 2,
                 "the bottom band holds the footnote");
        chart->replot();
        QCOMPARE(chart->itemCount(), items);
        QCOMPARE(chart->axisRect()->rect(), axisRect);

        // And the CSV export's comment lines name the same run.
        QVERIFY2(window.exportResultsTo(dir.filePath("summary.csv"), "summary", &error),
                 qPrintable(error));
        QFile csv(dir.filePath("summary.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QVERIFY2(text.startsWith("# scenario: Spiky low traffic: functions are cheapest\n# "
                                 "software: FaaS Lab " +
                                 QString::fromStdString(results.softwareVersion) +
                                 "\n# seed: " + QString::number(results.seed) + "\n"),
                 qPrintable(text.left(300)));
    }

    // The footnote class itself: added for the export, removed after.
    void footnoteIsRemovedAfterTheExport() {
        QCustomPlot plot;
        plot.resize(600, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replot();
        const QRect before = plot.axisRect()->outerRect();
        {
            const ChartFootnote footnote(&plot, "scenario · exported today");
            plot.replot();
            QCOMPARE(plot.itemCount(), 1);
            QVERIFY(plot.axisRect()->outerRect().bottom() < before.bottom());
            auto* text = qobject_cast<QCPItemText*>(plot.item(0));
            QVERIFY(text != nullptr);
            QCOMPARE(text->text(), QString("scenario · exported today"));
            QVERIFY(text->position->pixelPosition().y() > plot.axisRect()->outerRect().bottom());
        }
        plot.replot();
        QCOMPARE(plot.itemCount(), 0);
        QCOMPARE(plot.axisRect()->outerRect(), before);
    }

    // Two runs in a real workspace, the second after keep_alive_s went from
    // 600 to 5: the comparison lists that change before any metric, and
    // the cold-start share moves in percentage points.
    void compareListsTheChangedInputsFirst() {
        QTemporaryDir dir;
        MainWindow window;
        QString error;
        QVERIFY2(window.workspaceUi()->openWorkspace(dir.filePath("ws.sqlite"), &error),
                 qPrintable(error));
        workspace::Workspace& ws = window.workspaceUi()->session()->workspace();
        workspace::ScenarioStore scenarios(ws);
        workspace::RunStore runs(ws);
        workspace::RunRecord record;
        record.startedAt = QDateTime::currentDateTimeUtc();

        Json before = test::smallScenarioJson();
        before["architectures"][0]["keep_alive_s"] = 600;
        Json after = before;
        after["architectures"][0]["keep_alive_s"] = 5;
        after["simulation"]["seed"] = 8;
        const auto first = scenarios.record("small", before, &error);
        QVERIFY2(first, qPrintable(error));
        const auto firstRun = runs.save(first->id, runJson(before), record, &error);
        QVERIFY2(firstRun, qPrintable(error));
        const auto second = scenarios.record("small", after, &error);
        QVERIFY2(second && second->id != first->id, qPrintable(error));
        const auto secondRun = runs.save(second->id, runJson(after), record, &error);
        QVERIFY2(secondRun, qPrintable(error));

        auto* dialog = qobject_cast<RunComparisonDialog*>(
            window.workspaceUi()->library()->compareRuns(*firstRun, *secondRun));
        QVERIFY(dialog != nullptr);
        RunComparisonInputsModel* inputs = dialog->inputsModel();
        QVERIFY(inputs->isAvailable());
        QCOMPARE(inputs->rowCount(), 2);
        auto cell = [inputs](int row, int column) {
            return inputs->data(inputs->index(row, column), Qt::DisplayRole).toString();
        };
        QCOMPARE(cell(0, RunComparisonInputsModel::Setting), QString("simulation.seed"));
        QCOMPARE(cell(0, RunComparisonInputsModel::Before), QString("7"));
        QCOMPARE(cell(0, RunComparisonInputsModel::After), QString("8"));
        QCOMPARE(cell(1, RunComparisonInputsModel::Setting),
                 QString("architectures[0].keep_alive_s"));
        QCOMPARE(cell(1, RunComparisonInputsModel::Before), QString("600"));
        QCOMPARE(cell(1, RunComparisonInputsModel::After), QString("5"));
        QVERIFY(dialog->inputsSummary()->text().contains("2 setting(s) of the scenario changed"));

        // Shown above the metrics.
        dialog->resize(1000, 700);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->inputsView()->isVisible());
        QVERIFY(dialog->inputsView()->mapTo(dialog, QPoint(0, 0)).y() <
                dialog->view()->mapTo(dialog, QPoint(0, 0)).y());

        // Percentages differ by percentage points; their relative change
        // keeps "%".
        RunComparisonModel* model = dialog->model();
        int row = -1;
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->row(i).architecture == "Lambda" &&
                model->row(i).metric == "cold_start_probability") {
                row = i;
            }
        }
        QVERIFY(row >= 0);
        const double b = *model->row(row).before;
        const double a = *model->row(row).after;
        QVERIFY2(a > b, "a 5 s keep-alive starts more instances cold");
        const QString change =
            model->data(model->index(row, RunComparisonModel::Change), Qt::DisplayRole).toString();
        QCOMPARE(change, QString("+%1 pp").arg((a - b) * 100.0, 0, 'f', 2));
        QVERIFY(model->data(model->index(row, RunComparisonModel::ChangePercent), Qt::DisplayRole)
                    .toString()
                    .endsWith(" %"));
        QVERIFY(test::maybeGrab(dialog, "compare-runs"));
        dialog->close();

        // The same revision twice: nothing changed in the inputs, and the
        // dialog says where differences would come from.
        const auto again = runs.save(second->id, runJson(after), record, &error);
        QVERIFY2(again, qPrintable(error));
        auto* same = qobject_cast<RunComparisonDialog*>(
            window.workspaceUi()->library()->compareRuns(*secondRun, *again));
        QVERIFY(same != nullptr);
        QCOMPARE(same->inputsModel()->rowCount(), 0);
        QVERIFY(same->inputsSummary()->text().contains("same scenario"));
        QVERIFY(!same->inputsView()->isVisibleTo(same));
        same->close();
    }
};

QTEST_MAIN(ExportsAndComparisonTest)
#include "tst_exports_and_comparison.moc"
