#include "app/cli/validate_command.h"

#include "app/cli/cli_support.h"

#include <QCommandLineParser>

namespace faaslab::cli {

int validateCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Checks scenario files against every rule of the format and reports each problem as\n"
        "FILE:LINE:COLUMN: JSON.PATH: reason. Runs nothing.\n\n"
        "Exit status: 0 when every file is valid, 2 otherwise.");
    parser.addPositionalArgument("scenarios", "Scenario files.", "SCENARIO.json...");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    parser.addOption(help);
    if (const auto exit = parseCommandLine(parser, arguments, "validate", help)) {
        return *exit;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        printError("faaslab-cli validate: expected at least one scenario file\nTry 'faaslab-cli "
                   "validate --help'.");
        return ExitUsage;
    }
    int status = ExitSuccess;
    for (const QString& file : files) {
        const auto scenario = loadScenario(file);
        if (!scenario) {
            status = ExitUsage;
            continue;
        }
        printOut(file.toStdString() + ": valid (" + std::to_string(scenario->architectures.size()) +
                 (scenario->architectures.size() == 1 ? " architecture)\n" : " architectures)\n"));
    }
    return status;
}

} // namespace faaslab::cli
