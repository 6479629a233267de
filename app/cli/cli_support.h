#pragma once

#include "app/workspace/workspace.h"
#include "models/scenario/scenario_reader.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <atomic>
#include <optional>
#include <string>
#include <variant>

namespace faaslab::cli {

// Exit codes, as documented in --help.
enum ExitCode : int {
    ExitSuccess = 0,
    ExitFailure = 1, // I/O errors, cancelled runs, internal errors
    ExitUsage = 2,   // bad command line or invalid scenario
};

// Writes to standard error / output (UTF-8).
void printError(const QString& text);
void printOut(const std::string& text);
// Flushes standard output; false, after saying why on standard error, when
// anything printOut wrote was lost (a full disk, a closed device), so that
// the command exits 1 instead of claiming success.
bool finishStandardOutput();

// Parses a command's arguments; on failure prints the problem and how to get
// help, and returns false.
bool parseArguments(QCommandLineParser& parser, const QStringList& arguments,
                    const QString& command);

// Parses a command's arguments and answers --help. Returns the exit code
// to return at once (help shown, or a usage error), or nothing to go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments,
                                    const QString& command, const QCommandLineOption& help);

// The command's single scenario-file argument, or nothing (after saying why).
std::optional<QString> singleScenarioArgument(const QCommandLineParser& parser,
                                              const QString& command);

// --threads N: 1..1024, or nothing when absent; `ok` false after a message.
std::optional<int> parseThreadsOption(const QCommandLineParser& parser, bool& ok);

// Number options with the option name in the message.
std::optional<double> parseNumberOption(const QCommandLineParser& parser, const QString& name,
                                        bool& ok);
std::optional<std::uint64_t> parseUnsignedOption(const QCommandLineParser& parser,
                                                 const QString& name, bool& ok);

// Reads a scenario file, printing every diagnostic as file:line:col: path:
// message. Keeps the parsed JSON (for overrides) in `document`.
// Preset names resolve through `catalog` (the workspace's, when one is open).
std::optional<Scenario> loadScenario(const QString& path,
                                     nlohmann::ordered_json* document = nullptr,
                                     const PricingCatalog& catalog = PricingCatalog::builtin());

// --workspace FILE, for every command that reads or writes the workspace.
QCommandLineOption workspaceOption();
// The file --workspace names, or the default workspace.
QString workspacePath(const QCommandLineParser& parser);
// How a command uses the workspace: commands that only read it (runs list,
// show, export; pricing list, show, export; run or sweep with --workspace
// but without --save) open it read-only, so they never create, upgrade or
// write a file and work on a read-only file or folder.
enum class WorkspaceAccess { ReadOnly, ReadWrite };
// Opens that workspace (read-write: creating it when missing); prints why not.
bool openWorkspace(const QCommandLineParser& parser, workspace::Workspace& workspace,
                   WorkspaceAccess access);
// The catalog a scenario's preset names resolve through: the workspace's
// (opened here, with `access`) when `useWorkspace`, else the built-in one.
// Nothing, after saying why, when the workspace cannot be used.
std::optional<PricingCatalog> scenarioCatalog(const QCommandLineParser& parser,
                                              workspace::Workspace& workspace, bool useWorkspace,
                                              WorkspaceAccess access);

// What `run` and `sweep` start from: the workspace opened first (read-write
// with --save, read-only with only --workspace, not at all without either),
// so that a bad workspace costs no simulation time, then the scenario file
// read through the catalog it gives.
struct CommandScenario {
    PricingCatalog catalog;
    nlohmann::ordered_json document;
    Scenario scenario;
};
// The scenario, or the exit status after saying what is wrong (ExitFailure
// for the workspace, ExitUsage for the scenario).
std::variant<CommandScenario, int> openCommandScenario(const QCommandLineParser& parser,
                                                       workspace::Workspace& workspace,
                                                       const QString& file);

// While alive, Ctrl+C (SIGINT) and SIGTERM set a flag instead of killing the
// process, so a run can stop cleanly and write nothing half-done.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    const std::atomic<bool>* flag() const;
};

} // namespace faaslab::cli
