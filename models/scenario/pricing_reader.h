#pragma once

#include "models/billing/pricing_catalog.h"
#include "models/billing/serverless_pricing.h"
#include "models/scenario/json_object_reader.h"

#include <optional>

namespace faaslab {

inline constexpr std::string_view PricingFormat = "faaslab.pricing/1";

// Reads a serverless price list from a preset document (a whole
// resources/pricing file) and reports problems against `sourceName`.
std::optional<ServerlessPricing> readServerlessPreset(const PricingPreset& preset,
                                                      Diagnostics& diagnostics);

// Reads the "pricing" member of a serverless architecture: a preset name
// ("aws-lambda-x86", or {"preset": "aws-lambda-x86", ...overrides}) or a
// complete inline price list. Rate fields next to "preset" override the
// preset's values.
std::optional<ServerlessPricing> readServerlessPricing(JsonObjectReader& architecture,
                                                       const PricingCatalog& catalog);

} // namespace faaslab
