#include "models/scenario/json_locator.h"

#include <vector>

namespace faaslab {

namespace {

class Scanner {
public:
    Scanner(std::string_view text, std::map<std::string, JsonLocator::Position>& out,
            std::vector<JsonLocator::Duplicate>& duplicates)
        : m_text(text)
        , m_out(out)
        , m_duplicates(duplicates) {}

    void run() {
        skipSpace();
        value("");
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void advance() {
        if (m_pos < m_text.size()) {
            if (m_text[m_pos] == '\n') {
                ++m_line;
                m_column = 1;
            } else if ((static_cast<unsigned char>(m_text[m_pos]) & 0xC0) != 0x80) {
                // Count characters, not UTF-8 continuation bytes.
                ++m_column;
            }
            ++m_pos;
        }
    }

    void skipSpace() {
        while (m_pos < m_text.size() &&
               (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            advance();
        }
    }

    std::string string() {
        std::string result;
        advance(); // opening quote
        while (m_pos < m_text.size() && peek() != '"') {
            if (peek() == '\\') {
                advance();
                result += peek();
                advance();
                continue;
            }
            result += peek();
            advance();
        }
        advance(); // closing quote
        return result;
    }

    void value(const std::string& path) {
        const JsonLocator::Position here{m_line, m_column};
        if (!m_out.emplace(path, here).second) {
            m_duplicates.push_back(JsonLocator::Duplicate{path, here});
        }
        const char c = peek();
        if (c == '{') {
            advance();
            skipSpace();
            while (m_pos < m_text.size() && peek() != '}') {
                if (peek() != '"') {
                    return; // not valid JSON; the parser reports it
                }
                const std::string key = string();
                skipSpace();
                advance(); // ':'
                skipSpace();
                value(path.empty() ? key : path + '.' + key);
                skipSpace();
                if (peek() == ',') {
                    advance();
                    skipSpace();
                }
            }
            advance();
        } else if (c == '[') {
            advance();
            skipSpace();
            int index = 0;
            while (m_pos < m_text.size() && peek() != ']') {
                value(path + '[' + std::to_string(index++) + ']');
                skipSpace();
                if (peek() == ',') {
                    advance();
                    skipSpace();
                }
            }
            advance();
        } else if (c == '"') {
            string();
        } else {
            while (m_pos < m_text.size() && peek() != ',' && peek() != '}' && peek() != ']' &&
                   peek() != ' ' && peek() != '\n' && peek() != '\r' && peek() != '\t') {
                advance();
            }
        }
    }

    std::string_view m_text;
    std::map<std::string, JsonLocator::Position>& m_out;
    std::vector<JsonLocator::Duplicate>& m_duplicates;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

} // namespace

JsonLocator::JsonLocator(std::string_view text) {
    Scanner(text, m_positions, m_duplicates).run();
}

JsonLocator::Position JsonLocator::find(const std::string& path) const {
    std::string probe = path;
    for (;;) {
        const auto it = m_positions.find(probe);
        if (it != m_positions.end()) {
            return it->second;
        }
        if (probe.empty()) {
            return {};
        }
        // The enclosing value: "a.b[2]" -> "a.b" -> "a" -> "" (the document).
        const std::size_t cut = probe.find_last_of(".[");
        probe.resize(cut == std::string::npos ? 0 : cut);
    }
}

JsonLocator::Position JsonLocator::positionOf(std::string_view text, std::size_t offset) {
    Position position{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

} // namespace faaslab
