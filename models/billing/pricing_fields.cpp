#include "models/billing/pricing_fields.h"

#include "models/format/json_path.h"
#include "models/format/key_unit.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

namespace faaslab {

using Json = nlohmann::ordered_json;

namespace {

// Billed quantities, by the suffix the pricing format gives them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> Quantities{{
    {"gb_s", "GB-s"},
    {"gib_s", "GiB-s"},
    {"vcpu_s", "vCPU-s"},
    {"ghz_s", "GHz-s"},
    {"vcpu_hour", "vCPU-hour"},
    {"gib_hour", "GiB-hour"},
    {"gb_hour", "GB-hour"},
    {"hour", "hour"},
}};

std::string_view quantity(std::string_view name) {
    for (const auto& [suffix, unit] : Quantities) {
        if (name == suffix) {
            return unit;
        }
    }
    return {};
}

void collect(const Json& node, const std::string& path, std::vector<PricingField>& out) {
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            collect(value, memberPath(path, key), out);
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            collect(node[i], indexPath(path, i), out);
        }
    } else if (node.is_number()) {
        out.push_back(PricingField{path, node.get<double>(), pricingFieldUnit(path)});
    }
}

// The node at dotted `path`; null when the path is malformed or leads
// nowhere.
Json* resolve(Json& document, std::string_view path) {
    std::string problem;
    const auto steps = splitDottedPath(path, problem);
    if (!steps) {
        return nullptr;
    }
    Json* node = &document;
    for (const auto& [token, index] : *steps) {
        if (index) {
            if (!node->is_array() || token.size() > 9 ||
                token.find_first_not_of("0123456789") != std::string::npos ||
                std::stoull(token) >= node->size()) {
                return nullptr;
            }
            node = &(*node)[std::stoull(token)];
        } else {
            if (!node->is_object() || !node->contains(token)) {
                return nullptr;
            }
            node = &(*node)[token];
        }
    }
    return node;
}

} // namespace

std::string pricingFieldUnit(std::string_view path) {
    const std::string_view name = lastKey(path);
    const bool freeTier = path.starts_with("free_tier.");
    if (name == "per_million_requests") {
        return "USD per 1M requests";
    }
    if (const std::size_t per = name.find("per_"); per != std::string_view::npos) {
        if (const auto q = quantity(name.substr(per + 4)); !q.empty()) {
            return "USD per " + std::string(q);
        }
    }
    if (name.starts_with("up_to_")) {
        return std::string(quantity(name.substr(6)));
    }
    if (freeTier) {
        if (name == "requests") {
            return "requests";
        }
        return std::string(quantity(name));
    }
    return keyUnit(name);
}

std::vector<PricingField> pricingFields(const Json& document) {
    std::vector<PricingField> fields;
    collect(document, "", fields);
    return fields;
}

bool setPricingField(Json& document, std::string_view path, double value) {
    Json* node = resolve(document, path);
    if (node == nullptr || !node->is_number()) {
        return false;
    }
    // Whole numbers stay integers, so an edited file reads like the original.
    if (node->is_number_integer() && std::floor(value) == value && std::abs(value) < 9e15) {
        *node = static_cast<std::int64_t>(value);
    } else {
        *node = value;
    }
    return true;
}

} // namespace faaslab
