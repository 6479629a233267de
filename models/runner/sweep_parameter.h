#pragma once

#include "models/billing/pricing_catalog.h"
#include "models/scenario/scenario.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// What a sweep can vary and how, without a window: the command line, the
// Sweep tab and runSweep() all ask here.

// Of a long array (a schedule of 100,000 steps) only the first elements are
// listed; any other path can still be given by hand.
inline constexpr std::size_t MaxListedArrayElements = 32;

// Every number of a scenario document, as a dotted path
// ("workload.arrivals.rate_per_s", "architectures[0].keep_alive_s"), in
// document order. Keys with a dot or a bracket cannot be written as a path
// and are left out.
std::vector<std::string> numericParameterPaths(const nlohmann::ordered_json& document);

// The unit of a field, from the naming convention of the scenario format
// (keyUnit: "_per_s" a rate, "_s" seconds, "_mb" "MB", ...; "" for a count
// or a fraction); a field of a price list has the price list's units
// (pricingFieldUnit: "USD per GB-s").
std::string parameterUnit(std::string_view path);

// The scenario with the number at `pointer` set to `value`, as the reader
// reads it; nullopt where the reader refuses it.
std::optional<Scenario> scenarioWithValue(const nlohmann::ordered_json& document,
                                          const nlohmann::ordered_json::json_pointer& pointer,
                                          double value, const PricingCatalog& catalog,
                                          const std::string& baseDirectory);

// Whether the reader takes only whole numbers for the field (fleet sizes,
// counts): it accepts floor(value) but refuses floor(value) + 0.5. A sweep
// of such a field then runs and bisects on whole numbers.
bool takesWholeNumbers(const nlohmann::ordered_json& document,
                       const nlohmann::ordered_json::json_pointer& pointer, double value,
                       const PricingCatalog& catalog, const std::string& baseDirectory);

} // namespace faaslab
