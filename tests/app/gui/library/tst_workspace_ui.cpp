// The workspace in the desktop application, as a user drives it: runs are
// recorded (unless the preference is off), the Library lists, filters,
// renames, duplicates and deletes, a stored run shows without simulating,
// two runs compare with the differences highlighted, and the pricing
// catalog dialog edits rates with validation, copies, imports and exports.

#include "app/gui/document/scenario_document.h"
#include "app/gui/library/library_dock.h"
#include "app/gui/library/pricing_catalog_dialog.h"
#include "app/gui/library/pricing_preset_model.h"
#include "app/gui/library/pricing_rate_model.h"
#include "app/gui/library/run_comparison_dialog.h"
#include "app/gui/library/run_comparison_model.h"
#include "app/gui/library/run_list_model.h"
#include "app/gui/library/scenario_list_model.h"
#include "app/gui/library/sweep_list_model.h"
#include "app/gui/library/workspace_session.h"
#include "app/gui/library/workspace_ui.h"
#include "app/gui/main_window.h"
#include "app/gui/results/results_panel.h"
#include "app/gui/run_controller.h"
#include "app/gui/sweep/sweep_tab.h"
#include "app/workspace/pricing_catalog_store.h"
#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "app/workspace/sweep_store.h"
#include "models/report/sweep_writer.h"
#include "tests/support/process_run.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace faaslab;
using namespace faaslab::gui;

namespace {

const char* const Small = R"({ "format": "faaslab.scenario/1", "name": "gui small",
  "simulation": { "duration_s": 900, "seed": 11, "timeseries_bin_s": 60 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 4 },
                "service_time_s": { "dist": "exponential", "mean": 0.2 }, "memory_mb": 512 },
  "architectures": [
    { "name": "Lambda", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.5 }, "pricing": "aws-lambda-x86" },
    { "name": "VM", "type": "vm", "instances": 2, "pricing": "aws-ec2-m5-large" } ] })";

int rowWithMetric(const RunComparisonModel& model, const QString& architecture,
                  const QString& key) {
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.row(i).architecture == architecture && model.row(i).metric == key) {
            return i;
        }
    }
    return -1;
}

} // namespace

class WorkspaceUiTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MainWindow* m_window = nullptr;

    WorkspaceUi* ui() const { return m_window->workspaceUi(); }
    LibraryDock* library() const { return ui()->library(); }
    workspace::Workspace& ws() const { return ui()->session()->workspace(); }

    void runOnce() {
        m_window->run();
        QVERIFY(m_window->runController()->waitForFinished(120000));
        QCoreApplication::processEvents();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_window = new MainWindow;
        m_window->resize(1500, 950);
        QString error;
        QVERIFY2(ui()->openWorkspace(m_dir.filePath("gui.sqlite"), &error), qPrintable(error));
        ui()->recordRunsAction()->setChecked(true);
        m_window->document()->loadText(Small, "gui small");
        QVERIFY(m_window->document()->isValid());
        m_window->show();
    }

    void cleanupTestCase() { delete m_window; }

    void everyRunIsRecordedUnlessThePreferenceIsOff() {
        runOnce();
        QString error;
        QCOMPARE(*workspace::RunStore(ws()).count(&error), 1);
        QCOMPARE(library()->runModel()->rowCount(), 1);
        QCOMPARE(library()->scenarioModel()->rowCount(), 1);
        QCOMPARE(library()->scenarioModel()->scenarioAt(0)->name, QString("gui small"));
        // The user is told where the run went, not only that it finished.
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains("recorded as run"));

        ui()->recordRunsAction()->setChecked(false);
        runOnce();
        QCOMPARE(*workspace::RunStore(ws()).count(&error), 1);
        ui()->recordRunsAction()->setChecked(true);
    }

    void aStoredRunShowsItsResultsWithoutSimulating() {
        const ScenarioResults computed = m_window->runController()->results();
        m_window->resultsPanel()->clearResults();
        QSignalSpy started(m_window->runController(), &RunController::started);
        const qint64 id = library()->runModel()->runAt(0)->id;
        library()->showRun(id);
        QCOMPARE(started.count(), 0);
        QVERIFY(m_window->resultsPanel()->hasResults());
        QVERIFY(m_window->resultsPanel()->results() == computed);
        QVERIFY(test::maybeGrab(m_window, "workspace-stored-run"));
    }

    void aSweepIsRecordedAndShowsAgainWithoutSimulating() {
        SweepTab* tab = m_window->sweepTab();
        tab->startSweep("workload.arrivals.rate_per_s", {2.0, 8.0});
        QVERIFY(tab->controller()->waitForFinished(120000));
        QVERIFY(tab->lastResults() != nullptr);
        const SweepResults computed = *tab->lastResults();
        QString error;
        const auto stored = workspace::SweepStore(ws()).list(&error);
        QVERIFY2(stored && stored->size() == 1, qPrintable(error));
        QCOMPARE(stored->front().parameter, QString("workload.arrivals.rate_per_s"));
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains("recorded as sweep"));

        // Listed on the Library's Sweeps page, and shown from there: the
        // same results, and nothing runs.
        QCOMPARE(library()->sweepModel()->rowCount(), 1);
        QVERIFY(library()->historyTabs()->tabText(1).contains("1"));
        m_window->resultsPanel()->setCurrentIndex(0);
        QSignalSpy started(tab->controller(), &RunController::started);
        library()->sweepView()->selectRow(0);
        library()->showSweep(library()->selectedSweep());
        QCOMPARE(started.count(), 0);
        QCOMPARE(m_window->resultsPanel()->currentWidget(), tab);
        QVERIFY(tab->lastResults() != nullptr);
        // The stored sweep writes the same results file as the one computed.
        QCOMPARE(sweepToJson(*tab->lastResults()).dump(), sweepToJson(computed).dump());
        QCOMPARE(tab->costGraph(0)->dataCount(), 2);
        QVERIFY(test::maybeGrab(library(), "workspace-library-sweeps"));

        // Not recorded with the preference off; deleted after confirmation.
        ui()->recordRunsAction()->setChecked(false);
        tab->startSweep("workload.arrivals.rate_per_s", {3.0, 6.0});
        QVERIFY(tab->controller()->waitForFinished(120000));
        QCOMPARE(workspace::SweepStore(ws()).list(&error)->size(), std::size_t(1));
        ui()->recordRunsAction()->setChecked(true);
        QVERIFY(library()->deleteSweep(stored->front().id, &error));
        QCOMPARE(library()->sweepModel()->rowCount(), 0);
    }

    void theLibrarySearchesAndFiltersByTag() {
        QString error;
        workspace::ScenarioStore store(ws());
        const auto other = store.record("Nightly batch", {{"name", "Nightly batch"}}, &error);
        QVERIFY(other);
        QVERIFY(library()->setTags(other->scenarioId, {"batch", "2026"}, &error));
        QCOMPARE(library()->scenarioModel()->rowCount(), 2);
        library()->searchField()->setText("nightly");
        QCOMPARE(library()->scenarioModel()->rowCount(), 1);
        library()->searchField()->clear();
        const int batch = library()->tagFilter()->findData("batch");
        QVERIFY(batch > 0);
        library()->tagFilter()->setCurrentIndex(batch);
        QCOMPARE(library()->scenarioModel()->rowCount(), 1);
        QCOMPARE(library()->scenarioModel()->scenarioAt(0)->name, QString("Nightly batch"));
        library()->tagFilter()->setCurrentIndex(0);
        QCOMPARE(library()->scenarioModel()->rowCount(), 2);
    }

    void renameDuplicateAndConfirmedDelete() {
        QString error;
        const qint64 id = workspace::ScenarioStore(ws()).findByName("Nightly batch", &error)->id;
        QVERIFY2(library()->renameScenario(id, "Nightly ETL", &error), qPrintable(error));
        QVERIFY(library()->scenarioModel()->rowOf(id) >= 0);
        QCOMPARE(
            library()->scenarioModel()->scenarioAt(library()->scenarioModel()->rowOf(id))->name,
            QString("Nightly ETL"));
        const qint64 copy = library()->duplicateScenario(id, &error);
        QVERIFY2(copy != 0, qPrintable(error));
        QCOMPARE(workspace::ScenarioStore(ws()).find(copy, &error)->name,
                 QString("Nightly ETL copy"));
        // Delete through the button: refused, then confirmed.
        QString asked;
        library()->setConfirmation([&](const QString& q) {
            asked = q;
            return false;
        });
        library()->selectScenario(copy);
        QAction* del = library()->deleteScenarioAction();
        QVERIFY(del->isEnabled());
        del->trigger();
        QVERIFY2(asked.contains("Nightly ETL copy") && asked.contains("cannot be undone"),
                 qPrintable(asked));
        QVERIFY(workspace::ScenarioStore(ws()).find(copy, &error));
        library()->setConfirmation([](const QString&) { return true; });
        library()->selectScenario(copy);
        del->trigger();
        QVERIFY(!workspace::ScenarioStore(ws()).find(copy, &error));
        library()->setConfirmation({});
    }

    void twoRunsCompareWithTheDifferencesHighlighted() {
        // "before the price change": the run recorded above. Now the
        // Lambda request fee doubles in the catalog and the scenario reruns.
        QString error;
        workspace::PricingCatalogStore store(ws());
        auto lambda = store.find("aws-lambda-x86", &error)->document;
        lambda["per_million_requests"] = 0.40;
        QVERIFY2(store.save(lambda, &error), qPrintable(error));
        ui()->session()->notifyChanged();
        QVERIFY(m_window->document()->isValid());
        runOnce();
        const auto runs = workspace::RunStore(ws()).list(&error);
        QCOMPARE(runs->size(), std::size_t(2));
        const qint64 before = runs->back().id;
        const qint64 after = runs->front().id;
        library()->setRunLabel(before, "before the price change", &error);
        library()->setRunLabel(after, "after the price change", &error);

        auto* dialog = qobject_cast<RunComparisonDialog*>(library()->compareRuns(before, after));
        QVERIFY(dialog != nullptr);
        RunComparisonModel* model = dialog->model();
        const int fee = rowWithMetric(*model, "Lambda", "cost.breakdown.requests");
        QVERIFY(fee >= 0);
        QVERIFY(model->row(fee).differs());
        QCOMPARE(*model->row(fee).after, 2 * *model->row(fee).before);
        QCOMPARE(model->data(model->index(fee, RunComparisonModel::ChangePercent), Qt::DisplayRole)
                     .toString(),
                 QString("+100.0 %"));
        QVERIFY(model->data(model->index(fee, 0), Qt::BackgroundRole).isValid());
        // Same seed, same requests: the VM's numbers do not move.
        const int vmCost = rowWithMetric(*model, "VM", "cost.monthly_projection");
        QVERIFY(!model->row(vmCost).differs());
        QVERIFY(!model->data(model->index(vmCost, 0), Qt::BackgroundRole).isValid());
        const int all = model->rowCount();
        model->setOnlyDifferences(true);
        QVERIFY(model->rowCount() < all);
        QCOMPARE(model->rowCount(), model->differenceCount());
        dialog->resize(1000, 520);
        QVERIFY(test::maybeGrab(dialog, "workspace-compare"));
        dialog->close();
        m_window->resize(1500, 950);
        QVERIFY(test::maybeGrab(m_window, "workspace-library"));
    }

    void thePricingCatalogEditsWithValidationCopiesAndExchangesFiles() {
        auto* dialog = qobject_cast<PricingCatalogDialog*>(ui()->showPricingCatalog());
        QVERIFY(dialog != nullptr);
        QString error;
        QCOMPARE(dialog->presetModel()->rowCount(),
                 static_cast<int>(workspace::PricingCatalogStore(ws()).list(&error)->size()));
        dialog->selectPreset("aws-ec2-m5-large");
        QVERIFY(dialog->sourceLabel()->text().contains("https://aws.amazon.com/ec2/pricing/"));
        QVERIFY(dialog->sourceLabel()->text().contains("2026-11-26"));
        PricingRateModel* rates = dialog->rateModel();
        int perHour = -1;
        for (int i = 0; i < rates->rowCount(); ++i) {
            if (rates->index(i, PricingRateModel::Field).data().toString() == "per_hour") {
                perHour = i;
            }
        }
        QVERIFY(perHour >= 0);
        QCOMPARE(rates->index(perHour, PricingRateModel::Unit).data().toString(),
                 QString("USD per hour"));
        QCOMPARE(rates->index(perHour, PricingRateModel::Value).data().toString(),
                 QString("0.096"));
        // A negative rate is refused with the reader's rule.
        QVERIFY(
            !rates->setData(rates->index(perHour, PricingRateModel::Value), "-1", Qt::EditRole));
        QVERIFY2(dialog->problemLabel()->text().contains("per_hour"),
                 qPrintable(dialog->problemLabel()->text()));
        QVERIFY(!rates->isModified());
        dialog->resize(1250, 640);
        QVERIFY(test::maybeGrab(dialog, "workspace-pricing-invalid"));
        QVERIFY(
            rates->setData(rates->index(perHour, PricingRateModel::Value), "0.0672", Qt::EditRole));
        QVERIFY(dialog->problemLabel()->text().isEmpty());
        QVERIFY2(dialog->saveChanges(&error), qPrintable(error));
        const auto saved = workspace::PricingCatalogStore(ws()).find("aws-ec2-m5-large", &error);
        QCOMPARE(saved->document["per_hour"].get<double>(), 0.0672);
        QVERIFY(saved->edited);
        QCOMPARE(PricingPresetModel::originText(*saved), QString("built-in, edited"));

        QVERIFY2(dialog->copyPreset("aws-ec2-m5-large", "m5-reserved", &error), qPrintable(error));
        QCOMPARE(dialog->selectedPreset(), QString("m5-reserved"));
        QVERIFY(!dialog->copyPreset("aws-ec2-m5-large", "m5-reserved", &error));
        QVERIFY(error.contains("exists already"));
        // The editor's scenario can now name the copy.
        auto document = m_window->document()->json();
        document["architectures"][1]["pricing"] = "m5-reserved";
        m_window->document()->replaceDocument(document, "use copy");
        QVERIFY2(m_window->document()->isValid(),
                 m_window->document()->diagnostics().format("doc").c_str());

        const QString file = m_dir.filePath("catalog.json");
        QVERIFY2(dialog->exportFile(file, &error), qPrintable(error));
        QVERIFY(workspace::PricingCatalogStore(ws()).remove("m5-reserved", &error));
        QVERIFY2(dialog->importFile(file, &error), qPrintable(error));
        QVERIFY(workspace::PricingCatalogStore(ws()).find("m5-reserved", &error));
        dialog->selectPreset("aws-lambda-x86");
        QVERIFY(test::maybeGrab(dialog, "workspace-pricing"));
        dialog->close();
    }

    void aDamagedWorkspaceIsRefusedAndTheOpenOneStays() {
        const QString bad = m_dir.filePath("bad.sqlite");
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database at all");
        file.close();
        const QString before = ui()->session()->path();
        QString error;
        QVERIFY(!ui()->openWorkspace(bad, &error));
        QVERIFY2(error.contains("not a FaaS Lab workspace"), qPrintable(error));
        QCOMPARE(ui()->session()->path(), before);
        QVERIFY(ui()->session()->isOpen());
    }
};

QTEST_MAIN(WorkspaceUiTest)
#include "tst_workspace_ui.moc"
