#pragma once

#include "models/scenario/scenario_reader.h"

#include <nlohmann/json.hpp>
#include <string>

namespace faaslab::test {

// Data-driven reader tests: each row breaks one rule of a valid document by
// setting the member at a JSON pointer (or removing it, for "<remove>") and
// names where the reader must say so and what its message must contain.

// The columns "pointer", "value", "path", "reason" of such a table.
void addBrokenRuleColumns();
void addBrokenRule(const char* name, const std::string& pointer, const std::string& value,
                   const char* path, const char* reason);

// `document` with the row's change applied (json or ordered_json).
template <typename Json>
Json withBrokenRule(Json document, const std::string& pointer, const std::string& value) {
    const typename Json::json_pointer where(pointer);
    if (value == "<remove>") {
        document[where.parent_pointer()].erase(where.back());
    } else {
        document[where] = Json::parse(value);
    }
    return document;
}

// Empty when `result` refused the scenario with a diagnostic at `path`,
// located in the text, whose message contains `reason`; otherwise what went
// wrong, with every diagnostic, for the failure message.
std::string brokenRuleMismatch(const ScenarioReadResult& result, const std::string& path,
                               const std::string& reason);

} // namespace faaslab::test
