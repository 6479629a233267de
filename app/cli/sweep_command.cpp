#include "app/cli/sweep_command.h"

#include "app/cli/cli_support.h"
#include "app/cli/output_file.h"
#include "app/cli/terminal_progress.h"
#include "app/workspace/scenario_store.h"
#include "app/workspace/sweep_store.h"
#include "models/report/sweep_writer.h"
#include "models/runner/sweep_runner.h"
#include "models/runner/work_in_flight_error.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <atomic>

namespace faaslab::cli {

namespace {

const char* const SweepDescription =
    "Re-runs a scenario for each value of one numeric field and reports, per value and\n"
    "architecture, the cost (window and 30-day projection), cost per million requests,\n"
    "p50/p95/p99 latency and cold-start and rejection probabilities. Between values\n"
    "where the cheapest architecture (by 30-day cost, among those leaving at most 1\n"
    "percentage point more requests unserved than the best) changes, the break-even\n"
    "point is located by bisection to 1 % of its value. Values run in parallel on all cores;\n"
    "the results are identical to a serial run.\n"
    "\n"
    "PATH is the field's path in the scenario file, e.g. workload.arrivals.rate_per_s,\n"
    "workload.memory_mb or architectures[0].keep_alive_s.\n"
    "\n"
    "Exit status: 0 success, 2 usage or scenario error, 1 other failure.";

bool parseValues(const QString& text, std::vector<double>& values) {
    for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok) {
            printError(QStringLiteral("--values: '%1' is not a number").arg(part));
            return false;
        }
        values.push_back(v);
    }
    if (values.empty()) {
        printError("--values: expected comma-separated numbers, e.g. --values 1,2,5");
        return false;
    }
    return true;
}

bool parseRange(const QString& text, std::vector<double>& values) {
    std::string problem;
    auto parsed = parseSweepRange(text.toStdString(), problem);
    if (!parsed) {
        printError("--range: " + QString::fromStdString(problem));
        return false;
    }
    values = std::move(*parsed);
    return true;
}

} // namespace

int sweepCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(SweepDescription));
    parser.addPositionalArgument("scenario", "Scenario file.", "SCENARIO.json");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    const QCommandLineOption param("param", "Path of the numeric field to vary.", "PATH");
    const QCommandLineOption values("values", "Comma-separated values, e.g. 1,2,5,10.", "LIST");
    const QCommandLineOption range("range",
                                   "FROM:TO:POINTS evenly spaced, or FROM:TO:POINTS:log "
                                   "geometrically spaced.",
                                   "SPEC");
    const QCommandLineOption json("json", "Print the sweep JSON instead of the table.");
    const QCommandLineOption out("out", "Also write the sweep JSON to FILE.", "FILE");
    const QCommandLineOption csv("csv", "Also write one CSV row per value and architecture.",
                                 "FILE");
    const QCommandLineOption noBreakEven("no-break-even", "Do not locate break-even points.");
    const QCommandLineOption threads("threads", "Worker threads (default: all cores).", "N");
    const QCommandLineOption quiet("quiet", "No progress display on standard error.");
    const QCommandLineOption save("save", "Record the sweep and its points in the workspace.");
    const QCommandLineOption workspaceFile = workspaceOption();
    parser.addOptions({help, param, values, range, json, out, csv, noBreakEven, threads, quiet,
                       save, workspaceFile});
    if (const auto exit = parseCommandLine(parser, arguments, "sweep", help)) {
        return *exit;
    }
    const auto scenarioFile = singleScenarioArgument(parser, "sweep");
    if (!scenarioFile) {
        return ExitUsage;
    }
    if (!parser.isSet(param)) {
        printError("faaslab-cli sweep: --param PATH is required, e.g. --param "
                   "workload.arrivals.rate_per_s");
        return ExitUsage;
    }
    if (parser.isSet(values) == parser.isSet(range)) {
        printError("faaslab-cli sweep: give either --values or --range");
        return ExitUsage;
    }
    SweepSpec spec;
    spec.parameter = parser.value(param).toStdString();
    if (parser.isSet(values) ? !parseValues(parser.value(values), spec.values)
                             : !parseRange(parser.value(range), spec.values)) {
        return ExitUsage;
    }
    bool ok = true;
    const auto threadsValue = parseThreadsOption(parser, ok);
    if (!ok) {
        return ExitUsage;
    }

    workspace::Workspace workspace;
    const QString file = *scenarioFile;
    auto opened = openCommandScenario(parser, workspace, file);
    if (const int* exit = std::get_if<int>(&opened)) {
        return *exit;
    }
    CommandScenario& loaded = std::get<CommandScenario>(opened);
    const PricingCatalog& catalog = loaded.catalog;
    const nlohmann::ordered_json& document = loaded.document;

    const InterruptGuard interrupt;
    TerminalProgress progress(!parser.isSet(quiet) && TerminalProgress::stderrIsTerminal());
    SweepOptions options;
    options.threads = threadsValue.value_or(0);
    options.cancel = interrupt.flag();
    options.findBreakEvens = !parser.isSet(noBreakEven);
    options.catalog = &catalog;
    options.baseDirectory = QFileInfo(file).absolutePath().toStdString();
    options.progress = [&progress](double fraction) {
        RunProgressReport report;
        report.fraction = fraction;
        progress.update(report);
    };
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    SweepOutput output;
    try {
        output = runSweep(document, spec, options);
    } catch (const WorkInFlightError& e) {
        // The scenario is valid but too large to simulate: a problem of the
        // input, reported with the file like the reader's messages.
        progress.finish();
        printError(QStringLiteral("%1: %2").arg(file, QString::fromStdString(e.what())));
        return ExitUsage;
    } catch (const std::exception& e) {
        progress.finish();
        printError(QStringLiteral("faaslab-cli sweep: internal error: %1").arg(e.what()));
        return ExitFailure;
    }
    progress.finish();
    if (!output.ok()) {
        for (const Diagnostic& d : output.diagnostics.items()) {
            printError(QStringLiteral("--param %1: %2")
                           .arg(parser.value(param), QString::fromStdString(d.message)));
        }
        return ExitUsage;
    }
    if (output.status == RunStatus::Cancelled) {
        printError("faaslab-cli sweep: interrupted; no results were written.");
        return ExitFailure;
    }
    const std::string jsonText = sweepToJson(output.results).dump(2) + "\n";
    printOut(parser.isSet(json) ? jsonText : formatSweepTable(output.results));
    bool written = true;
    if (parser.isSet(out)) {
        written = writeOutputFile(parser.value(out), jsonText) && written;
    }
    if (parser.isSet(csv)) {
        written = writeOutputFile(parser.value(csv), sweepCsv(output.results)) && written;
    }
    if (parser.isSet(save)) {
        QString error;
        const auto revision = workspace::ScenarioStore(workspace).record(
            QString::fromStdString(output.results.scenarioName), document, &error);
        workspace::RunRecord record;
        record.startedAt = startedAt;
        record.wallTimeS = static_cast<double>(clock.elapsed()) / 1000.0;
        const auto id = revision
                            ? workspace::SweepStore(workspace).save(revision->id, output.results,
                                                                    spec.costMetric, record, &error)
                            : std::nullopt;
        if (id) {
            printError(QStringLiteral("Saved sweep %1 (scenario '%2', revision %3) in %4")
                           .arg(*id)
                           .arg(QString::fromStdString(output.results.scenarioName))
                           .arg(revision->number)
                           .arg(QDir::toNativeSeparators(workspace.path())));
        } else {
            printError(QStringLiteral("faaslab-cli sweep: the sweep was not saved: %1").arg(error));
            written = false;
        }
    }
    return written ? ExitSuccess : ExitFailure;
}

} // namespace faaslab::cli
