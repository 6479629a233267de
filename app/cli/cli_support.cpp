#include "app/cli/cli_support.h"

#include "app/workspace/pricing_catalog_store.h"
#include "models/io/regular_file.h"

#include <QCoreApplication>
#include <QDir>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace faaslab::cli {

namespace {
std::atomic<bool> g_interrupted{false};
// The first error writing standard output (an errno value), or 0.
int g_stdoutError = 0;
} // namespace

extern "C" void faaslabCliOnInterrupt(int) {
    g_interrupted.store(true);
}

InterruptGuard::InterruptGuard() {
    g_interrupted = false;
    std::signal(SIGINT, faaslabCliOnInterrupt);
    std::signal(SIGTERM, faaslabCliOnInterrupt);
}

InterruptGuard::~InterruptGuard() {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>* InterruptGuard::flag() const {
    return &g_interrupted;
}

void printError(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
    if (!text.endsWith('\n')) {
        std::fputc('\n', stderr);
    }
}

void printOut(const std::string& text) {
    if (g_stdoutError != 0) {
        return;
    }
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
        std::fflush(stdout) != 0) {
        g_stdoutError = errno != 0 ? errno : EIO;
    }
}

bool finishStandardOutput() {
    errno = 0;
    if (g_stdoutError == 0 && (std::fflush(stdout) != 0 || std::ferror(stdout) != 0)) {
        g_stdoutError = errno != 0 ? errno : EIO;
    }
    if (g_stdoutError == 0) {
        return true;
    }
    printError(QStringLiteral("faaslab-cli: cannot write to standard output: %1; the output is "
                              "incomplete")
                   .arg(QString::fromLocal8Bit(std::strerror(g_stdoutError))));
    return false;
}

bool parseArguments(QCommandLineParser& parser, const QStringList& arguments,
                    const QString& command) {
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("faaslab-cli %1: %2\nTry 'faaslab-cli %1 --help'.")
                       .arg(command, parser.errorText()));
        return false;
    }
    return true;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments,
                                    const QString& command, const QCommandLineOption& help) {
    if (!parseArguments(parser, arguments, command)) {
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        // Only the usage line names the program; "faaslab-cli runs" in a
        // description must not become "faaslab-cli run runs".
        QString text = parser.helpText();
        const QString usage =
            QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst();
        if (text.startsWith(usage)) {
            text.insert(usage.size(), QLatin1Char(' ') + command);
        }
        printOut(text.toStdString());
        return ExitSuccess;
    }
    return std::nullopt;
}

std::optional<QString> singleScenarioArgument(const QCommandLineParser& parser,
                                              const QString& command) {
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(QStringLiteral("faaslab-cli %1: expected one scenario file, got %2\nTry "
                                  "'faaslab-cli %1 --help'.")
                       .arg(command)
                       .arg(positional.size()));
        return std::nullopt;
    }
    return positional.front();
}

std::optional<int> parseThreadsOption(const QCommandLineParser& parser, bool& ok) {
    const auto threads = parseUnsignedOption(parser, "threads", ok);
    if (threads && (*threads < 1 || *threads > 1024)) {
        printError(QStringLiteral("--threads: must be between 1 and 1024, got %1").arg(*threads));
        ok = false;
        return std::nullopt;
    }
    return threads ? std::optional<int>(static_cast<int>(*threads)) : std::nullopt;
}

std::optional<double> parseNumberOption(const QCommandLineParser& parser, const QString& name,
                                        bool& ok) {
    if (!parser.isSet(name)) {
        return std::nullopt;
    }
    const QString text = parser.value(name);
    bool converted = false;
    const double value = text.toDouble(&converted);
    if (!converted) {
        printError(QStringLiteral("--%1: expected a number, got '%2'").arg(name, text));
        ok = false;
        return std::nullopt;
    }
    return value;
}

std::optional<std::uint64_t> parseUnsignedOption(const QCommandLineParser& parser,
                                                 const QString& name, bool& ok) {
    if (!parser.isSet(name)) {
        return std::nullopt;
    }
    const QString text = parser.value(name);
    bool converted = false;
    const qulonglong value = text.toULongLong(&converted);
    if (!converted) {
        printError(
            QStringLiteral("--%1: expected a non-negative whole number, got '%2'").arg(name, text));
        ok = false;
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(value);
}

std::optional<Scenario> loadScenario(const QString& path, nlohmann::ordered_json* document,
                                     const PricingCatalog& catalog) {
    const std::string file = path.toStdString();
    // The reader refuses these too, as a diagnostic; checked here first for
    // the plain "FILE: reason" a missing or unreadable file deserves.
    if (const auto problem = regularFileProblem(file)) {
        printError(path + ": " + QString::fromStdString(*problem));
        return std::nullopt;
    }
    const ScenarioReadResult result = ScenarioReader(catalog).readFile(file);
    if (!result.ok()) {
        printError(QString::fromStdString(result.diagnostics.format(file)));
        const auto count = result.diagnostics.count();
        printError(QStringLiteral("%1: %2 problem%3 found; nothing was run.")
                       .arg(path)
                       .arg(count)
                       .arg(count == 1 ? "" : "s"));
        return std::nullopt;
    }
    if (document != nullptr) {
        *document = *result.document;
    }
    return result.scenario;
}

QCommandLineOption workspaceOption() {
    return QCommandLineOption("workspace",
                              "Workspace database FILE (default: " +
                                  QDir::toNativeSeparators(workspace::Workspace::defaultPath()) +
                                  ").",
                              "FILE");
}

QString workspacePath(const QCommandLineParser& parser) {
    return parser.isSet("workspace") ? parser.value("workspace")
                                     : workspace::Workspace::defaultPath();
}

bool openWorkspace(const QCommandLineParser& parser, workspace::Workspace& workspace,
                   WorkspaceAccess access) {
    QString error;
    workspace::Workspace::Options options;
    options.readOnly = access == WorkspaceAccess::ReadOnly;
    if (!workspace.open(workspacePath(parser), options, &error)) {
        printError(error);
        return false;
    }
    return true;
}

std::optional<PricingCatalog> scenarioCatalog(const QCommandLineParser& parser,
                                              workspace::Workspace& workspace, bool useWorkspace,
                                              WorkspaceAccess access) {
    if (!useWorkspace) {
        return PricingCatalog::builtin();
    }
    if (!openWorkspace(parser, workspace, access)) {
        return std::nullopt;
    }
    QString error;
    auto catalog = workspace::PricingCatalogStore(workspace).catalog(&error);
    if (!catalog) {
        printError(QDir::toNativeSeparators(workspace.path()) + ": " + error);
    }
    return catalog;
}

std::variant<CommandScenario, int> openCommandScenario(const QCommandLineParser& parser,
                                                       workspace::Workspace& workspace,
                                                       const QString& file) {
    // Asked only when given on the command line: timeline has no --save
    // option (it only reads the workspace), and Qt warns on asking for one.
    const bool save = parser.optionNames().contains("save") && parser.isSet("save");
    std::optional<PricingCatalog> catalog =
        scenarioCatalog(parser, workspace, save || parser.isSet("workspace"),
                        save ? WorkspaceAccess::ReadWrite : WorkspaceAccess::ReadOnly);
    if (!catalog) {
        return ExitFailure;
    }
    CommandScenario loaded{std::move(*catalog), {}, {}};
    std::optional<Scenario> scenario = loadScenario(file, &loaded.document, loaded.catalog);
    if (!scenario) {
        return ExitUsage;
    }
    loaded.scenario = std::move(*scenario);
    return loaded;
}

} // namespace faaslab::cli
