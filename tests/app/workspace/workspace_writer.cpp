// Test helper: saves runs into a workspace in a loop, printing "saved ID"
// after each save has returned (its transaction committed), so a test can
// kill it at any moment and know which runs must be in the file.
//
//   workspace_writer FILE COUNT [LABEL]   (COUNT 0: until killed)

#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "app/workspace/workspace.h"
#include "models/runner/scenario_runner.h"
#include "tests/app/workspace/workspace_fixtures.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: workspace_writer FILE COUNT [LABEL]\n");
        return 2;
    }
    using namespace faaslab;
    using namespace faaslab::workspace;
    Workspace ws;
    QString error;
    if (!ws.open(args.at(1), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const ScenarioResults results = test::smallRunResults();
    const auto revision = ScenarioStore(ws).record("writer", test::smallScenarioJson(), &error);
    if (!revision) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const long count = args.at(2).toLong();
    const QString label = args.value(3);
    RunStore runs(ws);
    for (long i = 0; count == 0 || i < count; ++i) {
        RunRecord record;
        record.startedAt = QDateTime::currentDateTimeUtc();
        record.wallTimeS = 0.01;
        record.label = label;
        const auto id = runs.save(revision->id, results, record, &error);
        if (!id) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("saved %lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
    }
    return 0;
}
