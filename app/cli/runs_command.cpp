#include "app/cli/runs_command.h"

#include "app/cli/cli_support.h"
#include "app/cli/output_file.h"
#include "app/workspace/run_store.h"
#include "models/report/comparison_table.h"
#include "models/report/results_writer.h"

#include <QCommandLineParser>
#include <QDir>
#include <cmath>
#include <nlohmann/json.hpp>

namespace faaslab::cli {

namespace {

const char* const RunsDescription =
    "Lists, shows, exports or deletes the runs recorded in the workspace database\n"
    "(faaslab-cli run --save, or any run in the desktop application). A stored run is\n"
    "shown and exported from its saved results, without simulating again.\n"
    "\n"
    "  list                 one line per run, newest first\n"
    "  show ID              the run's comparison table, as 'run' printed it\n"
    "  export ID --csv      the summary CSV ('run --csv'); --timeseries for the time\n"
    "                       series CSV, --json for the results JSON; to --out FILE or\n"
    "                       standard output\n"
    "  delete ID            remove the run\n"
    "\n"
    "Exit status: 0 success, 2 usage error or unknown run, 1 other failure.";

std::string money(double value) {
    if (!std::isfinite(value)) {
        return "-";
    }
    char text[64];
    std::snprintf(text, sizeof text, "$%.2f", value);
    return text;
}

std::string listText(const std::vector<workspace::RunSummary>& runs) {
    std::string out = "   ID  started (UTC)           seed  reps  status     cheapest, per 30 days"
                      "          scenario (revision)\n";
    for (const workspace::RunSummary& r : runs) {
        const std::string cheapest = r.cheapest.toStdString() + " " + money(r.cheapestMonthlyCost);
        const std::string scenario =
            QStringLiteral("%1 (r%2)").arg(r.scenarioName).arg(r.revision).toStdString();
        char line[256];
        std::snprintf(line, sizeof line, "%5lld  %-19s  %7llu  %4d  %-9s  %-30s  ",
                      static_cast<long long>(r.id),
                      r.startedAt.toString("yyyy-MM-dd HH:mm:ss").toStdString().c_str(),
                      static_cast<unsigned long long>(r.seed), r.replications,
                      r.status.toStdString().c_str(), cheapest.c_str());
        out +=
            line + scenario + (r.label.isEmpty() ? "" : "  [" + r.label.toStdString() + "]") + "\n";
    }
    return out;
}

nlohmann::ordered_json listJson(const std::vector<workspace::RunSummary>& runs) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const workspace::RunSummary& r : runs) {
        array.push_back(
            {{"id", r.id},
             {"scenario", r.scenarioName.toStdString()},
             {"revision", r.revision},
             {"seed", r.seed},
             {"replications", r.replications},
             {"software_version", r.softwareVersion.toStdString()},
             {"started_at", r.startedAt.toString(Qt::ISODateWithMs).toStdString()},
             {"wall_time_s", r.wallTimeS},
             {"status", r.status.toStdString()},
             {"cheapest", r.cheapest.toStdString()},
             {"cheapest_monthly_cost", std::isfinite(r.cheapestMonthlyCost)
                                           ? nlohmann::ordered_json(r.cheapestMonthlyCost)
                                           : nlohmann::ordered_json(nullptr)},
             {"label", r.label.toStdString()}});
    }
    return array;
}

std::optional<qint64> runId(const QStringList& positional, const QString& action) {
    bool ok = false;
    const qint64 id = positional.size() == 2 ? positional.at(1).toLongLong(&ok) : 0;
    if (!ok || id <= 0) {
        printError(QStringLiteral("faaslab-cli runs %1: expected one run ID (a number from "
                                  "'faaslab-cli runs list')")
                       .arg(action));
        return std::nullopt;
    }
    return id;
}

} // namespace

int runsCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(RunsDescription));
    parser.addPositionalArgument("action", "list | show ID | export ID | delete ID",
                                 "list|show|export|delete");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    const QCommandLineOption json("json", "list, show: print JSON; export: the results JSON.");
    const QCommandLineOption csv("csv", "export: the summary CSV (one row per architecture).");
    const QCommandLineOption timeseries("timeseries", "export: the time series CSV.");
    const QCommandLineOption out("out", "export: write to FILE instead of standard output.",
                                 "FILE");
    const QCommandLineOption scenario("scenario", "list: only the runs of scenario NAME.", "NAME");
    const QCommandLineOption workspaceFile = workspaceOption();
    parser.addOptions({help, json, csv, timeseries, out, scenario, workspaceFile});
    if (const auto exit = parseCommandLine(parser, arguments, "runs", help)) {
        return *exit;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action != "list" && action != "show" && action != "export" && action != "delete") {
        printError("faaslab-cli runs: expected 'list', 'show ID', 'export ID' or 'delete ID'\n"
                   "Try 'faaslab-cli runs --help'.");
        return ExitUsage;
    }
    std::optional<qint64> id;
    if (action != "list") {
        id = runId(positional, action);
        if (!id) {
            return ExitUsage;
        }
    } else if (positional.size() != 1) {
        printError("faaslab-cli runs list: takes no arguments (use --scenario NAME)");
        return ExitUsage;
    }
    if (action == "export" &&
        int(parser.isSet(csv)) + int(parser.isSet(timeseries)) + int(parser.isSet(json)) != 1) {
        printError("faaslab-cli runs export: choose one of --csv, --timeseries, --json");
        return ExitUsage;
    }

    workspace::Workspace ws;
    if (!openWorkspace(parser, ws,
                       action == "delete" ? WorkspaceAccess::ReadWrite
                                          : WorkspaceAccess::ReadOnly)) {
        return ExitFailure;
    }
    workspace::RunStore store(ws);
    QString error;
    if (action == "list") {
        auto runs = store.list(&error);
        if (!runs) {
            printError(error);
            return ExitFailure;
        }
        if (parser.isSet(scenario)) {
            std::erase_if(*runs, [&](const workspace::RunSummary& r) {
                return r.scenarioName != parser.value(scenario);
            });
        }
        printOut(parser.isSet(json) ? listJson(*runs).dump(2) + "\n" : listText(*runs));
        return ExitSuccess;
    }
    if (action == "delete") {
        if (!store.remove(*id, &error)) {
            printError(QStringLiteral("faaslab-cli runs delete: %1").arg(error));
            return error.startsWith("no run") ? ExitUsage : ExitFailure;
        }
        return ExitSuccess;
    }
    const auto run = store.load(*id, &error);
    if (!run) {
        printError(QStringLiteral("faaslab-cli runs %1: %2").arg(action, error));
        return error.startsWith("no run") ? ExitUsage : ExitFailure;
    }
    if (action == "show") {
        if (parser.isSet(json)) {
            printOut(resultsToJsonText(run->results));
            return ExitSuccess;
        }
        const workspace::RunSummary& s = run->summary;
        printOut(QStringLiteral("Run %1 of '%2' (revision %3), started %4 UTC, %5 s, FaaS Lab "
                                "%6%7\n\n")
                     .arg(s.id)
                     .arg(s.scenarioName)
                     .arg(s.revision)
                     .arg(s.startedAt.toString("yyyy-MM-dd HH:mm:ss"))
                     .arg(s.wallTimeS, 0, 'f', 1)
                     .arg(s.softwareVersion, s.label.isEmpty() ? "" : " [" + s.label + "]")
                     .toStdString() +
                 formatComparisonTable(run->results));
        return ExitSuccess;
    }
    const std::string text = parser.isSet(csv)          ? resultsSummaryCsv(run->results)
                             : parser.isSet(timeseries) ? resultsTimeSeriesCsv(run->results)
                                                        : resultsToJsonText(run->results);
    if (parser.isSet(out)) {
        return writeOutputFile(parser.value(out), text) ? ExitSuccess : ExitFailure;
    }
    printOut(text);
    return ExitSuccess;
}

} // namespace faaslab::cli
