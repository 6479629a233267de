// The arrivals form for trace replay: the fields follow the trace's format,
// edits go through the scenario reader (a relative path is read from the
// scenario's folder, a bad one is named in the form), and the rate preview
// is the trace's own per-bin rate.

#include "app/gui/document/json_field.h"
#include "app/gui/document/scenario_document.h"
#include "app/gui/editor/arrivals_editor.h"
#include "app/gui/editor/preview_plot.h"

#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace faaslab;
using namespace faaslab::gui;
using Json = ScenarioDocument::Json;

namespace {

QString traces() {
    return QStringLiteral(FAASLAB_SOURCE_DIR) + "/resources/traces/";
}

Json scenarioWithTrace(const Json& arrivals, double duration = 3600) {
    return Json{{"format", "faaslab.scenario/1"},
                {"name", "trace form"},
                {"simulation", {{"duration_s", duration}, {"seed", 1}}},
                {"workload",
                 {{"arrivals", arrivals},
                  {"service_time_s", {{"dist", "exponential"}, {"mean", 0.1}}},
                  {"memory_mb", 256}}},
                {"architectures",
                 Json::array({{{"name", "Lambda"},
                               {"type", "serverless"},
                               {"cold_start_s", {{"dist", "deterministic"}, {"value", 0.5}}},
                               {"pricing", "aws-lambda-x86"}}})}};
}

QStringList fieldPaths(const ArrivalsEditor& editor) {
    QStringList paths;
    for (const JsonField* field : editor.fields()) {
        paths << QString::fromStdString(field->path());
    }
    return paths;
}

} // namespace

class ArrivalsEditorTest : public QObject {
    Q_OBJECT

private slots:
    void traceFieldsFollowTheFormat() {
        ScenarioDocument document;
        document.replaceDocument(
            scenarioWithTrace({{"process", "trace"},
                               {"format", "azure"},
                               {"file", (traces() + "sample-azure.d01.csv").toStdString()},
                               {"select", {{"trigger", "http"}, {"top_n", 1}}}},
                              86400),
            "open");
        QVERIFY2(document.isValid(), document.diagnostics().format("form").c_str());
        ArrivalsEditor editor(&document);
        const QStringList azure = fieldPaths(editor);
        for (const char* path :
             {"workload.arrivals.format", "workload.arrivals.file",
              "workload.arrivals.select.trigger", "workload.arrivals.select.top_n",
              "workload.arrivals.spread", "workload.arrivals.durations_file",
              "workload.arrivals.memory_file", "workload.arrivals.time_scale",
              "workload.arrivals.repeat"}) {
            QVERIFY2(azure.contains(path), path);
        }
        QVERIFY(!azure.contains("workload.arrivals.function"));
        QCOMPARE(editor.findChild<QComboBox*>("arrivalProcess")->currentText(),
                 QString("Trace replay (file)"));

        // The preview is the trace's rate: the sample's busiest http function
        // has 57,583 invocations over the day, 57583 / 86400 per second on
        // average, at most 1.8 x that at its diurnal peak.
        QCPGraph* rate = editor.preview()->graph(0);
        QVERIFY(rate != nullptr && !rate->data()->isEmpty());
        double peak = 0.0;
        for (const QCPGraphData& point : *rate->data()) {
            peak = std::max(peak, point.value);
        }
        QVERIFY2(peak > 57583.0 / 86400.0 && peak < 1.9 * 57583.0 / 86400.0,
                 qPrintable(QString::number(peak)));

        document.setValue(ScenarioDocument::Pointer("/workload/arrivals/format"), "timestamps",
                          "format");
        editor.refresh();
        const QStringList timestamps = fieldPaths(editor);
        QVERIFY(timestamps.contains("workload.arrivals.function"));
        QVERIFY(!timestamps.contains("workload.arrivals.spread"));
        QVERIFY(!timestamps.contains("workload.arrivals.select.top_n"));
    }

    // A relative path is read from the scenario's folder once it is saved
    // there; a missing file is reported at workload.arrivals.file.
    void relativeTraceFilesAndBadPaths() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(traces() + "sample-timestamps.csv", dir.filePath("calls.csv")));
        ScenarioDocument document;
        document.replaceDocument(scenarioWithTrace({{"process", "trace"}, {"file", "calls.csv"}}),
                                 "open");
        QString error;
        QVERIFY2(document.saveFile(dir.filePath("scenario.json"), &error), qPrintable(error));
        QVERIFY2(document.isValid(), document.diagnostics().format("form").c_str());

        ArrivalsEditor editor(&document);
        editor.show(); // messages are shown only on visible fields
        document.setValue(ScenarioDocument::Pointer("/workload/arrivals/file"), "missing.csv",
                          "file");
        editor.refresh();
        QVERIFY(!document.isValid());
        const JsonField* file = nullptr;
        for (const JsonField* field : editor.fields()) {
            if (field->path() == "workload.arrivals.file") {
                file = field;
            }
        }
        QVERIFY(file != nullptr);
        QVERIFY2(file->errorText().contains("missing.csv"), qPrintable(file->errorText()));
    }
};

QTEST_MAIN(ArrivalsEditorTest)
#include "tst_arrivals_editor.moc"
