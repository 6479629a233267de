#include "app/cli/pricing_command.h"

#include "app/cli/cli_support.h"
#include "app/cli/output_file.h"
#include "app/workspace/pricing_catalog_store.h"
#include "models/billing/pricing_catalog.h"
#include "models/io/regular_file.h"
#include "models/scenario/pricing_reader.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace faaslab::cli {

namespace {

const char* const PricingDescription =
    "Lists the pricing presets, shows one in full with its source and date, or moves\n"
    "presets in and out of the workspace's catalog.\n"
    "\n"
    "  list                 every preset (built-in, and the workspace's own)\n"
    "  show ID              a preset's rates, rounding rules, source and date\n"
    "  import FILE          add or replace presets from a catalog file\n"
    "                       (faaslab.pricing-catalog/1) or one preset file\n"
    "                       (faaslab.pricing/1); all or nothing\n"
    "  export [ID...]       write presets (all when none named) as a catalog file\n"
    "  copy ID NEW-ID       a user preset NEW-ID with the rates of ID, to edit\n"
    "\n"
    "list and show use the workspace when --workspace is given or the default\n"
    "workspace exists, and the built-in presets otherwise. A built-in preset edited\n"
    "in the workspace is marked 'edited'; scenarios run with the workspace use it.\n"
    "\n"
    "Exit status: 0 success, 2 usage error, unknown or invalid preset, 1 other failure.";

struct Row {
    std::string id;
    std::string kind;
    std::string origin;
    std::string product;
    std::string asOf;
};

std::string listText(const std::vector<Row>& rows) {
    std::size_t width = 0;
    for (const Row& r : rows) {
        width = std::max(width, r.id.size());
    }
    std::string text;
    for (const Row& r : rows) {
        text += r.id + std::string(width + 2 - r.id.size(), ' ') + r.kind +
                std::string(r.kind.size() < 12 ? 12 - r.kind.size() : 1, ' ') +
                (r.origin.empty() ? "" : r.origin + std::string(9 - r.origin.size(), ' ')) +
                r.product + " (as of " + r.asOf + ")\n";
    }
    return text;
}

} // namespace

int pricingCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(PricingDescription));
    parser.addPositionalArgument("action",
                                 "list | show ID | import FILE | export [ID...] | copy "
                                 "ID NEW-ID",
                                 "list|show|import|export|copy");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    const QCommandLineOption out("out", "export: write to FILE instead of standard output.",
                                 "FILE");
    const QCommandLineOption workspaceFile = workspaceOption();
    parser.addOptions({help, out, workspaceFile});
    if (const auto exit = parseCommandLine(parser, arguments, "pricing", help)) {
        return *exit;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool valid = (action == "list" && positional.size() == 1) ||
                       (action == "show" && positional.size() == 2) ||
                       (action == "import" && positional.size() == 2) || (action == "export") ||
                       (action == "copy" && positional.size() == 3);
    if (!valid) {
        printError("faaslab-cli pricing: expected 'list', 'show ID', 'import FILE', "
                   "'export [ID...]' or 'copy ID NEW-ID'\nTry 'faaslab-cli pricing --help'.");
        return ExitUsage;
    }

    // list and show work without a workspace; the others need one. Only
    // import and copy write to it; export reads an existing workspace
    // read-only and creates a missing one (with the built-in presets).
    const bool writes = action == "import" || action == "copy" ||
                        (action == "export" && !QFileInfo::exists(workspacePath(parser)));
    const bool useWorkspace = writes || action == "export" || parser.isSet(workspaceFile) ||
                              QFileInfo::exists(workspace::Workspace::defaultPath());
    workspace::Workspace ws;
    if (useWorkspace &&
        !openWorkspace(parser, ws,
                       writes ? WorkspaceAccess::ReadWrite : WorkspaceAccess::ReadOnly)) {
        return ExitFailure;
    }
    workspace::PricingCatalogStore store(ws);
    QString error;

    if (action == "import") {
        QFile file(positional.at(1));
        // A FIFO or a device would block or never end.
        if (const auto problem =
                regularFileProblem(QFile::encodeName(positional.at(1)).toStdString())) {
            printError(positional.at(1) + ": " + QString::fromStdString(*problem));
            return ExitFailure;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            printError(
                QStringLiteral("%1: cannot read: %2").arg(positional.at(1), file.errorString()));
            return ExitFailure;
        }
        const auto ids = store.importJson(file.readAll().toStdString(), &error);
        if (!ids) {
            printError(positional.at(1) + ": " + error);
            return ExitUsage;
        }
        printOut(QStringLiteral("Imported %1 preset%2: %3\n")
                     .arg(ids->size())
                     .arg(ids->size() == 1 ? "" : "s", ids->join(", "))
                     .toStdString());
        return ExitSuccess;
    }
    if (action == "export") {
        const auto text = store.exportJson(positional.mid(1), &error);
        if (!text) {
            printError(QStringLiteral("faaslab-cli pricing export: %1").arg(error));
            return error.startsWith("no preset") ? ExitUsage : ExitFailure;
        }
        if (parser.isSet(out)) {
            return writeOutputFile(parser.value(out), *text) ? ExitSuccess : ExitFailure;
        }
        printOut(*text);
        return ExitSuccess;
    }
    if (action == "copy") {
        if (!store.copy(positional.at(1), positional.at(2), &error)) {
            printError(QStringLiteral("faaslab-cli pricing copy: %1").arg(error));
            return ExitUsage;
        }
        printOut(QStringLiteral("Copied %1 to %2; edit it with 'pricing export %2', then "
                                "'pricing import'.\n")
                     .arg(positional.at(1), positional.at(2))
                     .toStdString());
        return ExitSuccess;
    }

    if (action == "list") {
        std::vector<Row> rows;
        if (useWorkspace) {
            const auto presets = store.list(&error);
            if (!presets) {
                printError(error);
                return ExitFailure;
            }
            for (const workspace::StoredPreset& p : *presets) {
                rows.push_back(Row{p.id.toStdString(), p.kind.toStdString(),
                                   !p.builtin ? "user"
                                   : p.edited ? "edited"
                                              : "built-in",
                                   p.product.toStdString(), p.asOf.toStdString()});
            }
        } else {
            for (const PricingPreset& p : PricingCatalog::builtin().presets()) {
                rows.push_back(Row{p.id, p.kind, "", p.document.value("product", ""),
                                   p.document.value("as_of", "?")});
            }
        }
        printOut(listText(rows));
        return ExitSuccess;
    }

    // show ID
    const std::string id = positional.at(1).toStdString();
    std::optional<PricingCatalog> catalog =
        useWorkspace ? store.catalog(&error) : PricingCatalog::builtin();
    if (!catalog) {
        printError(error);
        return ExitFailure;
    }
    const PricingPreset* preset = catalog->find(id);
    if (preset == nullptr) {
        printError(QStringLiteral("faaslab-cli pricing show: no preset named '%1' (see "
                                  "'faaslab-cli pricing list')")
                       .arg(positional.at(1)));
        return ExitUsage;
    }
    Diagnostics diagnostics;
    const auto text = describePreset(*preset, diagnostics);
    if (!text) {
        printError(QString::fromStdString(diagnostics.format(preset->fileName)));
        return ExitFailure;
    }
    printOut(*text);
    return ExitSuccess;
}

} // namespace faaslab::cli
