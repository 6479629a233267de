#include "app/cli/run_command.h"

#include "app/cli/cli_support.h"
#include "app/cli/output_file.h"
#include "app/cli/terminal_progress.h"
#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "models/report/application_tables.h"
#include "models/report/comparison_table.h"
#include "models/report/results_writer.h"
#include "models/runner/scenario_runner.h"
#include "models/runner/work_in_flight_error.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <atomic>
#include <exception>
#include <map>

namespace faaslab::cli {

namespace {

const char* const RunDescription =
    "Simulates every architecture of a scenario on the same request stream and\n"
    "prints a side-by-side comparison (cost, latency, cold starts, instances).\n"
    "\n"
    "Options that override the scenario (--seed, --replications, --duration,\n"
    "--warmup) are checked by the same rules as the file.\n"
    "\n"
    "With --save the run is recorded in the workspace database (see 'faaslab-cli runs').\n"
    "With --save or --workspace, pricing presets resolve through the workspace's\n"
    "catalog, so a scenario can name a preset copied and edited there.\n"
    "\n"
    "Exit status: 0 success, 2 usage or scenario error, 1 other failure\n"
    "(an output file, standard output or the workspace cannot be written, the run was\n"
    "interrupted). Output files are replaced only when written in full.";

// Records the run and its scenario revision; reports on standard error so
// standard output stays the table or the JSON.
bool saveRun(workspace::Workspace& workspace, const nlohmann::ordered_json& document,
             const ScenarioResults& results, const QDateTime& startedAt, double wallTimeS,
             const QString& label) {
    QString error;
    const QString name = QString::fromStdString(results.scenarioName);
    const auto revision = workspace::ScenarioStore(workspace).record(name, document, &error);
    workspace::RunRecord record;
    record.startedAt = startedAt;
    record.wallTimeS = wallTimeS;
    record.label = label;
    const auto id = revision
                        ? workspace::RunStore(workspace).save(revision->id, results, record, &error)
                        : std::nullopt;
    if (!id) {
        printError(QStringLiteral("faaslab-cli run: the run was not saved: %1").arg(error));
        return false;
    }
    printError(QStringLiteral("Saved run %1 (scenario '%2', revision %3) in %4")
                   .arg(*id)
                   .arg(name)
                   .arg(revision->number)
                   .arg(QDir::toNativeSeparators(workspace.path())));
    return true;
}

} // namespace

int runCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(RunDescription));
    parser.addPositionalArgument("scenario", "Scenario file (JSON, format faaslab.scenario/1).",
                                 "SCENARIO.json");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    const QCommandLineOption json("json", "Print the results JSON on standard output instead of "
                                          "the table.");
    const QCommandLineOption out("out", "Also write the results JSON to FILE.", "FILE");
    const QCommandLineOption csv(
        "csv", "Also write a one-row-per-architecture summary CSV to FILE.", "FILE");
    const QCommandLineOption timeseries(
        "timeseries",
        "Also write the per-bin time series (CSV, one row per architecture and bin) "
        "to FILE.",
        "FILE");
    const QCommandLineOption seed("seed", "Override simulation.seed.", "N");
    const QCommandLineOption replications("replications", "Override simulation.replications.", "N");
    const QCommandLineOption duration("duration", "Override simulation.duration_s (seconds).", "S");
    const QCommandLineOption warmup("warmup", "Override simulation.warmup_s (seconds).", "S");
    const QCommandLineOption threads("threads",
                                     "Worker threads (default: all cores). Results do not depend "
                                     "on it.",
                                     "N");
    const QCommandLineOption quiet("quiet", "No progress display on standard error.");
    const QCommandLineOption save("save", "Record the run (scenario revision, seed, results, time "
                                          "series) in the workspace.");
    const QCommandLineOption label("label",
                                   "With --save: a note on the run, e.g. \"after the "
                                   "price change\".",
                                   "TEXT");
    const QCommandLineOption workspaceFile = workspaceOption();
    parser.addOptions({help, json, out, csv, timeseries, seed, replications, duration, warmup,
                       threads, quiet, save, label, workspaceFile});

    if (const auto exit = parseCommandLine(parser, arguments, "run", help)) {
        return *exit;
    }
    const auto scenarioFile = singleScenarioArgument(parser, "run");
    if (!scenarioFile) {
        return ExitUsage;
    }

    bool ok = true;
    const auto seedValue = parseUnsignedOption(parser, "seed", ok);
    const auto replicationsValue = parseNumberOption(parser, "replications", ok);
    const auto durationValue = parseNumberOption(parser, "duration", ok);
    const auto warmupValue = parseNumberOption(parser, "warmup", ok);
    const auto threadsValue = parseThreadsOption(parser, ok);
    if (!ok) {
        return ExitUsage;
    }

    if (parser.isSet(label) && !parser.isSet(save)) {
        printError("--label: only with --save");
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
    nlohmann::ordered_json& document = loaded.document;
    std::optional<Scenario> scenario = std::move(loaded.scenario);

    // Overrides go through the scenario reader, so they obey exactly the
    // rules (and produce the messages) of the file format.
    const std::map<std::string, QString> overridden = {
        {"simulation.seed", "--seed"},
        {"simulation.replications", "--replications"},
        {"simulation.duration_s", "--duration"},
        {"simulation.warmup_s", "--warmup"},
    };
    if (seedValue || replicationsValue || durationValue || warmupValue) {
        auto& simulation = document["simulation"];
        if (seedValue) {
            simulation["seed"] = *seedValue;
        }
        if (replicationsValue) {
            simulation["replications"] = *replicationsValue;
        }
        if (durationValue) {
            simulation["duration_s"] = *durationValue;
        }
        if (warmupValue) {
            simulation["warmup_s"] = *warmupValue;
        }
        ScenarioReadResult reread =
            ScenarioReader(catalog)
                .setBaseDirectory(QFileInfo(file).absolutePath().toStdString())
                .readJson(document);
        if (!reread.ok()) {
            // The file alone was valid, so every problem comes from the
            // options given: a field an option set is blamed on that
            // option; any other (warmup_s against a shorter --duration) on
            // the options given, naming the field and how to fix it.
            QStringList given;
            for (const auto& [path, option] : overridden) {
                if (parser.isSet(option.mid(2))) {
                    given << option + " " + parser.value(option.mid(2));
                }
            }
            for (const Diagnostic& d : reread.diagnostics.items()) {
                const QString path = QString::fromStdString(d.path);
                const QString message = QString::fromStdString(d.message);
                const auto option = overridden.find(d.path);
                if (option != overridden.end() && parser.isSet(option->second.mid(2))) {
                    printError(option->second + " (" + path + "): " + message);
                    continue;
                }
                const QString fix =
                    option != overridden.end()
                        ? QStringLiteral(" (change it in the file, or give %1)").arg(option->second)
                        : QStringLiteral(" (change it in the file)");
                printError(QStringLiteral("%1 conflicts with %2 in %3: %4%5")
                               .arg(given.join(QStringLiteral(" and ")), path, file, message, fix));
            }
            return ExitUsage;
        }
        scenario = reread.scenario;
    }

    const InterruptGuard interrupt;

    TerminalProgress progress(!parser.isSet(quiet) && TerminalProgress::stderrIsTerminal());
    RunOptions options;
    options.threads = threadsValue.value_or(0);
    options.cancel = interrupt.flag();
    options.progress = [&progress](const RunProgressReport& r) {
        progress.update(r);
    };

    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    RunOutput output;
    try {
        output = runScenario(*scenario, options);
    } catch (const WorkInFlightError& e) {
        // The scenario is valid but too large to simulate: a problem of the
        // input, reported with the file like the reader's messages.
        progress.finish();
        printError(QStringLiteral("%1: %2").arg(file, QString::fromStdString(e.what())));
        return ExitUsage;
    } catch (const std::exception& e) {
        progress.finish();
        printError(QStringLiteral("faaslab-cli run: internal error: %1").arg(e.what()));
        return ExitFailure;
    }
    progress.finish();
    if (output.status == RunStatus::Cancelled) {
        printError(QStringLiteral("faaslab-cli run: interrupted; no results were written."));
        return ExitFailure;
    }

    const ScenarioResults& results = output.results;
    if (parser.isSet(json)) {
        printOut(resultsToJsonText(results));
    } else {
        printOut(formatComparisonTable(results) + formatApplicationTables(results));
    }
    bool written = true;
    if (parser.isSet(out)) {
        written = writeOutputFile(parser.value(out), resultsToJsonText(results)) && written;
    }
    if (parser.isSet(csv)) {
        written = writeOutputFile(parser.value(csv), resultsSummaryCsv(results)) && written;
    }
    if (parser.isSet(timeseries)) {
        written =
            writeOutputFile(parser.value(timeseries), resultsTimeSeriesCsv(results)) && written;
    }
    if (parser.isSet(save)) {
        written = saveRun(workspace, document, results, startedAt, clock.elapsed() / 1000.0,
                          parser.value(label)) &&
                  written;
    }
    return written ? ExitSuccess : ExitFailure;
}

} // namespace faaslab::cli
