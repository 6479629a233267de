#pragma once

#include "models/format/number_format.h"
#include "models/scenario/diagnostics.h"
#include "models/format/json_path.h"

#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// The admissible range of a number field. Every numeric field of every input
// file is read through one of these, so the rule and its message are written
// once.
struct NumberRule {
    double min = 0.0;
    bool minExclusive = false;
    double max = 0.0;
    // Why larger values are refused ("10 years"), shown in the message.
    std::string_view maxReason;
    bool integer = false;

    static NumberRule positive(double max, std::string_view reason) {
        return {0.0, true, max, reason, false};
    }
    static NumberRule nonNegative(double max, std::string_view reason) {
        return {0.0, false, max, reason, false};
    }
    static NumberRule fraction() { return {0.0, false, 1.0, "", false}; }
    static NumberRule count(double min, double max, std::string_view reason) {
        return {min, false, max, reason, true};
    }

    // Empty when `value` satisfies the rule, else the reason it does not.
    std::string violation(double value) const;
};

// Reads the members of one JSON object, checking each against its rule and
// recording every problem in a Diagnostics list with the member's path. Keys
// the caller never asks for are reported by finish() as unknown, with the
// nearest known key suggested.
//
// Absent optional members take their default silently; absent required ones,
// wrong types and broken rules produce one diagnostic each and an empty
// optional, so the caller can carry on and report everything in one pass.
class JsonObjectReader {
public:
    using Json = nlohmann::ordered_json;

    // `node` may be null (a missing required object was already reported).
    JsonObjectReader(const Json* node, std::string path, Diagnostics& diagnostics);

    bool valid() const { return m_node != nullptr && m_node->is_object(); }
    const std::string& path() const { return m_path; }
    std::string childPath(std::string_view key) const;
    Diagnostics& diagnostics() { return m_diagnostics; }

    bool has(std::string_view key) const;
    // The raw member (marks the key as known), or nullptr.
    const Json* member(std::string_view key);
    // Declares a key as allowed without reading it (read elsewhere).
    void allow(std::string_view key) { m_known.insert(std::string(key)); }

    std::optional<double> requiredNumber(std::string_view key, const NumberRule& rule);
    std::optional<double> optionalNumber(std::string_view key, const NumberRule& rule);
    double number(std::string_view key, const NumberRule& rule, double fallback) {
        return optionalNumber(key, rule).value_or(fallback);
    }
    // Whole numbers (rule.integer is implied), returned as 64-bit.
    std::optional<std::int64_t> requiredInteger(std::string_view key, NumberRule rule);
    std::int64_t integer(std::string_view key, NumberRule rule, std::int64_t fallback);
    // A non-negative 64-bit integer (seeds).
    std::uint64_t unsignedInteger(std::string_view key, std::uint64_t fallback);

    std::optional<std::string> requiredString(std::string_view key, std::size_t maxLength = 200);
    std::string string(std::string_view key, std::string fallback, std::size_t maxLength = 10000);
    // One of `choices`; on a bad value the message lists them and suggests
    // the nearest.
    std::optional<std::string> requiredChoice(std::string_view key,
                                              std::initializer_list<std::string_view> choices);
    std::string choice(std::string_view key, std::initializer_list<std::string_view> choices,
                       std::string fallback);
    bool boolean(std::string_view key, bool fallback);

    // A nested object member; its reader is invalid when absent or not an
    // object (reported when `required` or present with the wrong type).
    JsonObjectReader object(std::string_view key, bool required);
    // An array member, or nullptr (reported when required, or wrong type).
    const Json* array(std::string_view key, bool required);

    void error(std::string_view key, std::string message);

    // Reports unknown keys. `elsewhere` maps keys that are valid in another
    // variant of this object (e.g. another arrival process) to a note saying
    // where they belong.
    void finish(const std::map<std::string, std::string>& elsewhere = {});

    // "a number", "a string \"abc\"", "an object" ... for messages.
    static std::string describe(const Json& value);

private:
    const Json* find(std::string_view key) const;
    std::optional<double> checkNumber(std::string_view key, const Json& value,
                                      const NumberRule& rule);

    const Json* m_node;
    std::string m_path;
    Diagnostics& m_diagnostics;
    std::set<std::string> m_known;
    // keyHashOrder() of the members, built on the first lookup in a large
    // object (empty until then): the document's objects keep their members
    // in file order, and searching them in turn for each known key would
    // make a hostile object of millions of keys cost millions of
    // comparisons per key.
    mutable std::vector<std::uint64_t> m_byHash;
};

// Edit distance, for "did you mean" suggestions.
std::size_t editDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` if it is plausibly a typo of it, else empty.
std::string nearestWord(std::string_view word, const std::set<std::string>& candidates);

} // namespace faaslab
