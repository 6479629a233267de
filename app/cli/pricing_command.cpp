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
    text += p.info.provider + " — " + p.info.product + " (" + p.info.region + ", " +
            p.info.currency + ")\n";
    text += "  source: " + p.info.sourceUrl + "\n  as of:  " + p.info.asOf + "\n";
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
    if (!p.info.notes.empty()) {
        text += "  notes: " + p.info.notes + "\n";
    }
    return text;
}

std::string describeInfo(const std::string& id, const PriceListInfo& info) {
    return id + ": " + info.provider + " — " + info.product + " (" + info.region + ", " +
           info.currency + ")\n  source: " + info.sourceUrl + "\n  as of:  " + info.asOf + "\n";
}

std::string describeContainer(const std::string& id, const ContainerPricing& p) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "  billing: %s\n  per vCPU-second: $%.10g, per GiB-second: $%.10g, per million "
                  "requests: $%.4g\n  idle min-instances: $%.10g per vCPU-s, $%.10g per GiB-s\n"
                  "  billed periods rounded up to %g ms, at least %g s per start\n",
                  std::string(containerBillingName(p.billing)).c_str(), p.perVcpuSecond,
                  p.perGibSecond, p.perRequest * 1e6, p.idlePerVcpuSecond, p.idlePerGibSecond,
                  p.granularityS * 1000.0, p.minimumPerStartS);
    return describeInfo(id, p.info) + line + "  notes: " + p.info.notes + "\n";
}

std::string describeVm(const std::string& id, const VmPricing& p) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "  instance type: %s, %d vCPU, %g MiB\n  per hour: $%.6g, billed in %g s steps, "
                  "at least %g s per launch, discount %g %%\n",
                  p.instanceType.c_str(), p.vcpu, p.memoryMb, p.perHour, p.granularityS,
                  p.minimumPerStartS, p.discountPercent);
    return describeInfo(id, p.info) + line + "  notes: " + p.info.notes + "\n";
}

} // namespace

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
                text = id + ": " + describeServerless(*p);
            }
        } else if (preset->kind == "container") {
            if (const auto p = readContainerPreset(*preset, diagnostics)) {
                text = describeContainer(id, *p);
            }
        } else if (const auto p = readVmPreset(*preset, diagnostics)) {
            text = describeVm(id, *p);
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
