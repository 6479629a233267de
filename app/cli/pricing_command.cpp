#include "pricing_command.h"

#include "cli_support.h"
#include "models/billing/pricing_catalog.h"
#include "models/results/comparison_table.h"
#include "models/scenario/pricing_reader.h"

#include <QCommandLineParser>
#include <algorithm>

namespace faaslab::cli {

namespace {

std::string describeServerless(const ServerlessPricing& p) {
    std::string text;
    text += p.provider + " — " + p.product + " (" + p.region + ", " + p.currency + ")\n";
    text += "  source: " + p.sourceUrl + "\n  as of:  " + p.asOf + "\n";
    text += "  per million requests: " + formatMoney(p.perRequest * 1e6) + "\n";
    double lower = 0.0;
    for (const PriceTier& tier : p.perGbSecond) {
        char line[160];
        if (std::isinf(tier.upTo)) {
            std::snprintf(line, sizeof line, "  per GB-second %s: $%.10g\n",
                          p.perGbSecond.size() > 1 ? ("above " + formatCount(lower)).c_str() : "",
                          tier.price);
        } else {
            std::snprintf(line, sizeof line, "  per GB-second up to %s GB-s a month: $%.10g\n",
                          formatCount(tier.upTo).c_str(), tier.price);
        }
        text += line;
        lower = tier.upTo;
    }
    if (p.perGhzSecond > 0.0) {
        char line[96];
        std::snprintf(line, sizeof line, "  per GHz-second: $%.10g\n", p.perGhzSecond);
        text += line;
    }
    char line[256];
    std::snprintf(
        line, sizeof line, "  duration rounded up to %g ms, at least %g ms; init (cold start) %s\n",
        p.granularityS * 1000.0, p.minimumBilledS * 1000.0, p.billInit ? "billed" : "not billed");
    text += line;
    if (p.provisionedPerGbSecond > 0.0) {
        std::snprintf(line, sizeof line,
                      "  provisioned: $%.10g per GB-s kept warm, $%.10g per GB-s executing\n",
                      p.provisionedPerGbSecond, p.provisionedExecutionPerGbSecond);
        text += line;
    }
    std::snprintf(line, sizeof line,
                  "  free tier (when apply_free_tier is true): %s requests, %s GB-s a month\n",
                  formatCount(p.freeTier.requests).c_str(),
                  formatCount(p.freeTier.gbSeconds).c_str());
    text += line;
    if (!p.notes.empty()) {
        text += "  notes: " + p.notes + "\n";
    }
    return text;
}

} // namespace

int pricingCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Lists the built-in pricing presets, or shows one in full "
                                     "with its source and date.");
    parser.addPositionalArgument("action", "list | show ID", "list|show");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    parser.addOption(help);
    if (!parseArguments(parser, arguments, "pricing")) {
        return ExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(help)) {
        printOut(parser.helpText()
                     .replace(QStringLiteral("faaslab-cli"), QStringLiteral("faaslab-cli pricing"))
                     .toStdString());
        return ExitSuccess;
    }
    const PricingCatalog& catalog = PricingCatalog::builtin();
    if (positional.size() == 1 && positional.front() == "list") {
        std::string text;
        std::size_t width = 0;
        for (const PricingPreset& preset : catalog.presets()) {
            width = std::max(width, preset.id.size());
        }
        for (const PricingPreset& preset : catalog.presets()) {
            text += preset.id + std::string(width + 2 - preset.id.size(), ' ') + preset.kind +
                    "  " + preset.document.value("product", "") + " (as of " +
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
        const auto pricing = readServerlessPreset(*preset, diagnostics);
        if (!pricing) {
            printError(QString::fromStdString(diagnostics.format(preset->fileName)));
            return ExitFailure;
        }
        printOut(id + ": " + describeServerless(*pricing));
        return ExitSuccess;
    }
    printError("faaslab-cli pricing: expected 'list' or 'show ID'\nTry 'faaslab-cli pricing "
               "--help'.");
    return ExitUsage;
}

} // namespace faaslab::cli
