#include "models/runner/sweep_parameter.h"

#include "models/billing/pricing_fields.h"
#include "models/format/json_path.h"
#include "models/format/key_unit.h"
#include "models/scenario/scenario_reader.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

namespace {

using Json = nlohmann::ordered_json;

void collectNumericPaths(const Json& node, const std::string& path, std::vector<std::string>& out) {
    if (node.is_number()) {
        if (!path.empty()) {
            out.push_back(path);
        }
    } else if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string& key = it.key();
            if (key.empty() || key.find_first_of(".[]") != std::string::npos) {
                continue;
            }
            collectNumericPaths(it.value(), memberPath(path, key), out);
        }
    } else if (node.is_array()) {
        const std::size_t n = std::min(node.size(), MaxListedArrayElements);
        for (std::size_t i = 0; i < n; ++i) {
            collectNumericPaths(node[i], indexPath(path, i), out);
        }
    }
}

} // namespace

std::vector<std::string> numericParameterPaths(const Json& document) {
    std::vector<std::string> paths;
    collectNumericPaths(document, {}, paths);
    return paths;
}

std::string parameterUnit(std::string_view path) {
    // A rate of an inline price list or an override has the price list's
    // units ("USD per GB-s"), not the seconds its "_s" would suggest.
    if (const std::size_t pricing = path.find(".pricing."); pricing != std::string_view::npos) {
        return pricingFieldUnit(path.substr(pricing + 9));
    }
    return keyUnit(lastKey(path));
}

std::optional<Scenario> scenarioWithValue(const Json& document, const Json::json_pointer& pointer,
                                          double value, const PricingCatalog& catalog,
                                          const std::string& baseDirectory) {
    Json copy = document;
    copy[pointer] = value;
    return ScenarioReader(catalog).setBaseDirectory(baseDirectory).readJson(copy).scenario;
}

bool takesWholeNumbers(const Json& document, const Json::json_pointer& pointer, double value,
                       const PricingCatalog& catalog, const std::string& baseDirectory) {
    const double probe = std::floor(value);
    return scenarioWithValue(document, pointer, probe, catalog, baseDirectory).has_value() &&
           !scenarioWithValue(document, pointer, probe + 0.5, catalog, baseDirectory).has_value();
}

} // namespace faaslab
