#include "pricing_command.h"

#include "cli_support.h"
#include "models/billing/price_list_description.h"
#include "models/billing/pricing_catalog.h"
#include "models/results/comparison_table.h"
#include "models/scenario/pricing_reader.h"

#include <QCommandLineParser>
#include <algorithm>

namespace faaslab::cli {

int pricingCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Lists the built-in pricing presets, or shows one in full "
                                     "with its source and date.");
    parser.addPositionalArgument("action", "list | show ID", "list|show");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    parser.addOption(help);
    if (const auto exit = parseCommandLine(parser, arguments, "pricing", help)) {
        return *exit;
    }
    const QStringList positional = parser.positionalArguments();
    const PricingCatalog& catalog = PricingCatalog::builtin();
    if (positional.size() == 1 && positional.front() == "list") {
        std::string text;
        std::size_t width = 0;
        for (const PricingPreset& preset : catalog.presets()) {
            width = std::max(width, preset.id.size());
        }
        for (const PricingPreset& preset : catalog.presets()) {
            text += preset.id + std::string(width + 2 - preset.id.size(), ' ') + preset.kind +
                    std::string(preset.kind.size() < 12 ? 12 - preset.kind.size() : 1, ' ') +
                    preset.document.value("product", "") + " (as of " +
                    preset.document.value("as_of", "?") + ")\n";
        }
        printOut(text);
        return ExitSuccess;
    }
    if (positional.size() == 2 && positional.front() == "show") {
        const std::string id = positional.at(1).toStdString();
        const PricingPreset* preset = catalog.find(id);
        if (preset == nullptr) {
            printError(QStringLiteral("faaslab-cli pricing show: no preset named '%1' (see "
                                      "'faaslab-cli pricing list')")
                           .arg(positional.at(1)));
            return ExitUsage;
        }
        Diagnostics diagnostics;
        std::string text;
        if (preset->kind == "serverless") {
            if (const auto p = readServerlessPreset(*preset, diagnostics)) {
                text = describeServerlessPricing(id, *p);
            }
        } else if (preset->kind == "container") {
            if (const auto p = readContainerPreset(*preset, diagnostics)) {
                text = describeContainerPricing(id, *p);
            }
        } else if (const auto p = readVmPreset(*preset, diagnostics)) {
            text = describeVmPricing(id, *p);
        }
        if (text.empty()) {
            printError(QString::fromStdString(diagnostics.format(preset->fileName)));
            return ExitFailure;
        }
        printOut(text);
        return ExitSuccess;
    }
    printError("faaslab-cli pricing: expected 'list' or 'show ID'\nTry 'faaslab-cli pricing "
               "--help'.");
    return ExitUsage;
}

} // namespace faaslab::cli
