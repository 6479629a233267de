#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// One number of a price list document: a rate, a rounding granularity, a
// minimum or a free-tier allowance. `path` is written the way the readers
// report problems ("per_gb_s_tiers[1].per_gb_s", "free_tier.requests").
struct PricingField {
    std::string path;
    double value = 0.0;
    std::string unit;
};

// Every number in a preset document (format "faaslab.pricing/1"), in
// document order, with its unit.
std::vector<PricingField> pricingFields(const nlohmann::ordered_json& document);

// The unit of a price list field, from the naming rules of the pricing
// format: "per_gb_s" is USD per GB-s, "granularity_ms" milliseconds,
// "free_tier.vcpu_s" vCPU-seconds. Empty when the field has no unit.
std::string pricingFieldUnit(std::string_view path);

// Sets the number at `path` (an existing numeric field); false when the path
// names no number in `document`.
bool setPricingField(nlohmann::ordered_json& document, std::string_view path, double value);

} // namespace faaslab
