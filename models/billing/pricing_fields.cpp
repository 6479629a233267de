#include "models/billing/pricing_fields.h"

#include <array>
#include <cmath>
#include <cstdint>
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

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

void collect(const Json& node, const std::string& path, std::vector<PricingField>& out) {
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            collect(value, path.empty() ? key : path + "." + key, out);
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            collect(node[i], path + "[" + std::to_string(i) + "]", out);
        }
    } else if (node.is_number()) {
        out.push_back(PricingField{path, node.get<double>(), pricingFieldUnit(path)});
    }
}

// Splits "a.b[2].c" into steps; false on a malformed path.
Json* resolve(Json& document, std::string_view path) {
    Json* node = &document;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos || !node->is_array()) {
                return nullptr;
            }
            std::size_t index = 0;
            for (std::size_t k = i + 1; k < close; ++k) {
                if (path[k] < '0' || path[k] > '9') {
                    return nullptr;
                }
                index = index * 10 + static_cast<std::size_t>(path[k] - '0');
            }
            if (close == i + 1 || index >= node->size()) {
                return nullptr;
            }
            node = &(*node)[index];
            i = close + 1;
            if (i < path.size() && path[i] == '.') {
                ++i;
            }
            continue;
        }
        const std::size_t end = path.find_first_of(".[", i);
        const std::string key(path.substr(i, end == std::string_view::npos ? end : end - i));
        if (!node->is_object() || !node->contains(key)) {
            return nullptr;
        }
        node = &(*node)[key];
        i = end == std::string_view::npos ? path.size() : end;
        if (i < path.size() && path[i] == '.') {
            ++i;
        }
    }
    return node;
}

} // namespace

std::string pricingFieldUnit(std::string_view path) {
    const std::size_t dot = path.find_last_of(".]");
    const std::string_view name = dot == std::string_view::npos ? path : path.substr(dot + 1);
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
    if (endsWith(name, "_ms")) {
        return "ms";
    }
    if (endsWith(name, "_mb")) {
        return "MB";
    }
    if (endsWith(name, "_percent")) {
        return "%";
    }
    if (endsWith(name, "_ghz")) {
        return "GHz";
    }
    if (endsWith(name, "_s")) {
        return "s";
    }
    if (name == "vcpu") {
        return "vCPU";
    }
    return {};
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
