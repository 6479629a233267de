#include "models/runner/sweep_parameter.h"

#include "models/scenario/json_path.h"
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
    const std::size_t dot = path.rfind('.');
    const std::string_view name = dot == std::string_view::npos ? path : path.substr(dot + 1);
    if (name.ends_with("_per_s")) {
        return "per s";
    }
    if (name.ends_with("_s")) {
        return "s";
    }
    if (name.ends_with("_mb")) {
        return "MB";
    }
    if (name.ends_with("_gb")) {
        return "GB";
    }
    if (name.ends_with("_ghz")) {
        return "GHz";
    }
    if (name.ends_with("_percent")) {
        return "%";
    }
    return {};
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
