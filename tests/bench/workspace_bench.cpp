// Workspace benchmark: how long the Library takes to list 10,000 stored
// runs, how long one save (a durable commit) and one load take, and how
// many bytes a run occupies. See docs/performance.md.
//
//   faaslab-workspace-bench [RUNS]      (default 10000; runs offscreen)

#include "app/gui/library/library_dock.h"
#include "app/gui/library/run_list_model.h"
#include "app/gui/library/workspace_session.h"
#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "app/workspace/workspace.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// An hour at one-minute bins, two architectures.
const char* const BenchScenario = R"({ "format": "faaslab.scenario/1", "name": "bench",
  "simulation": { "duration_s": 3600, "seed": 1, "timeseries_bin_s": 60 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 5 },
                "service_time_s": { "dist": "exponential", "mean": 0.2 }, "memory_mb": 512 },
  "architectures": [
    { "name": "Lambda", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.5 }, "pricing": "aws-lambda-x86" },
    { "name": "VM", "type": "vm", "instances": 1, "pricing": "aws-ec2-m5-large" } ] })";

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10000;
    using namespace faaslab;

    const ScenarioReadResult read = ScenarioReader().readText(BenchScenario);
    if (!read.ok()) {
        std::fprintf(stderr, "%s\n", read.diagnostics.format("bench").c_str());
        return 1;
    }
    const ScenarioResults results = runScenario(*read.scenario).results;
    QTemporaryDir dir;
    const QString path = dir.filePath("bench.sqlite");
    QString error;
    std::size_t bins = results.architectures[0].series.binCount();
    std::size_t columns = results.architectures[0].series.columns.size();
    {
        workspace::Workspace ws;
        if (!ws.open(path, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const auto revision = workspace::ScenarioStore(ws).record(
            "bench", nlohmann::ordered_json::parse(BenchScenario), &error);
        workspace::RunStore store(ws);
        workspace::RunRecord record;
        record.wallTimeS = 1.0;
        // Durable single saves, as the GUI and `run --save` make them.
        std::vector<double> saves;
        for (int i = 0; i < 50; ++i) {
            record.startedAt = QDateTime::currentDateTimeUtc();
            QElapsedTimer t;
            t.start();
            if (!store.save(revision->id, results, record, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            saves.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        }
        // The rest in one transaction, to fill the file quickly.
        QElapsedTimer fill;
        fill.start();
        const bool ok = ws.write(
            [&](QString* problem) {
                for (int i = 50; i < runs; ++i) {
                    record.startedAt = QDateTime::currentDateTimeUtc().addSecs(-i);
                    if (!store.save(revision->id, results, record, problem)) {
                        return false;
                    }
                }
                return true;
            },
            &error);
        if (!ok) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("stored %d runs (2 architectures, %zu bins x %zu columns each) in %.1f s; "
                    "one durable save: median %.2f ms\n",
                    runs, bins, columns, static_cast<double>(fill.elapsed()) / 1000.0,
                    median(saves));
        std::vector<double> loads;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer t;
            t.start();
            if (!store.load(1 + i * (runs / 20), &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            loads.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        }
        std::printf("loading one run's full results: median %.2f ms\n", median(loads));
    }
    std::printf("file size %.1f MB, %.1f KB per run\n",
                static_cast<double>(QFileInfo(path).size()) / 1e6,
                static_cast<double>(QFileInfo(path).size()) / 1e3 / runs);

    // The Library as the user sees it: the dock re-reads the workspace and
    // fills its run table (query, model, view layout).
    gui::WorkspaceSession session;
    if (!session.open(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    gui::LibraryDock dock(&session);
    dock.resize(600, 900);
    dock.show();
    QApplication::processEvents();
    std::vector<double> lists;
    std::vector<double> queries;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        dock.refresh();
        QApplication::processEvents();
        lists.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        QElapsedTimer q;
        q.start();
        const auto listed = workspace::RunStore(session.workspace()).list(&error);
        queries.push_back(static_cast<double>(q.nsecsElapsed()) / 1e6);
        if (!listed || static_cast<int>(listed->size()) != runs) {
            std::fprintf(stderr, "listed %zu runs, expected %d\n", listed ? listed->size() : 0,
                         runs);
            return 1;
        }
    }
    if (dock.runModel()->rowCount() != runs) {
        std::fprintf(stderr, "the Library shows %d runs, expected %d\n",
                     dock.runModel()->rowCount(), runs);
        return 1;
    }
    std::printf("Library listing %d runs (refresh + paint): median %.1f ms, max %.1f ms\n", runs,
                median(lists), *std::max_element(lists.begin(), lists.end()));
    std::printf("  of which the query alone (RunStore::list): median %.1f ms\n", median(queries));
    return 0;
}
