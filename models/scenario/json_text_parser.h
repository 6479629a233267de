#pragma once

#include "models/scenario/diagnostics.h"
#include "models/scenario/json_locator.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace faaslab {

// Turns the text of an input file into a JSON document, in time and memory
// linear in the length of the text, or reports why it cannot: a syntax error
// (with the place of the offending token) or a limit of JsonLocator (depth,
// number of values) with the place where it is broken. Nothing deeper than
// the limit is ever built, so no input can exhaust the stack.
//
// Objects keep the order of the text. A repeated key (which JsonLocator
// reports as an error) keeps its first place and takes its last value, as
// with the library's own parser.
class JsonTextParser {
public:
    using Json = nlohmann::ordered_json;

    // `locator` must have been made from the same text.
    static std::optional<Json> parse(std::string_view text, const JsonLocator& locator,
                                     Diagnostics& diagnostics);
};

} // namespace faaslab
