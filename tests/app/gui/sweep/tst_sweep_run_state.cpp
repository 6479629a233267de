// The Sweep tab inside the main window: what Run does while a sweep runs,
// what the status bar says, what File > Export > All Charts writes for the
// sweep, and the tab's layout on a small screen.

#include "app/gui/document/scenario_document.h"
#include "app/gui/library/library_dock.h"
#include "app/gui/library/sweep_list_model.h"
#include "app/gui/library/workspace_ui.h"
#include "app/gui/main_window.h"
#include "app/gui/results/results_panel.h"
#include "app/gui/run_controller.h"
#include "app/gui/sweep/sweep_tab.h"
#include "models/runner/sweep_runner.h"
#include "tests/support/process_run.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <qcustomplot.h>

using namespace faaslab;
using namespace faaslab::gui;

namespace {

const QString Rate = QStringLiteral("workload.arrivals.rate_per_s");

QString runStatus(MainWindow& window) {
    const auto* label = window.findChild<QLabel*>("runStatus");
    return label != nullptr ? label->text() : QString();
}

// Visible widgets directly under `parent`, for the overlap checks.
QList<QWidget*> visibleChildren(QWidget* parent) {
    QList<QWidget*> out;
    for (QWidget* w : parent->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (w->isVisible() && !w->isWindow()) {
            out << w;
        }
    }
    return out;
}

} // namespace

class SweepRunStateTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("FaaSLabTests");
        QCoreApplication::setApplicationName("sweep-run-state");
    }

    // Issue: Run during a sweep gave no feedback, yet ran and was recorded.
    void runDuringASweepIsRefusedAndTheStatusSaysWhatRuns() {
        MainWindow window;
        QVERIFY(window.openExample("mid-size-api.json"));
        SweepTab* sweep = window.sweepTab();
        QVERIFY(window.runAction()->isEnabled());
        sweep->startSweep(Rate, {60.0, 120.0, 240.0});
        QVERIFY(sweep->isRunning());
        QVERIFY(!window.runAction()->isEnabled());
        QVERIFY(window.runAction()->toolTip().contains("sweep"));
        QVERIFY(window.stopAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(runStatus(window).startsWith("Sweeping " + Rate), 5000);
        QVERIFY2(runStatus(window).contains("of 3 points"), qPrintable(runStatus(window)));
        // Called anyway (a script, a shortcut): refused, and said so.
        window.run();
        QVERIFY(!window.runController()->isRunning());
        QVERIFY2(window.statusBar()->currentMessage().contains("sweep is running"),
                 qPrintable(window.statusBar()->currentMessage()));
        // The window's Stop (Esc) stops the sweep too.
        window.stopAction()->trigger();
        QVERIFY(sweep->controller()->waitForFinished(10000));
        QVERIFY(window.runAction()->isEnabled());
        QCOMPARE(runStatus(window), QString("Ready to run."));

        // And a sweep is refused while the scenario runs.
        window.run();
        QVERIFY(window.runController()->isRunning());
        QVERIFY(runStatus(window).startsWith("Running"));
        sweep->startSweep(Rate, {1.0, 2.0});
        QVERIFY(!sweep->isRunning());
        QVERIFY(sweep->messageText().contains("running"));
        window.runController()->stop();
        QVERIFY(window.runController()->waitForFinished(10000));
    }

    // Stop keeps the finished points: recorded as a "cancelled" sweep, and
    // Library > Show sweep shows it as partial, with its controls.
    void aStoppedSweepIsRecordedAsPartial() {
        if (QThread::idealThreadCount() < 2) {
            QSKIP("needs two cores: the heavy point runs beside the light ones");
        }
        MainWindow window;
        QTemporaryDir dir;
        QString error;
        QVERIFY2(window.workspaceUi()->openWorkspace(dir.filePath("w.sqlite"), &error),
                 qPrintable(error));
        window.workspaceUi()->recordRunsAction()->setChecked(true);
        QVERIFY(window.openExample("mid-size-api.json"));
        SweepTab* sweep = window.sweepTab();
        // Two light points finish while the heavy one runs.
        sweep->startSweep(Rate, {0.5, 1.0, 600.0});
        QTRY_VERIFY_WITH_TIMEOUT(
            sweep->lastResults() != nullptr && sweep->lastResults()->points.size() == 2, 120000);
        QVERIFY(sweep->isRunning());
        window.stopAction()->trigger();
        QVERIFY(sweep->controller()->waitForFinished(10000));
        QTRY_VERIFY(window.workspaceUi()->library()->sweepModel()->rowCount() == 1);
        const workspace::SweepSummary* stored =
            window.workspaceUi()->library()->sweepModel()->sweepAt(0);
        QCOMPARE(stored->status, QString("cancelled"));
        QCOMPARE(stored->points, 2);

        // Another sweep's controls, then the stored one shown again.
        sweep->parameterBox()->setCurrentText("architectures[0].keep_alive_s");
        window.workspaceUi()->library()->showSweep(stored->id);
        QVERIFY(sweep->isPartial());
        QCOMPARE(sweep->parameterBox()->currentText(), Rate);
        QCOMPARE(sweep->fromEdit()->text(), QString("0.5"));
        QCOMPARE(sweep->toEdit()->text(), QString("1"));
        QCOMPARE(sweep->pointsEdit()->text(), QString("2"));
        QVERIFY(window.statusBar()->currentMessage().contains("partial"));

        // Edited afterwards: partial and stale, both said on the chart.
        window.document()->setValue(ScenarioDocument::Pointer("/workload/arrivals/rate_per_s"), 70,
                                    "rate");
        QVERIFY(sweep->isStale());
        const QString title =
            qobject_cast<QCPTextElement*>(
                qobject_cast<QCPLayoutGrid*>(sweep->charts().front()->plotLayout()->element(0, 0))
                    ->element(0, 0))
                ->text();
        QVERIFY2(title.contains("partial") && title.contains("stale"), qPrintable(title));
        window.resize(1024, 700);
        window.show();
        window.resultsPanel()->setCurrentWidget(sweep);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(faaslab::test::maybeGrab(&window, "sweep-partial-stale"));
    }

    // Issue: Export > All Charts wrote an empty sweep chart.
    void exportWritesNoEmptySweepChart() {
        MainWindow window;
        QByteArray text = R"({ "format": "faaslab.scenario/1", "name": "small",
          "simulation": { "duration_s": 3600, "seed": 1 },
          "workload": { "arrivals": { "process": "constant", "rate_per_s": 5 },
                        "service_time_s": { "dist": "deterministic", "value": 0.1 },
                        "memory_mb": 1024 },
          "architectures": [ { "name": "Lambda", "type": "serverless", "keep_alive_s": 600,
                               "cold_start_s": { "dist": "deterministic", "value": 0 },
                               "pricing": "aws-lambda-x86" } ] })";
        window.document()->loadText(QString::fromUtf8(text), "small");
        window.run();
        QVERIFY(window.runController()->waitForFinished(120000));
        QTemporaryDir dir;
        QStringList written;
        QString error;
        QVERIFY2(window.exportChartsTo(dir.path(), &written, &error), qPrintable(error));
        QVERIFY(!written.isEmpty());
        for (const QString& file : written) {
            QVERIFY2(!QFileInfo(file).fileName().startsWith("sweep"), qPrintable(file));
        }
        window.sweepTab()->startSweep(Rate, {2.0, 4.0});
        QVERIFY(window.sweepTab()->controller()->waitForFinished(120000));
        QVERIFY2(window.sweepTab()->lastResults() != nullptr,
                 qPrintable(window.sweepTab()->messageText()));
        written.clear();
        QVERIFY2(window.exportChartsTo(dir.path(), &written, &error), qPrintable(error));
        QVERIFY2(written.contains(dir.filePath("sweep.png")), qPrintable(written.join(", ")));
    }

    // Issue: at 1024x700 the tab's title, axis labels, range fields and
    // break-even heading overlapped.
    void sweepTabHoldsAt1024x700_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }
    void sweepTabHoldsAt1024x700() {
        QFETCH(QSize, size);
        MainWindow window;
        QVERIFY(window.openExample("mid-size-api.json"));
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SweepTab* sweep = window.sweepTab();
        window.resultsPanel()->setCurrentWidget(sweep);
        // A sweep with break-even points and long labels, without running
        // two days of traffic: a short version of the scenario.
        auto json = window.document()->json();
        json["simulation"]["duration_s"] = 7200;
        json["simulation"]["warmup_s"] = 0;
        window.document()->replaceDocument(json, "short");
        sweep->startSweep(Rate, sweepRange(1.0, 200.0, 5, true));
        QVERIFY(sweep->controller()->waitForFinished(300000));
        QVERIFY2(sweep->lastResults() != nullptr, qPrintable(sweep->messageText()));
        QTest::qWait(100);
        QApplication::processEvents();

        auto* body = sweep->findChild<QWidget*>("sweepBody");
        QVERIFY(body != nullptr);
        QList<QWidget*> parents{body};
        for (QWidget* w : body->findChildren<QWidget*>()) {
            if (qobject_cast<QSplitter*>(w) != nullptr ||
                (w->parentWidget() != nullptr &&
                 qobject_cast<QSplitter*>(w->parentWidget()) != nullptr &&
                 w->objectName() != "sweepChart")) {
                parents << w; // the splitter and the table's box
            }
        }
        for (QWidget* parent : parents) {
            const QList<QWidget*> children = visibleChildren(parent);
            for (int i = 0; i < children.size(); ++i) {
                for (int j = i + 1; j < children.size(); ++j) {
                    QVERIFY2(!children[i]->geometry().intersects(children[j]->geometry()),
                             qPrintable(QString("%1 overlaps %2 in %3")
                                            .arg(children[i]->objectName(),
                                                 children[j]->objectName(), parent->objectName())));
                }
            }
        }
        // Every control is whole, side by side in the tab's width.
        for (QWidget* w : body->findChildren<QWidget*>()) {
            if (!w->isVisible() || w->parentWidget() != body) {
                continue;
            }
            QVERIFY2(w->geometry().right() <= body->width(), qPrintable(w->objectName()));
        }
        // No cut value text: labels that do not wrap show all their text,
        // fields and the parameter box their whole value.
        for (QLabel* label : body->findChildren<QLabel*>()) {
            if (!label->isVisible() || label->wordWrap() || label->text().isEmpty()) {
                continue;
            }
            QVERIFY2(
                label->width() >= label->sizeHint().width(),
                qPrintable(label->text() +
                           QString(" %1 < %2").arg(label->width()).arg(label->sizeHint().width())));
        }
        for (QLineEdit* edit : {sweep->fromEdit(), sweep->toEdit(), sweep->pointsEdit()}) {
            QVERIFY2(edit->fontMetrics().horizontalAdvance(edit->text()) <
                         edit->contentsRect().width() - 4,
                     qPrintable(edit->objectName()));
        }
        QComboBox* parameter = sweep->parameterBox();
        QVERIFY2(parameter->fontMetrics().horizontalAdvance(parameter->currentText()) <
                     parameter->lineEdit()->width(),
                 qPrintable(parameter->currentText()));

        // Inside the chart: the title row, the cost area with its break-even
        // labels and the latency area, one above the other.
        QCustomPlot* plot = sweep->charts().front();
        QCPLayoutGrid* layout = plot->plotLayout();
        QList<QRect> rows;
        for (int r = 0; r < layout->rowCount(); ++r) {
            if (QCPLayoutElement* e = layout->element(r, 0); e != nullptr && e->visible()) {
                rows << e->outerRect();
            }
        }
        QVERIFY(rows.size() >= 3);
        for (int i = 0; i + 1 < rows.size(); ++i) {
            QVERIFY2(rows[i].bottom() <= rows[i + 1].top(),
                     qPrintable(QString("chart rows %1 and %2 overlap").arg(i).arg(i + 1)));
        }
        for (QCPAxisRect* rect : plot->axisRects()) {
            QVERIFY2(rect->rect().height() >= 60,
                     qPrintable(QString::number(rect->rect().height())));
        }
        QVERIFY(faaslab::test::maybeGrab(
            &window, QStringLiteral("sweep-%1x%2").arg(size.width()).arg(size.height())));
    }
};

QTEST_MAIN(SweepRunStateTest)
#include "tst_sweep_run_state.moc"
