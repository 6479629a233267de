#include "models/scenario/json_object_reader.h"

#include "models/scenario/key_hash_order.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace faaslab {

std::string NumberRule::violation(double value) const {
    if (!std::isfinite(value)) {
        return "must be a finite number";
    }
    if (integer && value != std::floor(value)) {
        return "must be a whole number";
    }
    const bool tooSmall = minExclusive ? value <= min : value < min;
    if (tooSmall) {
        if (min == 0.0) {
            return minExclusive ? "must be a positive number" : "must be a non-negative number";
        }
        return std::string(minExclusive ? "must be greater than " : "must be at least ") +
               formatNumber(min);
    }
    if (value > max) {
        std::string text = "must be at most " + formatNumber(max);
        if (!maxReason.empty()) {
            text += " (" + std::string(maxReason) + ")";
        }
        return text;
    }
    return {};
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string nearestWord(std::string_view word, const std::set<std::string>& candidates) {
    // Plausible typo: a few edits, relative to the word's length; or one is
    // a prefix of the other ("rate" for "rate_per_s").
    const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    std::string best;
    std::size_t bestDistance = std::string::npos;
    for (const std::string& candidate : candidates) {
        // The distance is at least the difference in length: skip words that
        // cannot qualify, so a huge key costs no huge table.
        const std::size_t lengthGap = word.size() > candidate.size()
                                          ? word.size() - candidate.size()
                                          : candidate.size() - word.size();
        if (lengthGap > allowed) {
            continue;
        }
        const std::size_t d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    if (bestDistance <= allowed) {
        return best;
    }
    for (const std::string& candidate : candidates) {
        if (word.size() >= 3 && (candidate.starts_with(word) || word.starts_with(candidate))) {
            return candidate;
        }
    }
    return {};
}

std::string JsonObjectReader::describe(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::string: {
        const std::string& text = value.get_ref<const std::string&>();
        if (text.size() > 40) {
            return "the string \"" + text.substr(0, 37) + "...\"";
        }
        return "the string \"" + text + "\"";
    }
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return value.dump();
    case Json::value_t::number_float:
        return formatNumber(value.get<double>());
    default:
        return "an unsupported value";
    }
}

JsonObjectReader::JsonObjectReader(const Json* node, std::string path, Diagnostics& diagnostics)
    : m_node(node)
    , m_path(std::move(path))
    , m_diagnostics(diagnostics) {
}

std::string JsonObjectReader::childPath(std::string_view key) const {
    return memberPath(m_path, key);
}

const JsonObjectReader::Json* JsonObjectReader::find(std::string_view key) const {
    if (!valid()) {
        return nullptr;
    }
    // A scenario's objects have a few dozen members; only a hostile one
    // is worth an index.
    constexpr std::size_t SearchInTurnUpTo = 64;
    if (m_node->size() <= SearchInTurnUpTo) {
        const auto it = m_node->find(std::string(key));
        return it == m_node->end() ? nullptr : &*it;
    }
    const auto& members =
        static_cast<const Json::object_t::Container&>(m_node->get_ref<const Json::object_t&>());
    if (m_byHash.empty()) {
        m_byHash = keyHashOrder(members.size(),
                                [&](std::size_t i) { return std::string_view(members[i].first); });
    }
    // The first member with this key, as the search in turn would find.
    const std::uint64_t hash = keyHash(key);
    for (auto it = std::lower_bound(m_byHash.begin(), m_byHash.end(), hash << 32);
         it != m_byHash.end() && (*it >> 32) == hash; ++it) {
        const auto& member = members[static_cast<std::uint32_t>(*it)];
        if (member.first == key) {
            return &member.second;
        }
    }
    return nullptr;
}

bool JsonObjectReader::has(std::string_view key) const {
    return find(key) != nullptr;
}

const JsonObjectReader::Json* JsonObjectReader::member(std::string_view key) {
    m_known.insert(std::string(key));
    return find(key);
}

void JsonObjectReader::error(std::string_view key, std::string message) {
    m_diagnostics.error(key.empty() ? m_path : childPath(key), std::move(message));
}

std::optional<double> JsonObjectReader::checkNumber(std::string_view key, const Json& value,
                                                    const NumberRule& rule) {
    if (!value.is_number()) {
        error(key, std::string(rule.integer ? "must be a whole number" : "must be a number") +
                       ", got " + describe(value));
        return std::nullopt;
    }
    const double number = value.get<double>();
    const std::string problem = rule.violation(number);
    if (!problem.empty()) {
        error(key, problem + ", got " + describe(value));
        return std::nullopt;
    }
    return number;
}

std::optional<double> JsonObjectReader::requiredNumber(std::string_view key,
                                                       const NumberRule& rule) {
    const Json* value = member(key);
    if (value == nullptr) {
        if (valid()) {
            error(key, "is required (a number) but missing");
        }
        return std::nullopt;
    }
    return checkNumber(key, *value, rule);
}

std::optional<double> JsonObjectReader::optionalNumber(std::string_view key,
                                                       const NumberRule& rule) {
    const Json* value = member(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    return checkNumber(key, *value, rule);
}

std::optional<std::int64_t> JsonObjectReader::requiredInteger(std::string_view key,
                                                              NumberRule rule) {
    rule.integer = true;
    const auto value = requiredNumber(key, rule);
    return value ? std::optional<std::int64_t>(static_cast<std::int64_t>(*value)) : std::nullopt;
}

std::int64_t JsonObjectReader::integer(std::string_view key, NumberRule rule,
                                       std::int64_t fallback) {
    rule.integer = true;
    const auto value = optionalNumber(key, rule);
    return value ? static_cast<std::int64_t>(*value) : fallback;
}

std::uint64_t JsonObjectReader::unsignedInteger(std::string_view key, std::uint64_t fallback) {
    const Json* value = member(key);
    if (value == nullptr) {
        return fallback;
    }
    if (value->is_number_unsigned()) {
        return value->get<std::uint64_t>();
    }
    // Documents built in code hold small integers as signed.
    if (value->is_number_integer() && value->get<std::int64_t>() >= 0) {
        return static_cast<std::uint64_t>(value->get<std::int64_t>());
    }
    if (value->is_number_integer()) {
        error(key, "must be a non-negative whole number, got " + describe(*value));
    } else {
        error(key, "must be a non-negative whole number below 2^64, got " + describe(*value));
    }
    return fallback;
}

std::optional<std::string> JsonObjectReader::requiredString(std::string_view key,
                                                            std::size_t maxLength) {
    const Json* value = member(key);
    if (value == nullptr) {
        if (valid()) {
            error(key, "is required (a string) but missing");
        }
        return std::nullopt;
    }
    if (!value->is_string()) {
        error(key, "must be a string, got " + describe(*value));
        return std::nullopt;
    }
    const std::string& text = value->get_ref<const std::string&>();
    if (text.empty()) {
        error(key, "must not be empty");
        return std::nullopt;
    }
    if (text.size() > maxLength) {
        error(key, "must be at most " + std::to_string(maxLength) + " characters long, got " +
                       std::to_string(text.size()));
        return std::nullopt;
    }
    return text;
}

std::string JsonObjectReader::string(std::string_view key, std::string fallback,
                                     std::size_t maxLength) {
    const Json* value = member(key);
    if (value == nullptr) {
        return fallback;
    }
    if (!value->is_string()) {
        error(key, "must be a string, got " + describe(*value));
        return fallback;
    }
    // Measured before it is copied: a hostile file may hold 60 MB here.
    const std::size_t length = value->get_ref<const std::string&>().size();
    if (length > maxLength) {
        error(key, "must be at most " + std::to_string(maxLength) + " characters long, got " +
                       std::to_string(length));
        return fallback;
    }
    return value->get<std::string>();
}

namespace {

std::string listChoices(std::initializer_list<std::string_view> choices) {
    std::string text;
    for (std::string_view c : choices) {
        if (!text.empty()) {
            text += ", ";
        }
        text += '"';
        text += c;
        text += '"';
    }
    return text;
}

} // namespace

std::optional<std::string>
JsonObjectReader::requiredChoice(std::string_view key,
                                 std::initializer_list<std::string_view> choices) {
    const auto text = requiredString(key);
    if (!text) {
        return std::nullopt;
    }
    for (std::string_view c : choices) {
        if (c == *text) {
            return text;
        }
    }
    std::set<std::string> candidates;
    for (std::string_view c : choices) {
        candidates.emplace(c);
    }
    std::string message = "must be one of " + listChoices(choices) + ", got \"" + *text + "\"";
    const std::string nearest = nearestWord(*text, candidates);
    if (!nearest.empty()) {
        message += "; did you mean \"" + nearest + "\"?";
    }
    error(key, message);
    return std::nullopt;
}

std::string JsonObjectReader::choice(std::string_view key,
                                     std::initializer_list<std::string_view> choices,
                                     std::string fallback) {
    if (find(key) == nullptr) {
        m_known.insert(std::string(key));
        return fallback;
    }
    return requiredChoice(key, choices).value_or(fallback);
}

bool JsonObjectReader::boolean(std::string_view key, bool fallback) {
    const Json* value = member(key);
    if (value == nullptr) {
        return fallback;
    }
    if (!value->is_boolean()) {
        error(key, "must be true or false, got " + describe(*value));
        return fallback;
    }
    return value->get<bool>();
}

JsonObjectReader JsonObjectReader::object(std::string_view key, bool required) {
    const Json* value = member(key);
    if (value == nullptr) {
        if (required && valid()) {
            error(key, "is required (an object) but missing");
        }
        return JsonObjectReader(nullptr, childPath(key), m_diagnostics);
    }
    if (!value->is_object()) {
        error(key, "must be an object, got " + describe(*value));
        return JsonObjectReader(nullptr, childPath(key), m_diagnostics);
    }
    return JsonObjectReader(value, childPath(key), m_diagnostics);
}

const JsonObjectReader::Json* JsonObjectReader::array(std::string_view key, bool required) {
    const Json* value = member(key);
    if (value == nullptr) {
        if (required && valid()) {
            error(key, "is required (an array) but missing");
        }
        return nullptr;
    }
    if (!value->is_array()) {
        error(key, "must be an array, got " + describe(*value));
        return nullptr;
    }
    return value;
}

void JsonObjectReader::finish(const std::map<std::string, std::string>& elsewhere) {
    if (!valid()) {
        return;
    }
    for (const auto& [key, value] : m_node->items()) {
        if (m_known.contains(key)) {
            continue;
        }
        if (m_diagnostics.full()) {
            m_diagnostics.countUnlisted(); // not worth a suggestion nobody reads
            continue;
        }
        const auto note = elsewhere.find(key);
        if (note != elsewhere.end()) {
            error(key, "is not used here (" + note->second + ")");
            continue;
        }
        std::string message = "unknown key";
        const std::string nearest = nearestWord(key, m_known);
        if (!nearest.empty()) {
            message += "; did you mean \"" + nearest + "\"?";
        } else if (!m_known.empty()) {
            std::string list;
            for (const std::string& k : m_known) {
                list += (list.empty() ? "" : ", ") + k;
            }
            message += " (known keys: " + list + ")";
        }
        error(key, message);
    }
}

} // namespace faaslab
