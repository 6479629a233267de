#include "models/billing/price_list_description.h"

#include "models/format/number_format.h"

#include <cmath>
#include <cstdio>

namespace faaslab {

namespace {

std::string describeServerlessBody(const ServerlessPricing& p) {
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

} // namespace

std::string describePriceListInfo(const std::string& id, const PriceListInfo& info) {
    return id + ": " + info.provider + " — " + info.product + " (" + info.region + ", " +
           info.currency + ")\n  source: " + info.sourceUrl + "\n  as of:  " + info.asOf + "\n";
}

std::string describeContainerPricing(const std::string& id, const ContainerPricing& p) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "  billing: %s\n  per vCPU-second: $%.10g, per GiB-second: $%.10g, per million "
                  "requests: $%.4g\n  idle min-instances: $%.10g per vCPU-s, $%.10g per GiB-s\n"
                  "  billed periods rounded up to %g ms, at least %g s per start\n",
                  std::string(containerBillingName(p.billing)).c_str(), p.perVcpuSecond,
                  p.perGibSecond, p.perRequest * 1e6, p.idlePerVcpuSecond, p.idlePerGibSecond,
                  p.granularityS * 1000.0, p.minimumPerStartS);
    return describePriceListInfo(id, p.info) + line + "  notes: " + p.info.notes + "\n";
}

std::string describeVmPricing(const std::string& id, const VmPricing& p) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "  instance type: %s, %d vCPU, %g MiB\n  per hour: $%.6g, billed in %g s steps, "
                  "at least %g s per launch, discount %g %%\n",
                  p.instanceType.c_str(), p.vcpu, p.memoryMb, p.perHour, p.granularityS,
                  p.minimumPerStartS, p.discountPercent);
    return describePriceListInfo(id, p.info) + line + "  notes: " + p.info.notes + "\n";
}

std::string describeServerlessPricing(const std::string& id, const ServerlessPricing& pricing) {
    return id + ": " + describeServerlessBody(pricing);
}

} // namespace faaslab
