// Applications (format-2 scenarios) in the window: the graph of the
// nightly-batch example, editing its functions through the table and its
// edges as JSON (each edit revalidated by the scenario reader), the
// selection shared by graph and tables, and the Functions results tab,
// whose rows are the command line's tables and whose counts follow from
// the example's timer and Lambda's retry rules.

#include "app/gui/application/application_editor.h"
#include "app/gui/application/application_graph_view.h"
#include "app/gui/application/json_item_editor.h"
#include "app/gui/document/json_field.h"
#include "app/gui/document/scenario_document.h"
#include "app/gui/editor/scenario_editor.h"
#include "app/gui/main_window.h"
#include "app/gui/results/functions_tab.h"
#include "app/gui/results/results_panel.h"
#include "app/gui/run_controller.h"
#include "models/report/application_tables.h"

#include <QAction>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace faaslab;
using namespace faaslab::gui;

namespace {

QString example(const QString& name) {
    return QStringLiteral(FAASLAB_SOURCE_DIR) + "/resources/scenarios/" + name;
}

using Part = ApplicationPartModel::Part;
using Arrow = ApplicationGraph::Arrow;

const ApplicationGraph::Node* nodeTitled(const ApplicationGraph& graph, const QString& title) {
    for (const auto& n : graph.nodes()) {
        if (n.title == title) {
            return &n;
        }
    }
    return nullptr;
}

int countArrows(const ApplicationGraph& graph, Arrow::Kind kind) {
    int n = 0;
    for (const auto& a : graph.arrows()) {
        n += a.kind == kind ? 1 : 0;
    }
    return n;
}

// The row of a results table for (part, architecture), or -1.
int rowOf(const QAbstractItemModel* model, const QString& part, const QString& architecture) {
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == part &&
            model->index(r, 1).data().toString() == architecture) {
            return r;
        }
    }
    return -1;
}

QString cell(const QAbstractItemModel* model, int row, const QString& header) {
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() == header) {
            return model->index(row, c).data().toString();
        }
    }
    return QStringLiteral("<no column %1>").arg(header);
}

} // namespace

class ApplicationEditorTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensTheNightlyBatchAsAGraph() {
        MainWindow window;
        QVERIFY(window.openFile(example("nightly-batch.json")));
        ScenarioEditor* editor = window.editor();
        QVERIFY(editor->showsApplication());
        QCOMPARE(editor->tabs()->tabText(1), QString("Application"));
        ApplicationEditor* application = editor->applicationEditor();
        editor->tabs()->setCurrentIndex(1);
        QVERIFY(application->isVisibleTo(editor));

        const ApplicationGraph& graph = application->graphView()->graph();
        QVERIFY(application->graphView()->isCurrent());
        // Five functions and two timers; each timer's arrow and the three
        // async links of the pipeline.
        QCOMPARE(graph.nodes().size(), 7);
        QCOMPARE(graph.arrows().size(), 5);
        QCOMPARE(countArrows(graph, Arrow::Kind::Trigger), 2);
        QCOMPARE(countArrows(graph, Arrow::Kind::Chain), 3);
        for (const auto& a : graph.arrows()) {
            if (a.kind == Arrow::Kind::Chain) {
                QCOMPARE(a.label, QStringList({"chain", "async"}));
            }
        }
        // 600 s and 2400 s deterministic service times; 2048 MB each.
        const auto* extract = nodeTitled(graph, "extract");
        QVERIFY(extract != nullptr);
        QCOMPARE(extract->details, QStringList({"2048 MB", "mean 10.0 min"}));
        const auto* monolith = nodeTitled(graph, "batch-job");
        QVERIFY(monolith != nullptr);
        QCOMPARE(monolith->details, QStringList({"2048 MB", "mean 40.0 min"}));
        const auto* timer = nodeTitled(graph, "nightly-pipeline");
        QVERIFY(timer != nullptr);
        QCOMPARE(timer->part.kind, ApplicationPart::Kind::Trigger);
        QCOMPARE(timer->triggerType, TriggerSpec::Type::Timer);
        // Layers: the timers, then extract (with batch-job), then one layer
        // per link of the chain.
        QCOMPARE(graph.layerCount(), 5);
        QCOMPARE(timer->layer, 0);
        QCOMPARE(extract->layer, 1);
        QCOMPARE(nodeTitled(graph, "load")->layer, 4);

