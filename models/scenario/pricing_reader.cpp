#include "models/scenario/pricing_reader.h"

#include "models/billing/price_list_description.h"

#include <cmath>
#include <set>

namespace faaslab {

namespace {

using Json = JsonObjectReader::Json;

const NumberRule MoneyPerUnit = NumberRule::nonNegative(1e6, "USD per unit; check the unit");
// At least 1 ns: finer is meaningless and would overflow the unit counts.
const NumberRule Granularity{1e-6, false, 3.6e6, "one hour", false};
const NumberRule BilledMinimum = NumberRule::nonNegative(3.6e6, "one hour");
const NumberRule MemoryMb = NumberRule::nonNegative(1048576, "1 TiB");
const NumberRule PositiveMemoryMb = NumberRule::positive(1048576, "1 TiB");
const NumberRule Allowance = NumberRule::nonNegative(1e15, "");
const NumberRule Ghz = NumberRule::positive(100, "100 GHz");

void readMetadata(JsonObjectReader& r, PriceListInfo& info) {
    info.provider = r.string("provider", info.provider, 200);
    info.product = r.string("product", info.product, 200);
    info.region = r.string("region", info.region, 100);
    info.currency = r.string("currency", info.currency, 10);
    info.sourceUrl = r.string("source_url", info.sourceUrl, 2000);
    info.asOf = r.string("as_of", info.asOf, 40);
    info.notes = r.string("notes", info.notes, 10000);
}

void readTiers(JsonObjectReader& r, ServerlessPricing& p) {
    const Json* tiers = r.array("per_gb_s_tiers", false);
    if (tiers == nullptr) {
        return;
    }
    if (tiers->empty()) {
        r.error("per_gb_s_tiers", "must list at least one tier");
        return;
    }
    std::vector<PriceTier> parsed;
    double previous = 0.0;
    for (std::size_t i = 0; i < tiers->size(); ++i) {
        const std::string path = r.childPath("per_gb_s_tiers") + '[' + std::to_string(i) + ']';
        if (!(*tiers)[i].is_object()) {
            r.diagnostics().error(path, "must be an object, got " +
                                            JsonObjectReader::describe((*tiers)[i]));
            continue;
        }
        JsonObjectReader tier(&(*tiers)[i], path, r.diagnostics());
        PriceTier t;
        t.price = tier.requiredNumber("per_gb_s", MoneyPerUnit).value_or(0.0);
        const bool last = i + 1 == tiers->size();
        if (last) {
            if (tier.has("up_to_gb_s")) {
                tier.error("up_to_gb_s", "must be absent on the last tier, which has no upper end");
                tier.allow("up_to_gb_s");
            }
        } else {
            const auto upTo = tier.requiredNumber("up_to_gb_s", NumberRule::positive(1e18, ""));
            if (upTo) {
                if (*upTo <= previous) {
                    tier.error("up_to_gb_s", "must be larger than the previous tier's (" +
                                                 formatNumber(previous) + ")");
                }
                t.upTo = *upTo;
                previous = *upTo;
            }
        }
        tier.finish();
        parsed.push_back(t);
    }
    p.perGbSecond = parsed;
}

void readMemoryTiers(JsonObjectReader& r, ServerlessPricing& p) {
    const Json* tiers = r.array("memory_tiers", false);
    if (tiers == nullptr) {
        return;
    }
    std::vector<MemoryTier> parsed;
    double previous = 0.0;
    for (std::size_t i = 0; i < tiers->size(); ++i) {
        const std::string path = r.childPath("memory_tiers") + '[' + std::to_string(i) + ']';
        if (!(*tiers)[i].is_object()) {
            r.diagnostics().error(path, "must be an object, got " +
                                            JsonObjectReader::describe((*tiers)[i]));
            continue;
        }
        JsonObjectReader tier(&(*tiers)[i], path, r.diagnostics());
        MemoryTier t;
        t.memoryMb = tier.requiredNumber("memory_mb", PositiveMemoryMb).value_or(0.0);
        t.cpuGhz = tier.requiredNumber("cpu_ghz", Ghz).value_or(0.0);
        if (t.memoryMb > 0.0 && t.memoryMb <= previous) {
            tier.error("memory_mb",
                       "must be larger than the previous tier's (" + formatNumber(previous) + ")");
        }
        previous = std::max(previous, t.memoryMb);
        tier.finish();
        parsed.push_back(t);
    }
    if (parsed.empty()) {
        r.error("memory_tiers", "must list at least one memory size");
    }
    p.memoryTiers = parsed;
}

// The rate fields shared by preset files and inline/override pricing.
// Absent fields keep the value already in `p`.
void readRates(JsonObjectReader& r, ServerlessPricing& p, bool complete) {
    if (const auto perMillion = complete ? r.requiredNumber("per_million_requests", MoneyPerUnit)
                                         : r.optionalNumber("per_million_requests", MoneyPerUnit)) {
        p.perRequest = *perMillion / 1e6;
    }

    const bool flat = r.has("per_gb_s");
    const bool tiered = r.has("per_gb_s_tiers");
    if (flat && tiered) {
        r.error("per_gb_s_tiers", "give either per_gb_s (one price) or per_gb_s_tiers, not both");
        r.allow("per_gb_s");
        r.allow("per_gb_s_tiers");
    } else if (tiered) {
        readTiers(r, p);
    } else if (flat || complete) {
        if (const auto price = complete ? r.requiredNumber("per_gb_s", MoneyPerUnit)
                                        : r.optionalNumber("per_gb_s", MoneyPerUnit)) {
            p.perGbSecond = {PriceTier{std::numeric_limits<double>::infinity(), *price}};
        }
    }

    p.perGhzSecond = r.number("per_ghz_s", MoneyPerUnit, p.perGhzSecond);
    if (const auto ms = r.optionalNumber("granularity_ms", Granularity)) {
        p.granularityS = *ms / 1000.0;
    }
    if (const auto ms = r.optionalNumber("minimum_billed_ms", BilledMinimum)) {
        p.minimumBilledS = *ms / 1000.0;
    }
    p.memoryIncrementMb = r.number("memory_increment_mb", PositiveMemoryMb, p.memoryIncrementMb);
    p.minimumMemoryMb = r.number("minimum_memory_mb", MemoryMb, p.minimumMemoryMb);
    p.maximumMemoryMb = r.number("maximum_memory_mb", MemoryMb, p.maximumMemoryMb);
    readMemoryTiers(r, p);
    if (p.perGhzSecond > 0.0 && p.memoryTiers.empty()) {
        r.error("per_ghz_s",
                "needs memory_tiers, which give the CPU clock (cpu_ghz) of each memory size");
    }
    p.billInit = r.boolean("bill_init", p.billInit);

    JsonObjectReader provisioned = r.object("provisioned", false);
    if (provisioned.valid()) {
        // Inline prices need both rates; an override may change one.
        if (complete) {
            p.provisionedPerGbSecond =
                provisioned.requiredNumber("per_gb_s", MoneyPerUnit).value_or(0.0);
            p.provisionedExecutionPerGbSecond =
                provisioned.requiredNumber("execution_per_gb_s", MoneyPerUnit).value_or(0.0);
        } else {
            p.provisionedPerGbSecond =
                provisioned.number("per_gb_s", MoneyPerUnit, p.provisionedPerGbSecond);
            p.provisionedExecutionPerGbSecond = provisioned.number(
                "execution_per_gb_s", MoneyPerUnit, p.provisionedExecutionPerGbSecond);
        }
        p.provisionedGranularityS = provisioned.number(
            "granularity_s", NumberRule::nonNegative(86400, "one day"), p.provisionedGranularityS);
        provisioned.finish();
    }
    JsonObjectReader free = r.object("free_tier", false);
    if (free.valid()) {
        // Absent allowances keep the preset's (an override of one keeps the rest).
        p.freeTier.requests = free.number("requests", Allowance, p.freeTier.requests);
        p.freeTier.gbSeconds = free.number("gb_s", Allowance, p.freeTier.gbSeconds);
        p.freeTier.ghzSeconds = free.number("ghz_s", Allowance, p.freeTier.ghzSeconds);
        free.finish();
    }
    p.applyFreeTier = r.boolean("apply_free_tier", p.applyFreeTier);
}

// Container price lists: request-based or instance-based, rates per vCPU and
// per GiB by the second or by the hour.
void readPerSecondOrHour(JsonObjectReader& r, const char* perSecond, const char* perHour,
                         double& into, bool required) {
    const bool second = r.has(perSecond);
    const bool hour = r.has(perHour);
    if (second && hour) {
        r.error(perHour, std::string("give either ") + perSecond + " or " + perHour + ", not both");
        r.allow(perSecond);
        r.allow(perHour);
        return;
    }
    if (hour) {
        if (const auto v = r.optionalNumber(perHour, MoneyPerUnit)) {
            into = *v / 3600.0;
        }
        return;
    }
    if (second || required) {
        if (const auto v = required && !second ? r.requiredNumber(perSecond, MoneyPerUnit)
                                               : r.optionalNumber(perSecond, MoneyPerUnit)) {
            into = *v;
        }
        return;
    }
    r.allow(perSecond);
    r.allow(perHour);
}

void readContainerRates(JsonObjectReader& r, ContainerPricing& p, bool complete) {
    if (complete || r.has("billing")) {
        if (const auto billing = r.requiredChoice("billing", {"request_based", "instance_based"})) {
            p.billing = *billing == "request_based" ? ContainerBilling::RequestBased
                                                    : ContainerBilling::InstanceBased;
        }
    } else {
        r.allow("billing");
    }
    readPerSecondOrHour(r, "per_vcpu_s", "per_vcpu_hour", p.perVcpuSecond, complete);
    readPerSecondOrHour(r, "per_gib_s", "per_gib_hour", p.perGibSecond, complete);
    if (const auto perMillion = r.optionalNumber("per_million_requests", MoneyPerUnit)) {
        p.perRequest = *perMillion / 1e6;
    }
    p.idlePerVcpuSecond = r.number("idle_per_vcpu_s", MoneyPerUnit, p.idlePerVcpuSecond);
    p.idlePerGibSecond = r.number("idle_per_gib_s", MoneyPerUnit, p.idlePerGibSecond);
    if (const auto ms = r.optionalNumber("granularity_ms", Granularity)) {
        p.granularityS = *ms / 1000.0;
    }
    p.minimumPerStartS = r.number("minimum_per_start_s", NumberRule::nonNegative(86400, "one day"),
                                  p.minimumPerStartS);
    JsonObjectReader free = r.object("free_tier", false);
    if (free.valid()) {
        p.freeTier.vcpuSeconds = free.number("vcpu_s", Allowance, p.freeTier.vcpuSeconds);
        p.freeTier.gibSeconds = free.number("gib_s", Allowance, p.freeTier.gibSeconds);
        p.freeTier.requests = free.number("requests", Allowance, p.freeTier.requests);
        free.finish();
    }
    p.applyFreeTier = r.boolean("apply_free_tier", p.applyFreeTier);
}

void readVmRates(JsonObjectReader& r, VmPricing& p, bool complete) {
    p.instanceType = r.string("instance_type", p.instanceType, 100);
    p.vcpu = static_cast<int>(r.integer("vcpu", NumberRule::count(1, 1024, "1024 vCPUs"), p.vcpu));
    p.memoryMb = r.number("memory_mb", PositiveMemoryMb, p.memoryMb);
    if (const auto perHour = complete ? r.requiredNumber("per_hour", MoneyPerUnit)
                                      : r.optionalNumber("per_hour", MoneyPerUnit)) {
        p.perHour = *perHour;
    }
    p.granularityS =
        r.number("granularity_s", NumberRule::positive(86400, "one day"), p.granularityS);
    p.minimumPerStartS =
        r.number("minimum_billed_s", NumberRule::nonNegative(86400, "one day"), p.minimumPerStartS);
    p.discountPercent =
        r.number("discount_percent", NumberRule{0.0, false, 99.0, "a discount above 99 %", false},
                 p.discountPercent);
}

// Reads a preset document of `kind` with `readRates`.
template <typename Pricing, typename ReadRates>
std::optional<Pricing> readPreset(const PricingPreset& preset, Diagnostics& diagnostics,
                                  std::string_view kind, ReadRates readRates) {
    Diagnostics local;
    JsonObjectReader r(&preset.document, "", local);
    const auto format = r.requiredString("format");
    if (format && *format != PricingFormat) {
        r.error("format",
                "must be \"" + std::string(PricingFormat) + "\", got \"" + *format + "\"");
    }
    Pricing p;
    p.info.presetId = r.requiredString("id", 100).value_or("");
    const auto actualKind = r.requiredChoice("kind", {"serverless", "container", "vm"});
    if (actualKind && *actualKind != kind) {
        r.error("kind", "must be \"" + std::string(kind) + "\" here, got \"" + *actualKind + "\"");
    }
    readMetadata(r, p.info);
    readRates(r, p, true);
    r.finish();
    for (const Diagnostic& d : local.items()) {
        diagnostics.error(d.path, d.message);
    }
    if (local.hasErrors()) {
        return std::nullopt;
    }
    return p;
}

// Reads an architecture's "pricing" member: a preset name, a preset with
// overrides, or a complete inline price list of `kind`.
template <typename Pricing, typename ReadRates>
std::optional<Pricing> readPricing(JsonObjectReader& architecture, const PricingCatalog& catalog,
                                   std::string_view kind, const char* example,
                                   ReadRates readRates) {
    const Json* member = architecture.member("pricing");
    const std::string path = architecture.childPath("pricing");
    Diagnostics& diagnostics = architecture.diagnostics();
    if (member == nullptr) {
        architecture.error("pricing",
                           std::string("is required but missing: name a preset (e.g. \"") +
                               example + "\") or give the rates inline");
        return std::nullopt;
    }
    // "pricing": "aws-lambda-x86" is shorthand for {"preset": "aws-lambda-x86"}.
    Json normalised = member->is_string() ? Json{{"preset", *member}} : *member;
    if (!normalised.is_object()) {
        architecture.error("pricing", "must be a preset name or an object, got " +
                                          JsonObjectReader::describe(*member));
        return std::nullopt;
    }
    JsonObjectReader r(&normalised, path, diagnostics);
    const std::size_t errorsBefore = diagnostics.count();
    // With the shorthand the user wrote no "preset" key: point at "pricing".
    const bool shorthand = member->is_string();
    auto presetError = [&](std::string message) {
        if (shorthand) {
            architecture.error("pricing", std::move(message));
        } else {
            r.error("preset", std::move(message));
        }
    };

    Pricing pricing;
    bool complete = true;
    if (r.has("preset")) {
        complete = false;
        const auto id = r.requiredString("preset", 100);
        if (!id) {
            return std::nullopt;
        }
        const PricingPreset* preset = catalog.find(*id);
        const std::vector<std::string> choices = catalog.ids(std::string(kind));
        if (preset == nullptr) {
            std::set<std::string> candidates(choices.begin(), choices.end());
            std::string message = "unknown pricing preset \"" + *id + "\"";
            const std::string nearest = nearestWord(*id, candidates);
            if (!nearest.empty()) {
                message += "; did you mean \"" + nearest + "\"?";
            }
            message += " (" + std::string(kind) + " presets:";
            for (const std::string& c : choices) {
                message += ' ' + c;
            }
            message += ')';
            presetError(message);
            return std::nullopt;
        }
        if (preset->kind != kind) {
            presetError("\"" + *id + "\" is a " + preset->kind + " price list; a " +
                        std::string(kind) + " architecture needs a " + std::string(kind) + " one");
            return std::nullopt;
        }
        Diagnostics presetProblems;
        auto presetPricing = readPreset<Pricing>(*preset, presetProblems, kind, readRates);
        if (!presetPricing) {
            for (const Diagnostic& d : presetProblems.items()) {
                presetError("preset file " + preset->fileName +
                            " is invalid: " + (d.path.empty() ? "" : d.path + ": ") + d.message);
            }
            return std::nullopt;
        }
        pricing = *presetPricing;
    }
    readMetadata(r, pricing.info);
    readRates(r, pricing, complete);
    r.finish();
    if (diagnostics.count() != errorsBefore) {
        return std::nullopt;
    }
    return pricing;
}

} // namespace

std::optional<ServerlessPricing> readServerlessPreset(const PricingPreset& preset,
                                                      Diagnostics& diagnostics) {
    return readPreset<ServerlessPricing>(preset, diagnostics, "serverless", readRates);
}

std::optional<ContainerPricing> readContainerPreset(const PricingPreset& preset,
                                                    Diagnostics& diagnostics) {
    return readPreset<ContainerPricing>(preset, diagnostics, "container", readContainerRates);
}

std::optional<VmPricing> readVmPreset(const PricingPreset& preset, Diagnostics& diagnostics) {
    return readPreset<VmPricing>(preset, diagnostics, "vm", readVmRates);
}

std::optional<std::string> describePreset(const PricingPreset& preset, Diagnostics& diagnostics) {
    if (preset.kind == "serverless") {
        if (const auto p = readServerlessPreset(preset, diagnostics)) {
            return describeServerlessPricing(preset.id, *p);
        }
    } else if (preset.kind == "container") {
        if (const auto p = readContainerPreset(preset, diagnostics)) {
            return describeContainerPricing(preset.id, *p);
        }
    } else if (preset.kind == "vm") {
        if (const auto p = readVmPreset(preset, diagnostics)) {
            return describeVmPricing(preset.id, *p);
        }
    } else {
        diagnostics.error("kind", "must be one of \"serverless\", \"container\", \"vm\", got \"" +
                                      preset.kind + "\"");
    }
    return std::nullopt;
}

std::optional<ServerlessPricing> readServerlessPricing(JsonObjectReader& architecture,
                                                       const PricingCatalog& catalog) {
    return readPricing<ServerlessPricing>(architecture, catalog, "serverless", "aws-lambda-x86",
                                          readRates);
}

std::optional<ContainerPricing> readContainerPricing(JsonObjectReader& architecture,
                                                     const PricingCatalog& catalog) {
    return readPricing<ContainerPricing>(architecture, catalog, "container",
                                         "gcp-cloud-run-request", readContainerRates);
}

std::optional<VmPricing> readVmPricing(JsonObjectReader& architecture,
                                       const PricingCatalog& catalog) {
    return readPricing<VmPricing>(architecture, catalog, "vm", "aws-ec2-m5-large", readVmRates);
}

} // namespace faaslab
