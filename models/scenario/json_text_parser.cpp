#include "models/scenario/json_text_parser.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faaslab {

namespace {

using Json = JsonTextParser::Json;

// Builds the document from the parser's events (the parser itself keeps its
// state on the heap, not the stack). Unlike the library's own builder, a
// member is appended without first searching the object for its key, which
// would make an object of n keys cost n^2 / 2 comparisons.
class DocumentBuilder {
public:
    explicit DocumentBuilder(Json& root)
        : m_root(root) {}

    bool null() { return add(nullptr) != nullptr; }
    bool boolean(bool value) { return add(value) != nullptr; }
    bool number_integer(Json::number_integer_t value) { return add(value) != nullptr; }
    bool number_unsigned(Json::number_unsigned_t value) { return add(value) != nullptr; }
    bool number_float(Json::number_float_t value, const Json::string_t& /*text*/) {
        return add(value) != nullptr;
    }
    bool string(Json::string_t& value) { return add(std::move(value)) != nullptr; }
    bool binary(Json::binary_t& /*value*/) { return false; } // not in JSON text

    bool start_object(std::size_t /*size*/) { return open(Json::value_t::object); }
    bool start_array(std::size_t /*size*/) { return open(Json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(Json::string_t& key) {
        auto& members =
            static_cast<Json::object_t::Container&>(m_open.back()->get_ref<Json::object_t&>());
        members.emplace_back(std::move(key), nullptr);
        m_member = &members.back().second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& error) {
        m_errorPosition = position;
        m_errorToken = lastToken;
        m_errorId = error.id;
        m_errorMessage = error.what();
        m_failed = true;
        return false;
    }

    bool failed() const { return m_failed; }
    bool limitReached() const { return m_limitReached; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string& errorToken() const { return m_errorToken; }
    int errorId() const { return m_errorId; }
    const std::string& errorMessage() const { return m_errorMessage; }

private:
    // The same limits, counted the same way, as JsonLocator's scan, which
    // knows where they are broken.
    bool count() {
        if (++m_values > JsonLocator::MaxValues) {
            m_limitReached = true;
            return false;
        }
        return true;
    }

    template <typename Value> Json* add(Value&& value) {
        if (!count()) {
            return nullptr;
        }
        if (m_open.empty()) {
            m_root = Json(std::forward<Value>(value));
            return &m_root;
        }
        Json& parent = *m_open.back();
        if (parent.is_array()) {
            auto& elements = parent.get_ref<Json::array_t&>();
            elements.emplace_back(std::forward<Value>(value));
            return &elements.back();
        }
        *m_member = Json(std::forward<Value>(value));
        return m_member;
    }

    bool open(Json::value_t type) {
        if (m_open.size() + 1 > static_cast<std::size_t>(JsonLocator::MaxDepth)) {
            m_limitReached = true;
            return false;
        }
        Json* container = add(type);
        if (container == nullptr) {
            return false;
        }
        // Pointers to open containers stay valid: a container's parent grows
        // only after the container is closed.
        m_open.push_back(container);
        return true;
    }

    bool close() {
        m_open.pop_back();
        return true;
    }

    Json& m_root;
    std::vector<Json*> m_open;
    Json* m_member = nullptr;
    std::size_t m_values = 0;
    bool m_limitReached = false;
    bool m_failed = false;
    std::size_t m_errorPosition = 0;
    std::string m_errorToken;
    int m_errorId = 0;
    std::string m_errorMessage;
};

// Start of the JSON token that ends just before `end`: a string (back to its
// opening quote), a literal or number (back over its characters), or a
// single punctuation character. Trailing white space the lexer consumed
// with an invalid literal is skipped first.
std::size_t tokenStart(std::string_view text, std::size_t end) {
    if (end == 0) {
        return 0;
    }
    std::size_t i = end - 1;
    while (i > 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
        --i;
    }
    auto isLiteral = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    };
    if (text[i] == '"') {
        while (i > 0) {
            --i;
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) {
                break;
            }
        }
        return i;
    }
    if (isLiteral(text[i])) {
        while (i > 0 && isLiteral(text[i - 1])) {
            --i;
        }
    }
    return i;
}

void reportSyntaxError(std::string_view text, const DocumentBuilder& builder,
                       Diagnostics& diagnostics) {
    std::string message = builder.errorMessage();
    std::size_t offset = std::min<std::size_t>(builder.errorPosition(), text.size());
    if (builder.errorId() == 406) {
        // Number overflow ("1e999"): the parser stops just after the number.
        offset -= std::min(offset, builder.errorToken().size());
        const std::size_t closeBracket = message.find("] ");
        if (closeBracket != std::string::npos) {
            message = message.substr(closeBracket + 2);
        }
        message += " (numbers must be finite double-precision values)";
    } else {
        // The parser reports the byte just past the offending token; point
        // at the token's start instead, except at the end of the input.
        if (message.find("end of input") == std::string::npos) {
            offset = std::max(tokenStart(text, offset), JsonLocator::byteOrderMarkLength(text));
        }
        // Drop the library's "[json.exception.parse_error.101] parse error at
        // line 1, column 2: " prefix; we print our own position.
        const std::size_t cut = message.find("syntax error");
        if (cut != std::string::npos) {
            message = message.substr(cut);
        }
    }
    const auto position = JsonLocator::positionOf(text, offset);
    diagnostics.error("", "invalid JSON: " + message, position.line, position.column);
}

// Gives every object one member per key, as the library's own parser does:
// a repeated key keeps its first place and takes its last value. Only run
// when the locator found repeats, which it reports as errors; the document
// is still shown (the editor) and must not hold a key twice.
void mergeRepeatedKeys(Json& document) {
    std::vector<Json*> pending{&document};
    while (!pending.empty()) {
        Json* node = pending.back();
        pending.pop_back();
        if (node->is_array()) {
            for (Json& element : *node) {
                pending.push_back(&element);
            }
            continue;
        }
        if (!node->is_object()) {
            continue;
        }
        auto& members = node->get_ref<Json::object_t&>();
        std::unordered_map<std::string_view, std::size_t> firstPlace;
        firstPlace.reserve(members.size());
        Json::object_t merged;
        auto& mergedMembers = static_cast<Json::object_t::Container&>(merged);
        mergedMembers.reserve(members.size());
        for (auto& [key, value] : members) {
            const auto [it, isNew] = firstPlace.emplace(key, mergedMembers.size());
            if (isNew) {
                mergedMembers.emplace_back(key, std::move(value));
            } else {
                mergedMembers[it->second].second = std::move(value);
            }
        }
        members = std::move(merged);
        for (auto& member : members) {
            pending.push_back(&member.second);
        }
    }
}

} // namespace

std::optional<JsonTextParser::Json>
JsonTextParser::parse(std::string_view text, const JsonLocator& locator, Diagnostics& diagnostics) {
    Json document;
    DocumentBuilder builder(document);
    const bool parsed = Json::sax_parse(text.data(), text.data() + text.size(), &builder);
    if (builder.failed()) {
        reportSyntaxError(text, builder, diagnostics);
        return std::nullopt;
    }
    if (!parsed || builder.limitReached() || locator.limitProblem()) {
        if (const auto& problem = locator.limitProblem()) {
            diagnostics.error("", problem->message, problem->position.line,
                              problem->position.column);
        } else {
            diagnostics.error("", "the document is too large or too deeply nested to read");
        }
        return std::nullopt;
    }
    if (locator.duplicateCount() > 0) {
        mergeRepeatedKeys(document);
    }
    return document;
}

} // namespace faaslab
