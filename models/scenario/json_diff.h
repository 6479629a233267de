#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// One value that differs between two JSON documents: where, in the dotted
// form the scenario reader's messages use ("architectures[0].keep_alive_s"),
// and the value on each side (absent when that side has no such member).
struct JsonChange {
    std::string path;
    std::optional<nlohmann::ordered_json> before;
    std::optional<nlohmann::ordered_json> after;
};

// Every leaf that differs between `before` and `after`, in the order of
// `before` with members only `after` has after them. Objects are compared
// member by member and arrays element by element, so a changed keep-alive
// is one change, not "the architectures differ". A value whose type
// changed (a number that became an object) is one change at that path.
std::vector<JsonChange> jsonDifferences(const nlohmann::ordered_json& before,
                                        const nlohmann::ordered_json& after);

// A value as a change list shows it: numbers as the shortest text that
// reads back (formatNumber), strings quoted, objects and arrays as compact
// JSON; "(not set)" for an absent value.
std::string jsonChangeText(const std::optional<nlohmann::ordered_json>& value);

} // namespace faaslab
