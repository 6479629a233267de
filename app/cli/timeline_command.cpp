#include "app/cli/timeline_command.h"

#include "app/cli/cli_support.h"
#include "app/cli/output_file.h"
#include "models/format/number_format.h"
#include "models/report/timeline_writer.h"
#include "models/runner/timeline_runner.h"
#include "models/scenario/json_object_reader.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <set>

namespace faaslab::cli {

namespace {

const char* const TimelineDescription =
    "Records what happens to every instance and request of one architecture inside a\n"
    "window of simulated time: instances created (a cold start begins), ready and\n"
    "ended (keep-alive expiry), and each request's arrival, start, end, instance and\n"
    "outcome (completed, timed out, rejected). The replication runs with the seed it\n"
    "has in a full run and stops once the window is over, so the records are those of\n"
    "the same window of `faaslab-cli run`. The format (.csv or .json, by the extension of\n"
    "--out) is described in docs/results-format.md, \"Timelines\".\n"
    "\n"
    "This version records serverless, container and VM architectures of single-function\n"
    "scenarios (format 1); applications are not recorded yet.\n"
    "\n"
    "Exit status: 0 success, 2 usage or scenario error, 1 other failure.";

} // namespace

int timelineCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(TimelineDescription));
    parser.addPositionalArgument("scenario", "Scenario file.", "SCENARIO.json");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    const QCommandLineOption arch("arch", "Name of the architecture to record.", "NAME");
    const QCommandLineOption from("from",
                                  "Start of the window in simulated seconds (default: the end "
                                  "of warm-up).",
                                  "S");
    const QCommandLineOption to("to",
                                "End of the window in simulated seconds (default: 10 minutes "
                                "after its start, at most the end of the run).",
                                "S");
    const QCommandLineOption replication("replication",
                                         "Which replication, 1 to the scenario's count "
                                         "(default 1).",
                                         "K");
    const QCommandLineOption limit("limit", "At most N records (default 200000).", "N");
    const QCommandLineOption out("out", "Write the records to FILE.csv or FILE.json.", "FILE");
    const QCommandLineOption workspaceFile = workspaceOption();
    parser.addOptions({help, arch, from, to, replication, limit, out, workspaceFile});
    if (const auto exit = parseCommandLine(parser, arguments, "timeline", help)) {
        return *exit;
    }
    const auto scenarioFile = singleScenarioArgument(parser, "timeline");
    if (!scenarioFile) {
        return ExitUsage;
    }
    if (!parser.isSet(arch)) {
        printError("faaslab-cli timeline: --arch NAME is required (the architecture to record)");
        return ExitUsage;
    }
    if (!parser.isSet(out)) {
        printError("faaslab-cli timeline: --out FILE.csv or FILE.json is required");
        return ExitUsage;
    }
    const QString outPath = parser.value(out);
    const QString extension = QFileInfo(outPath).suffix().toLower();
    if (extension != "csv" && extension != "json") {
        printError(QStringLiteral("--out: '%1' must end in .csv or .json").arg(outPath));
        return ExitUsage;
    }
    bool ok = true;
    const auto fromValue = parseNumberOption(parser, "from", ok);
    const auto toValue = parseNumberOption(parser, "to", ok);
    const auto replicationValue = parseUnsignedOption(parser, "replication", ok);
    const auto limitValue = parseUnsignedOption(parser, "limit", ok);
    if (!ok) {
        return ExitUsage;
    }

    workspace::Workspace workspace;
    auto opened = openCommandScenario(parser, workspace, *scenarioFile);
    if (const int* exit = std::get_if<int>(&opened)) {
        return *exit;
    }
    const Scenario& scenario = std::get<CommandScenario>(opened).scenario;

    std::size_t architecture = scenario.architectures.size();
    std::set<std::string> names;
    for (std::size_t a = 0; a < scenario.architectures.size(); ++a) {
        names.insert(scenario.architectures[a].name);
        if (scenario.architectures[a].name == parser.value(arch).toStdString()) {
            architecture = a;
        }
    }
    if (architecture == scenario.architectures.size()) {
        QString message = QStringLiteral("--arch: the scenario has no architecture named '%1'")
                              .arg(parser.value(arch));
        const std::string nearest = nearestWord(parser.value(arch).toStdString(), names);
        if (!nearest.empty()) {
            message += QStringLiteral("; did you mean '%1'?").arg(QString::fromStdString(nearest));
        }
        printError(message);
        return ExitUsage;
    }
    if (const auto why = timelineUnsupported(scenario, architecture)) {
        printError(
            QStringLiteral("--arch %1: %2").arg(parser.value(arch), QString::fromStdString(*why)));
        return ExitUsage;
    }

    const SimulationSettings& settings = scenario.simulation;
    TimelineWindow window;
    window.fromS = fromValue.value_or(settings.warmupS);
    window.toS = toValue.value_or(std::min(window.fromS + 600.0, settings.durationS));
    if (window.fromS < 0.0 || window.fromS >= settings.durationS) {
        printError(QStringLiteral("--from: %1 s is outside the run (0 to %2 s)")
                       .arg(QString::fromStdString(formatNumber(window.fromS)),
                            QString::fromStdString(formatNumber(settings.durationS))));
        return ExitUsage;
    }
    if (window.toS <= window.fromS) {
        printError(QStringLiteral("--to: %1 s must be later than --from (%2 s)")
                       .arg(QString::fromStdString(formatNumber(window.toS)),
                            QString::fromStdString(formatNumber(window.fromS))));
        return ExitUsage;
    }
    if (window.toS > settings.durationS) {
        printError(QStringLiteral("--to: %1 s is after the end of the run (%2 s)")
                       .arg(QString::fromStdString(formatNumber(window.toS)),
                            QString::fromStdString(formatNumber(settings.durationS))));
        return ExitUsage;
    }
    const std::uint64_t replicationNumber = replicationValue.value_or(1);
    if (replicationNumber < 1 ||
        replicationNumber > static_cast<std::uint64_t>(settings.replications)) {
        printError(QStringLiteral("--replication: must be 1 to %1 (the scenario's replications)")
                       .arg(settings.replications));
        return ExitUsage;
    }
    if (limitValue) {
        if (*limitValue < 1 || *limitValue > 100000000) {
            printError("--limit: must be 1 to 100000000 records");
            return ExitUsage;
        }
        window.limit = static_cast<std::size_t>(*limitValue);
    }

    const InterruptGuard interrupt;
    const TimelineOutput timeline = recordTimeline(
        scenario, architecture, static_cast<int>(replicationNumber - 1), window, interrupt.flag());
    if (timeline.cancelled) {
        printError("faaslab-cli timeline: interrupted; nothing was written.");
        return ExitFailure;
    }
    if (timeline.truncated) {
        printError(QStringLiteral("faaslab-cli timeline: stopped recording at the limit of %1 "
                                  "records (truncated at t = %2 s); --limit raises it")
                       .arg(window.limit)
                       .arg(QString::fromStdString(formatNumber(timeline.truncatedAtS))));
    }
    const std::string text =
        extension == "csv" ? timelineToCsv(timeline) : timelineToJsonText(timeline);
    if (!writeOutputFile(outPath, text)) {
        return ExitFailure;
    }
    printError(QStringLiteral("Wrote %1 records of '%2' (%3 s to %4 s) to %5")
                   .arg(timeline.records.size())
                   .arg(QString::fromStdString(timeline.architecture),
                        QString::fromStdString(formatNumber(timeline.window.fromS)),
                        QString::fromStdString(formatNumber(timeline.window.toS)), outPath));
    return ExitSuccess;
}

} // namespace faaslab::cli
