// faaslab-cli: runs FaaS Lab scenarios from the command line.

#include "app/cli/cli_support.h"
#include "app/cli/pricing_command.h"
#include "app/cli/run_command.h"
#include "app/cli/runs_command.h"
#include "app/cli/sweep_command.h"
#include "app/cli/timeline_command.h"
#include "app/cli/validate_command.h"

#include <QCoreApplication>
#include <csignal>

namespace {

const char* const Usage =
    "Usage: faaslab-cli COMMAND [options]\n"
    "\n"
    "FaaS Lab simulates serverless functions (FaaS), serverless containers and VMs on the\n"
    "same workload and compares their latency, cold starts, instances and cost.\n"
    "\n"
    "Commands:\n"
    "  run SCENARIO.json       simulate a scenario and print the comparison table\n"
    "  sweep SCENARIO.json     re-run a scenario over the values of one field and find\n"
    "                          the break-even points where the cheapest architecture changes\n"
    "  timeline SCENARIO.json  record every instance and request of one architecture in a\n"
    "                          window of simulated time (cold starts, keep-alive, throttling)\n"
    "  validate SCENARIO.json  check scenario files and report every problem\n"
    "  runs list               list the runs recorded in the workspace (run --save)\n"
    "  runs show ID            show a recorded run's comparison table, without re-running\n"
    "  runs export ID --csv    export a recorded run (--csv, --timeseries or --json)\n"
    "  pricing list            list the pricing presets (built-in and the workspace's)\n"
    "  pricing show ID         show a preset's rates, source and date\n"
    "  pricing import FILE     add presets to the workspace's catalog\n"
    "  pricing export [ID...]  write presets as a catalog file\n"
    "\n"
    "Run 'faaslab-cli COMMAND --help' for the options of a command.\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help\n"
    "  -v, --version  show the version\n"
    "\n"
    "Exit status: 0 success, 2 usage or scenario error, 1 other failure.\n"
    "The workspace database (run history, pricing catalog) is one SQLite file per user;\n"
    "--workspace FILE chooses another. See docs/workspace.md.\n"
    "Scenario format and model semantics: see the docs/ folder of FaaS Lab.\n";

int dispatch(const QString& command, const QStringList& arguments) {
    using namespace faaslab::cli;
    if (command == "run") {
        return runCommand(arguments);
    }
    if (command == "sweep") {
        return sweepCommand(arguments);
    }
    if (command == "timeline") {
        return timelineCommand(arguments);
    }
    if (command == "validate") {
        return validateCommand(arguments);
    }
    if (command == "runs") {
        return runsCommand(arguments);
    }
    if (command == "pricing") {
        return pricingCommand(arguments);
    }
    printError(QStringLiteral("faaslab-cli: unknown command '%1'\nTry 'faaslab-cli --help'.")
                   .arg(command));
    return ExitUsage;
}

// A standard output that could not take everything turns success into
// failure; a command that already failed keeps its own status.
int finish(int status) {
    using namespace faaslab::cli;
    return finishStandardOutput() || status != ExitSuccess ? status : ExitFailure;
}

} // namespace

int main(int argc, char* argv[]) {
#ifdef SIGXFSZ
    // Past the file size limit (ulimit -f) a write must fail with EFBIG and
    // be reported, not kill the program halfway through an output file.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("faaslab-cli");
    QCoreApplication::setApplicationVersion(FAASLAB_VERSION);
    QCoreApplication::setOrganizationName("FaaS Lab");

    using namespace faaslab::cli;
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printError(QString::fromUtf8(Usage));
        return ExitUsage;
    }
    const QString command = arguments.at(1);
    if (command == "-h" || command == "--help" || command == "help") {
        printOut(Usage);
        return finish(ExitSuccess);
    }
    if (command == "-v" || command == "--version") {
        printOut(std::string("faaslab-cli ") + FAASLAB_VERSION + "\n");
        return finish(ExitSuccess);
    }
    // The command's own parser sees "faaslab-cli" as the program name.
    arguments.removeAt(1);
    return finish(dispatch(command, arguments));
}