        // The forms list the same parts.
        QCOMPARE(application->partModel(Part::Functions)->rowCount(), 5);
        QCOMPARE(application->partModel(Part::Triggers)->rowCount(), 2);
        QCOMPARE(application->partModel(Part::Edges)->rowCount(), 3);
        const auto* functions = application->partModel(Part::Functions);
        QCOMPARE(functions->index(1, ApplicationPartModel::Name).data().toString(),
                 QString("extract"));
        QCOMPARE(functions->index(1, ApplicationPartModel::MemoryMb).data().toString(),
                 QString("2048"));
        QCOMPARE(functions->index(1, ApplicationPartModel::ServiceTime).data().toString(),
                 QString("10.0 min"));
    }

    void laysOutWithoutOverlapsInBothOrientations() {
        ScenarioDocument document;
        QString error;
        QVERIFY2(document.loadFile(example("nightly-batch.json"), &error), qPrintable(error));
        QVERIFY(document.isValid());
        for (auto orientation : {ApplicationGraph::Orientation::LeftToRight,
                                 ApplicationGraph::Orientation::TopToBottom}) {
            ApplicationGraph graph(*document.scenario()->application);
            graph.layOut(orientation, QFontDatabase::systemFont(QFontDatabase::GeneralFont));
            const QRectF bounds(QPointF(0, 0), graph.size());
            QList<QRectF> boxes;
            for (const auto& n : graph.nodes()) {
                boxes << n.rect;
            }
            for (const auto& a : graph.arrows()) {
                if (!a.labelRect.isNull()) {
                    boxes << a.labelRect;
                }
            }
            for (int i = 0; i < boxes.size(); ++i) {
                QVERIFY(bounds.contains(boxes[i]));
                for (int j = i + 1; j < boxes.size(); ++j) {
                    QVERIFY2(!boxes[i].intersects(boxes[j]),
                             qPrintable(QStringLiteral("boxes %1 and %2 overlap").arg(i).arg(j)));
                }
            }
            // A chain of one-to-one links is a straight line.
            const auto* extract = nodeTitled(graph, "extract");
            const auto* load = nodeTitled(graph, "load");
            if (orientation == ApplicationGraph::Orientation::LeftToRight) {
                QCOMPARE(extract->rect.center().y(), load->rect.center().y());
                QVERIFY(extract->rect.right() < load->rect.left());
            } else {
                QCOMPARE(extract->rect.center().x(), load->rect.center().x());
                QVERIFY(extract->rect.bottom() < load->rect.top());
            }
        }
    }

    void aWideEditorPutsTheGraphBesideTheForms() {
        ScenarioDocument document;
        QString error;
        QVERIFY(document.loadFile(example("nightly-batch.json"), &error));
        ApplicationEditor application(&document);
        application.resize(460, 700);
        application.show();
        QVERIFY(QTest::qWaitForWindowExposed(&application));
        QCOMPARE(application.splitter()->orientation(), Qt::Vertical);
        QCOMPARE(application.graphView()->graph().orientation(),
                 ApplicationGraph::Orientation::TopToBottom);
        application.resize(1500, 600);
        QCoreApplication::processEvents();
        QCOMPARE(application.splitter()->orientation(), Qt::Horizontal);
        QCOMPARE(application.graphView()->graph().orientation(),
                 ApplicationGraph::Orientation::LeftToRight);
    }

    void aFormatOneScenarioKeepsTheWorkloadForms() {
        MainWindow window;
        QVERIFY(window.openFile(example("nightly-batch.json")));
        QVERIFY(window.openExample("mid-size-api.json"));
        ScenarioEditor* editor = window.editor();
        QVERIFY(!editor->showsApplication());
        QCOMPARE(editor->tabs()->tabText(1), QString("Workload"));
        editor->tabs()->setCurrentIndex(1);
        QVERIFY(!editor->applicationEditor()->isVisibleTo(editor));
        QVERIFY(editor->field("workload.memory_mb")->isVisibleTo(editor));
        QVERIFY(editor->field("workload.memory_mb") != nullptr);
    }

    void editingMemoryInTheTableRevalidates() {
        MainWindow window;
        QVERIFY(window.openFile(example("nightly-batch.json")));
        ScenarioDocument* document = window.document();
        ApplicationEditor* application = window.editor()->applicationEditor();
        auto* functions = application->partModel(Part::Functions);
        const QModelIndex memory = functions->index(1, ApplicationPartModel::MemoryMb);
        QVERIFY(functions->flags(memory) & Qt::ItemIsEditable);

        QVERIFY(functions->setData(memory, "1024", Qt::EditRole));
        QCOMPARE(document->valueAt(ScenarioDocument::Pointer("/application/functions/1/memory_mb")),
                 ScenarioDocument::Json(1024));
        QVERIFY(document->isValid());
        QCOMPARE(document->scenario()->application->functions[1].memoryMb, 1024.0);
        QCOMPARE(nodeTitled(application->graphView()->graph(), "extract")->details.front(),
                 QString("1024 MB"));
        QVERIFY(document->isModified());

        // A value the reader refuses: the document is invalid, the cell shows
        // the reader's message, and the graph keeps the last valid version.
        QVERIFY(functions->setData(memory, "-5", Qt::EditRole));
        QVERIFY(!document->isValid());
        const Diagnostic* problem = document->problemAt("application.functions[1].memory_mb");
        QVERIFY(problem != nullptr);
        QCOMPARE(memory.data(Qt::ToolTipRole).toString(), QString::fromStdString(problem->message));
        QVERIFY(!application->graphView()->isCurrent());
        QVERIFY(!window.runAction()->isEnabled());
        // Choosing the problem (in the Problems list) shows its row.
        application->partView(Part::Functions)->setCurrentIndex(functions->index(4, 0));
        window.editor()->focusPath("application.functions[1].memory_mb");
        QCOMPARE(window.editor()->tabs()->currentIndex(), 1);
        QCOMPARE(application->partView(Part::Functions)->currentIndex().row(), 1);

        document->undoStack()->undo();
        QVERIFY(document->isValid());
        QCOMPARE(document->scenario()->application->functions[1].memoryMb, 1024.0);
        QVERIFY(application->graphView()->isCurrent());
    }

    // The per-function overrides of the serverless settings: empty reads
    // "architecture's"; a value goes through the reader into the function.
    void editingKeepAliveAndMaxInstancesOverrides() {
        ScenarioDocument document;
        QString error;
        QVERIFY(document.loadFile(example("nightly-batch.json"), &error));
        ApplicationEditor application(&document);
        auto* functions = application.partModel(Part::Functions);
        const QModelIndex keepAlive = functions->index(1, ApplicationPartModel::KeepAliveS);
        const QModelIndex maxInstances = functions->index(1, ApplicationPartModel::MaxInstances);
        QCOMPARE(
            functions->headerData(ApplicationPartModel::KeepAliveS, Qt::Horizontal, Qt::DisplayRole)
                .toString(),
            QString("Keep-alive (s)"));
        QCOMPARE(keepAlive.data().toString(), QString("architecture's"));
        QVERIFY(functions->setData(keepAlive, "1800", Qt::EditRole));
        QVERIFY(functions->setData(maxInstances, "3", Qt::EditRole));
        QVERIFY2(document.isValid(), document.diagnostics().format("nightly-batch.json").c_str());
        const FunctionSpec& extract = document.scenario()->application->functions[1];
        QCOMPARE(extract.keepAliveS, std::optional<double>(1800.0));
        QCOMPARE(extract.maxInstances, std::optional<int>(3));
        QCOMPARE(keepAlive.data().toString(), QString("1800"));

        QVERIFY(functions->setData(maxInstances, "0", Qt::EditRole));
        QVERIFY(!document.isValid());
        QVERIFY(maxInstances.data(Qt::ToolTipRole).toString().contains("at least 1"));
        QVERIFY(functions->setData(maxInstances, "", Qt::EditRole));
        QVERIFY(document.isValid());
        QVERIFY(!document.scenario()->application->functions[1].maxInstances.has_value());
    }

    void renamingAFunctionRenamesItsReferences() {
        ScenarioDocument document;
        QString error;
        QVERIFY(document.loadFile(example("nightly-batch.json"), &error));
        ApplicationEditor application(&document);
        auto* functions = application.partModel(Part::Functions);
        QVERIFY(functions->setData(functions->index(1, ApplicationPartModel::Name), "extract-all",
                                   Qt::EditRole));
        QVERIFY2(document.isValid(), document.diagnostics().format("nightly-batch.json").c_str());
        const ApplicationSpec& app = *document.scenario()->application;
        QCOMPARE(app.functions[1].name, std::string("extract-all"));
        QCOMPARE(app.triggers[1].function, 1);
        QCOMPARE(app.edges[0].from, 1);
        QCOMPARE(document.valueAt(ScenarioDocument::Pointer("/application/triggers/1/function")),
                 ScenarioDocument::Json("extract-all"));
        // One step undoes the rename and its references.
        document.undoStack()->undo();
        QCOMPARE(document.scenario()->application->functions[1].name, std::string("extract"));
    }

    void edgesAreEditedAsJsonThroughTheReader() {
        ScenarioDocument document;
        QString error;
        QVERIFY(document.loadFile(example("nightly-batch.json"), &error));
        ApplicationEditor application(&document);
        application.selectPart({ApplicationPart::Kind::Edge, 0});
        JsonItemEditor* json = application.itemEditor(Part::Edges);
        QCOMPARE(json->pointer(), std::string("/application/edges/0"));
        QVERIFY(json->textEdit()->toPlainText().contains("\"transform-1\""));

        QString text = json->textEdit()->toPlainText();
        text.replace("\"async\"", "\"sync\"");
        json->textEdit()->setPlainText(text);
        QVERIFY(json->apply());
        QVERIFY(document.isValid());
        QVERIFY(!document.scenario()->application->edges[0].async);
        const auto& arrows = application.graphView()->graph().arrows();
        const auto edge = std::find_if(arrows.begin(), arrows.end(), [](const Arrow& a) {
            return a.part == ApplicationPart{ApplicationPart::Kind::Edge, 0};
        });
        QVERIFY(edge != arrows.end());
        QCOMPARE(edge->label, QStringList({"chain", "sync"}));

        // Not JSON: refused here with the parser's position; the document
        // is unchanged.
        json->textEdit()->setPlainText("{ \"type\": ");
        QVERIFY(!json->apply());
        QVERIFY(json->errorText().startsWith("Not JSON"));
        QVERIFY(document.isValid());

        // JSON the reader refuses: applied, and the reader says why.
        json->textEdit()->setPlainText(R"({ "type": "chain", "from": "extract", "to": "lod" })");
        QVERIFY(json->apply());
        QVERIFY(!document.isValid());
        QVERIFY(document.problemUnder("application.edges[0].to").contains("did you mean \"load\""));
    }

    void graphAndTablesShareTheSelection() {
        ScenarioDocument document;
        QString error;
        QVERIFY(document.loadFile(example("nightly-batch.json"), &error));
        ApplicationEditor application(&document);
        application.resize(460, 700);
        application.show();
        QVERIFY(QTest::qWaitForWindowExposed(&application));
        ApplicationGraphView* view = application.graphView();

        // A click on the node of transform-2 selects its row.
        const ApplicationGraph& graph = view->graph();
        const auto* node = nodeTitled(graph, "transform-2");
        QVERIFY(node != nullptr);
        QTest::mouseClick(view, Qt::LeftButton, {}, view->toWidget(node->rect.center()).toPoint());
        QCOMPARE(application.partTabs()->currentIndex(), 0);
        QCOMPARE(application.partView(Part::Functions)->currentIndex().row(), 3);
        QCOMPARE(application.selectedPart(), (ApplicationPart{ApplicationPart::Kind::Function, 3}));
        QVERIFY(application.serviceTimeEditor() != nullptr);

        // A click on a trigger selects it in the triggers list.
        const auto* timer = nodeTitled(graph, "nightly-monolith");
        QTest::mouseClick(view, Qt::LeftButton, {}, view->toWidget(timer->rect.center()).toPoint());
        QCOMPARE(application.partTabs()->currentIndex(), 1);
        QCOMPARE(application.partView(Part::Triggers)->currentIndex().row(), 0);

        // Selecting a row selects its arrow in the graph.
        QTableView* edges = application.partView(Part::Edges);
        edges->setCurrentIndex(edges->model()->index(2, 0));
        QCOMPARE(view->selectedPart(), (ApplicationPart{ApplicationPart::Kind::Edge, 2}));
    }

    void functionsTabShowsTheCommandLinesTables() {
        MainWindow window;
        QVERIFY(window.openFile(example("nightly-batch.json")));
        ScenarioDocument* document = window.document();
        // Two days: each timer fires at 1 h and at 1 day + 1 h.
        document->setValue(ScenarioDocument::Pointer("/simulation/duration_s"), 172800,
                           "Shorter run");
        QVERIFY(document->isValid());
        window.runAction()->trigger();
        QVERIFY(window.runController()->waitForFinished(120000));
        window.resultsPanel()->deliverPending();
        FunctionsTab* tab = nullptr;
        for (ResultsTab* t : window.resultsPanel()->resultsTabs()) {
            tab = tab != nullptr ? tab : qobject_cast<FunctionsTab*>(t);
        }
        QVERIFY(tab != nullptr);
        QVERIFY(tab->showsResults());

        // The same cells as the command line's tables, row for row.
        const auto tables = applicationTables(window.resultsPanel()->results());
        QCOMPARE(tab->tables().size(), static_cast<qsizetype>(tables.size()));
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const QAbstractItemModel* model = tab->tables()[static_cast<qsizetype>(t)]->model();
            QCOMPARE(model->rowCount(), static_cast<int>(tables[t].rows.size()) - 1);
            for (int r = 0; r < model->rowCount(); ++r) {
                for (int c = 0; c < model->columnCount(); ++c) {
                    QCOMPARE(model->index(r, c).data().toString(),
                             QString::fromStdString(tables[t].rows[static_cast<std::size_t>(r) + 1]
                                                                  [static_cast<std::size_t>(c)]));
                }
            }
        }

        // Five functions and two triggers on two architectures.
        QTableView* functions = tab->table("Functions");
        QTableView* triggers = tab->table("Requests by trigger (end-to-end latency)");
        QVERIFY(functions != nullptr && triggers != nullptr);
        QCOMPARE(functions->model()->rowCount(), 10);
        QCOMPARE(triggers->model()->rowCount(), 4);

        // Lambda: the 40-minute job times out at 15 minutes, is retried
        // twice (max_retries 2), so 3 executions and 2 retries per night,
        // and its requests fail; the four 10-minute steps complete.
        const QString lambda = "Lambda (15-minute limit)";
        const QString vm = "EC2 t3.medium";
        const auto* f = functions->model();
        const int monolith = rowOf(f, "batch-job", lambda);
        QVERIFY(monolith >= 0);
        QCOMPARE(cell(f, monolith, "Invocations"), QString("6"));
        QCOMPARE(cell(f, monolith, "Timeouts"), QString("6"));
        QCOMPARE(cell(f, monolith, "Retries"), QString("4"));
        for (const char* step : {"extract", "transform-1", "transform-2", "load"}) {
            const int row = rowOf(f, step, lambda);
            QCOMPARE(cell(f, row, "Invocations"), QString("2"));
            QCOMPARE(cell(f, row, "Timeouts"), QString("0"));
            QCOMPARE(cell(f, row, "Retries"), QString("0"));
        }
        // The VM has no time limit: one execution per night.
        const int onVm = rowOf(f, "batch-job", vm);
        QCOMPARE(cell(f, onVm, "Invocations"), QString("2"));
        QCOMPARE(cell(f, onVm, "Timeouts"), QString("0"));
        // A shared fleet's cost is split by CPU work: 2 x 2400 s for the
        // monolith, as much for the four 600 s steps, so half of the VM's
        // 48 h x $0.0416 = $2.00; its instances are not split.
        QCOMPARE(cell(f, onVm, "Cost"), QString("$1.00"));
        QCOMPARE(cell(f, onVm, "Instances"), QString("-"));

        const auto* r = triggers->model();
        const int failing = rowOf(r, "nightly-monolith", lambda);
        QCOMPARE(cell(r, failing, "Arrived"), QString("2"));
        QCOMPARE(cell(r, failing, "Completed"), QString("0"));
        QCOMPARE(cell(r, failing, "Failed"), QString("2"));
        const int pipeline = rowOf(r, "nightly-pipeline", lambda);
        QCOMPARE(cell(r, pipeline, "Completed"), QString("2"));
        QCOMPARE(cell(r, rowOf(r, "nightly-monolith", vm), "Completed"), QString("2"));
    }

    void functionsTabExplainsAOneFunctionRun() {
        MainWindow window;
        QVERIFY(window.openExample("spiky-low-traffic.json"));
        window.runAction()->trigger();
        QVERIFY(window.runController()->waitForFinished(120000));
        window.resultsPanel()->deliverPending();
        for (ResultsTab* t : window.resultsPanel()->resultsTabs()) {
            if (auto* tab = qobject_cast<FunctionsTab*>(t)) {
                QVERIFY(!tab->showsResults());
                QVERIFY(tab->tables().isEmpty());
            }
        }
    }
};

QTEST_MAIN(ApplicationEditorTest)
#include "tst_application_editor.moc"
