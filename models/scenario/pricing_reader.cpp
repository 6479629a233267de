#include "models/scenario/pricing_reader.h"

#include <cmath>
#include <set>

namespace faaslab {

namespace {

using Json = JsonObjectReader::Json;

const NumberRule MoneyPerUnit = NumberRule::nonNegative(1e6, "USD per unit; check the unit");
const NumberRule Granularity = NumberRule::positive(3.6e6, "one hour");
const NumberRule BilledMinimum = NumberRule::nonNegative(3.6e6, "one hour");
const NumberRule MemoryMb = NumberRule::nonNegative(1048576, "1 TiB");
const NumberRule PositiveMemoryMb = NumberRule::positive(1048576, "1 TiB");
const NumberRule Allowance = NumberRule::nonNegative(1e15, "");
const NumberRule Ghz = NumberRule::positive(100, "100 GHz");

void readMetadata(JsonObjectReader& r, ServerlessPricing& p) {
    p.provider = r.string("provider", p.provider, 200);
    p.product = r.string("product", p.product, 200);
    p.region = r.string("region", p.region, 100);
    p.currency = r.string("currency", p.currency, 10);
    p.sourceUrl = r.string("source_url", p.sourceUrl, 2000);
    p.asOf = r.string("as_of", p.asOf, 40);
    p.notes = r.string("notes", p.notes, 10000);
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
        p.provisionedPerGbSecond =
            provisioned.requiredNumber("per_gb_s", MoneyPerUnit).value_or(0.0);
        p.provisionedExecutionPerGbSecond =
            provisioned.requiredNumber("execution_per_gb_s", MoneyPerUnit).value_or(0.0);
        p.provisionedGranularityS = provisioned.number(
            "granularity_s", NumberRule::nonNegative(86400, "one day"), p.provisionedGranularityS);
        provisioned.finish();
    }
    JsonObjectReader free = r.object("free_tier", false);
    if (free.valid()) {
        p.freeTier.requests = free.number("requests", Allowance, 0.0);
        p.freeTier.gbSeconds = free.number("gb_s", Allowance, 0.0);
        p.freeTier.ghzSeconds = free.number("ghz_s", Allowance, 0.0);
        free.finish();
    }
    p.applyFreeTier = r.boolean("apply_free_tier", p.applyFreeTier);
}

} // namespace

std::optional<ServerlessPricing> readServerlessPreset(const PricingPreset& preset,
                                                      Diagnostics& diagnostics) {
    Diagnostics local;
    JsonObjectReader r(&preset.document, "", local);
    const auto format = r.requiredString("format");
    if (format && *format != PricingFormat) {
        r.error("format",
                "must be \"" + std::string(PricingFormat) + "\", got \"" + *format + "\"");
    }
    ServerlessPricing p;
    p.presetId = r.requiredString("id", 100).value_or("");
    r.requiredChoice("kind", {"serverless"});
    readMetadata(r, p);
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

std::optional<ServerlessPricing> readServerlessPricing(JsonObjectReader& architecture,
                                                       const PricingCatalog& catalog) {
    const Json* member = architecture.member("pricing");
    const std::string path = architecture.childPath("pricing");
    Diagnostics& diagnostics = architecture.diagnostics();
    if (member == nullptr) {
        architecture.error("pricing",
                           "is required but missing: name a preset (e.g. \"aws-lambda-x86\") or "
                           "give the rates inline");
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
    const std::size_t errorsBefore = diagnostics.items().size();
    // With the shorthand the user wrote no "preset" key: point at "pricing".
    const bool shorthand = member->is_string();
    auto presetError = [&](std::string message) {
        if (shorthand) {
            architecture.error("pricing", std::move(message));
        } else {
            r.error("preset", std::move(message));
        }
    };

    ServerlessPricing pricing;
    bool complete = true;
    if (r.has("preset")) {
        complete = false;
        const auto id = r.requiredString("preset", 100);
        if (!id) {
            return std::nullopt;
        }
        const PricingPreset* preset = catalog.find(*id);
        const std::vector<std::string> choices = catalog.ids("serverless");
        if (preset == nullptr) {
            std::set<std::string> candidates(choices.begin(), choices.end());
            std::string message = "unknown pricing preset \"" + *id + "\"";
            const std::string nearest = nearestWord(*id, candidates);
            if (!nearest.empty()) {
                message += "; did you mean \"" + nearest + "\"?";
            }
            message += " (serverless presets:";
            for (const std::string& c : choices) {
                message += ' ' + c;
            }
            message += ')';
            presetError(message);
            return std::nullopt;
        }
        if (preset->kind != "serverless") {
            presetError("\"" + *id + "\" is a " + preset->kind +
                        " price list; a serverless architecture needs a serverless one");
            return std::nullopt;
        }
        Diagnostics presetProblems;
        auto presetPricing = readServerlessPreset(*preset, presetProblems);
        if (!presetPricing) {
            for (const Diagnostic& d : presetProblems.items()) {
                presetError("preset file " + preset->fileName +
                            " is invalid: " + (d.path.empty() ? "" : d.path + ": ") + d.message);
            }
            return std::nullopt;
        }
        pricing = *presetPricing;
    } else {
        pricing.presetId.clear();
    }
    readMetadata(r, pricing);
    readRates(r, pricing, complete);
    r.finish();
    if (diagnostics.items().size() != errorsBefore) {
        return std::nullopt;
    }
    return pricing;
}

} // namespace faaslab
