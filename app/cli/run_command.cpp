#include "run_command.h"

#include "cli_support.h"
#include "models/results/comparison_table.h"
#include "models/results/results_writer.h"
#include "models/runner/scenario_runner.h"
#include "terminal_progress.h"

#include <QCommandLineParser>
#include <atomic>
#include <exception>
#include <map>

namespace faaslab::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
    g_interrupted.store(true);
}

const char* const RunDescription =
    "Simulates every architecture of a scenario on the same request stream and\n"
    "prints a side-by-side comparison (cost, latency, cold starts, instances).\n"
    "\n"
    "Options that override the scenario (--seed, --replications, --duration,\n"
    "--warmup) are checked by the same rules as the file.\n"
    "\n"
    "Exit status: 0 success, 2 usage or scenario error, 1 other failure\n"
    "(an output file cannot be written, the run was interrupted).";

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
    parser.addOptions(
        {help, json, out, csv, timeseries, seed, replications, duration, warmup, threads, quiet});

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

    const QString file = *scenarioFile;
    nlohmann::ordered_json document;
    std::optional<Scenario> scenario = loadScenario(file, &document);
    if (!scenario) {
        return ExitUsage;
    }

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
        ScenarioReadResult reread = ScenarioReader().readJson(document);
        if (!reread.ok()) {
            for (const Diagnostic& d : reread.diagnostics.items()) {
                const auto option = overridden.find(d.path);
                const QString where =
                    option != overridden.end()
                        ? option->second + " (" + QString::fromStdString(d.path) + ")"
                        : file + ": " + QString::fromStdString(d.path);
                printError(where + ": " + QString::fromStdString(d.message));
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

    RunOutput output;
    try {
        output = runScenario(*scenario, options);
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
        printOut(formatComparisonTable(results));
    }
    bool written = true;
    if (parser.isSet(out)) {
        written = writeFileAtomically(parser.value(out), resultsToJsonText(results)) && written;
    }
    if (parser.isSet(csv)) {
        written = writeFileAtomically(parser.value(csv), resultsSummaryCsv(results)) && written;
    }
    if (parser.isSet(timeseries)) {
        written =
            writeFileAtomically(parser.value(timeseries), resultsTimeSeriesCsv(results)) && written;
    }
    return written ? ExitSuccess : ExitFailure;
}

} // namespace faaslab::cli
