#include "models/scenario/json_diff.h"

#include "models/scenario/json_object_reader.h"

#include <algorithm>

namespace faaslab {

using Json = nlohmann::ordered_json;

namespace {

std::string memberPath(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + '.' + key;
}

void collect(const std::string& path, const Json* before, const Json* after,
             std::vector<JsonChange>& out) {
    if (before != nullptr && after != nullptr) {
        if (before->is_object() && after->is_object()) {
            for (const auto& [key, value] : before->items()) {
                const auto other = after->find(key);
                collect(memberPath(path, key), &value, other != after->end() ? &*other : nullptr,
                        out);
            }
            for (const auto& [key, value] : after->items()) {
                if (!before->contains(key)) {
                    collect(memberPath(path, key), nullptr, &value, out);
                }
            }
            return;
        }
        if (before->is_array() && after->is_array()) {
            const std::size_t n = std::max(before->size(), after->size());
            for (std::size_t i = 0; i < n; ++i) {
                collect(indexPath(path, i), i < before->size() ? &(*before)[i] : nullptr,
                        i < after->size() ? &(*after)[i] : nullptr, out);
            }
            return;
        }
        // 600 and 600.0 are the same setting.
        const bool same = before->is_number() && after->is_number()
                              ? before->get<double>() == after->get<double>()
                              : *before == *after;
        if (same) {
            return;
        }
    }
    JsonChange change;
    change.path = path;
    if (before != nullptr) {
        change.before = *before;
    }
    if (after != nullptr) {
        change.after = *after;
    }
    out.push_back(std::move(change));
}

} // namespace

std::vector<JsonChange> jsonDifferences(const Json& before, const Json& after) {
    std::vector<JsonChange> out;
    collect({}, &before, &after, out);
    return out;
}

std::string jsonChangeText(const std::optional<Json>& value) {
    if (!value) {
        return "(not set)";
    }
    if (value->is_number()) {
        return formatNumber(value->get<double>());
    }
    return value->dump();
}

} // namespace faaslab
