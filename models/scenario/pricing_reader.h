#pragma once

#include "models/billing/container_pricing.h"
#include "models/billing/pricing_catalog.h"
#include "models/billing/serverless_pricing.h"
#include "models/billing/vm_pricing.h"
#include "models/scenario/json_object_reader.h"

#include <optional>

namespace faaslab {

inline constexpr std::string_view PricingFormat = "faaslab.pricing/1";

// Read a price list of each kind from a preset document (a whole
// resources/pricing file); problems are reported with their JSON paths.
std::optional<ServerlessPricing> readServerlessPreset(const PricingPreset& preset,
                                                      Diagnostics& diagnostics);

std::optional<ContainerPricing> readContainerPreset(const PricingPreset& preset,
                                                    Diagnostics& diagnostics);
std::optional<VmPricing> readVmPreset(const PricingPreset& preset, Diagnostics& diagnostics);

// Reads a preset of whichever kind it declares and describes it as
// `pricing show` prints it (price_list_description.h); nothing, with the
// problems in `diagnostics`, when the preset is invalid.
std::optional<std::string> describePreset(const PricingPreset& preset, Diagnostics& diagnostics);

// Read the "pricing" member of an architecture of each kind: a preset name
// ("aws-lambda-x86", or {"preset": "aws-lambda-x86", ...overrides}) or a
// complete inline price list. Rate fields next to "preset" override the
// preset's values.
std::optional<ServerlessPricing> readServerlessPricing(JsonObjectReader& architecture,
                                                       const PricingCatalog& catalog);
std::optional<ContainerPricing> readContainerPricing(JsonObjectReader& architecture,
                                                     const PricingCatalog& catalog);
std::optional<VmPricing> readVmPricing(JsonObjectReader& architecture,
                                       const PricingCatalog& catalog);

} // namespace faaslab
