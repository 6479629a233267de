#include "models/scenario/json_locator.h"

#include "models/scenario/key_hash_order.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <unordered_set>

namespace faaslab {

namespace {

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The current place in the text, with its line and column. Columns count
// characters, not UTF-8 bytes; they are computed only when asked for, from
// the last place asked for on the same line, so that asking at increasing
// offsets costs time linear in the text even when it is all on one line.
class TextCursor {
public:
    explicit TextCursor(std::string_view text)
        : m_text(text)
        , m_pos(JsonLocator::byteOrderMarkLength(text))
        , m_lineStart(m_pos)
        , m_markOffset(m_pos) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    std::size_t offset() const { return m_pos; }

    void advance() {
        if (m_pos < m_text.size()) {
            if (m_text[m_pos] == '\n') {
                ++m_line;
                m_lineStart = m_pos + 1;
            }
            ++m_pos;
        }
    }

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            advance();
        }
    }

    JsonLocator::Position position() {
        if (m_markOffset < m_lineStart) {
            m_markOffset = m_lineStart;
            m_markColumn = 1;
        }
        for (; m_markOffset < m_pos; ++m_markOffset) {
            if (!isContinuationByte(m_text[m_markOffset])) {
                ++m_markColumn;
            }
        }
        return {m_line, m_markColumn};
    }

private:
    std::string_view m_text;
    std::size_t m_pos;
    int m_line = 1;
    std::size_t m_lineStart;
    std::size_t m_markOffset;
    int m_markColumn = 1;
};

// Walks the values of a JSON text in document order without recursion,
// telling a visitor about each:
//   bool value(TextCursor&, char opening)  at the first character of a value;
//        opening is '{' or '[' for a container, else '\0'
//   void member(std::string_view raw, bool escaped)  before an object member's value
//   void element(std::size_t index)  before an array element
//   void leave(bool object)  after the closing bracket of a container
// value() returning false stops the walk. The walk also stops where the text
// is not JSON; the parser reports that.
template <typename Visitor> class Walker {
public:
    Walker(std::string_view text, Visitor& visitor)
        : m_text(text)
        , m_cursor(text)
        , m_visitor(visitor) {}

    void run() {
        m_cursor.skipSpace();
        if (!readValue()) {
            return;
        }
        while (!m_stack.empty()) {
            m_cursor.skipSpace();
            Frame& frame = m_stack.back();
            if (m_cursor.peek() == (frame.object ? '}' : ']')) {
                m_cursor.advance();
                const bool object = frame.object;
                m_stack.pop_back();
                m_visitor.leave(object);
                continue;
            }
            if (frame.count > 0) {
                if (m_cursor.peek() != ',') {
                    return;
                }
                m_cursor.advance();
                m_cursor.skipSpace();
            }
            if (frame.object) {
                if (m_cursor.peek() != '"') {
                    return;
                }
                bool escaped = false;
                const std::string_view key = readString(escaped);
                m_cursor.skipSpace();
                if (m_cursor.peek() != ':') {
                    return;
                }
                m_cursor.advance();
                m_cursor.skipSpace();
                m_visitor.member(key, escaped);
            } else {
                m_visitor.element(frame.count);
            }
            ++frame.count;
            if (!readValue()) {
                return;
            }
        }
    }

private:
    struct Frame {
        bool object;
        std::size_t count;
    };

    // The characters between the quotes, escapes left as they are.
    std::string_view readString(bool& escaped) {
        m_cursor.advance(); // opening quote
        const std::size_t start = m_cursor.offset();
        while (!m_cursor.atEnd() && m_cursor.peek() != '"') {
            if (m_cursor.peek() == '\\') {
                escaped = true;
                m_cursor.advance();
            }
            m_cursor.advance();
        }
        const std::size_t end = m_cursor.offset();
        m_cursor.advance(); // closing quote
        return m_text.substr(start, end - start);
    }

    bool readValue() {
        const char c = m_cursor.peek();
        if (c == '{' || c == '[') {
            if (!m_visitor.value(m_cursor, c)) {
                return false;
            }
            m_cursor.advance();
            m_stack.push_back(Frame{c == '{', 0});
            return true;
        }
        if (c == '"') {
            if (!m_visitor.value(m_cursor, '\0')) {
                return false;
            }
            bool escaped = false;
            readString(escaped);
            return true;
        }
        // A number or literal; what is not one is left to the parser.
        const std::size_t start = m_cursor.offset();
        bool first = true;
        while (!m_cursor.atEnd()) {
            const char d = m_cursor.peek();
            if (d == ',' || d == '}' || d == ']' || d == ':' || d == '"' || d == '{' || d == '[' ||
                d == ' ' || d == '\t' || d == '\n' || d == '\r') {
                break;
            }
            if (first && !m_visitor.value(m_cursor, '\0')) {
                return false;
            }
            first = false;
            m_cursor.advance();
        }
        return m_cursor.offset() > start;
    }

    std::string_view m_text;
    TextCursor m_cursor;
    Visitor& m_visitor;
    std::vector<Frame> m_stack;
};

template <typename Visitor> void walk(std::string_view text, Visitor& visitor) {
    Walker<Visitor>(text, visitor).run();
}

void appendUtf8(std::string& out, unsigned codePoint) {
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// Four hex digits at `at`, or -1.
int hex4(std::string_view raw, std::size_t at) {
    if (at + 4 > raw.size()) {
        return -1;
    }
    int value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const char c = raw[i];
        value <<= 4;
        if (c >= '0' && c <= '9') {
            value |= c - '0';
        } else if (c >= 'a' && c <= 'f') {
            value |= c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            value |= c - 'A' + 10;
        } else {
            return -1;
        }
    }
    return value;
}

// The string a JSON string literal's content stands for, as the parser
// decodes it. Malformed escapes are kept as written (the parser refuses
// them anyway).
std::string decodeString(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        const char e = raw[++i];
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            int unit = hex4(raw, i + 1);
            if (unit < 0) {
                out += "\\u";
                break;
            }
            i += 4;
            unsigned codePoint = static_cast<unsigned>(unit);
            // A high surrogate followed by an escaped low one is one code point.
            if (unit >= 0xD800 && unit <= 0xDBFF && i + 2 < raw.size() && raw[i + 1] == '\\' &&
                raw[i + 2] == 'u') {
                const int low = hex4(raw, i + 3);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    codePoint = 0x10000 + ((static_cast<unsigned>(unit) - 0xD800) << 10) +
                                (static_cast<unsigned>(low) - 0xDC00);
                    i += 6;
                }
            }
            appendUtf8(out, codePoint);
            break;
        }
        default: // '"', '\\', '/'
            out += e;
            break;
        }
    }
    return out;
}

std::string childPath(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + '.' + std::string(key);
}

// Enforces the limits and finds repeated keys.
class StructureScan {
public:
    StructureScan(std::optional<JsonLocator::LimitProblem>& problem,
                  std::vector<JsonLocator::Duplicate>& duplicates, std::size_t& duplicateCount)
        : m_problem(problem)
        , m_duplicates(duplicates)
        , m_duplicateCount(duplicateCount) {}

    bool value(TextCursor& cursor, char opening) {
        const bool container = opening != '\0';
        if (++m_values > JsonLocator::MaxValues) {
            m_problem = JsonLocator::LimitProblem{
                "too many values: a scenario file holds at most " +
                    std::to_string(JsonLocator::MaxValues) +
                    " (numbers, strings, arrays and objects together); this is one more",
                cursor.position()};
            return false;
        }
        if (container && m_frames.size() + 1 > static_cast<std::size_t>(JsonLocator::MaxDepth)) {
            m_problem = JsonLocator::LimitProblem{
                "nested too deeply: arrays and objects may be at most " +
                    std::to_string(JsonLocator::MaxDepth) +
                    " levels inside each other (a scenario needs about ten)",
                cursor.position()};
            return false;
        }
        if (!m_frames.empty() && m_frames.back().object) {
            m_frames.back().keys.push_back(KeyEntry{m_pendingKey, cursor.position()});
        }
        if (container) {
            Frame frame;
            frame.object = opening == '{';
            frame.key = m_pendingKey;
            frame.index = m_pendingIndex;
            frame.inObject = !m_frames.empty() && m_frames.back().object;
            m_frames.push_back(std::move(frame));
        }
        return true;
    }

    void member(std::string_view raw, bool escaped) {
        if (escaped) {
            m_decoded.push_back(decodeString(raw));
            m_pendingKey = m_decoded.back();
        } else {
            m_pendingKey = raw;
        }
    }

    void element(std::size_t index) { m_pendingIndex = index; }

    void leave(bool /*object*/) {
        findRepeats();
        m_frames.pop_back();
    }

private:
    struct KeyEntry {
        std::string_view key;
        JsonLocator::Position position;
    };
    struct Frame {
        bool object = false;
        bool inObject = false; // how the parent names this value
        std::string_view key;
        std::size_t index = 0;
        std::vector<KeyEntry> keys;
    };

    void findRepeats() {
        const std::vector<KeyEntry>& keys = m_frames.back().keys;
        if (keys.size() < 2) {
            return;
        }
        // Keys that may be equal (same hash) next to each other, in file
        // order: linear in the number of members, where a search per member
        // would be quadratic.
        static_assert(JsonLocator::MaxValues <= 0xFFFF'FFFFu);
        const std::vector<std::uint64_t> order =
            keyHashOrder(keys.size(), [&](std::size_t i) { return keys[i].key; });
        std::vector<std::uint32_t> repeats;
        std::vector<std::uint32_t> sameHash;
        for (std::size_t begin = 0; begin < order.size();) {
            std::size_t end = begin + 1;
            while (end < order.size() && (order[end] >> 32) == (order[begin] >> 32)) {
                ++end;
            }
            if (end - begin > 1) {
                // Keys sharing a hash, in file order: sorted by their bytes
                // (stable, so equal keys stay in file order), a key equal to
                // the one before it repeats it.
                sameHash.clear();
                for (std::size_t i = begin; i < end; ++i) {
                    sameHash.push_back(static_cast<std::uint32_t>(order[i]));
                }
                std::stable_sort(
                    sameHash.begin(), sameHash.end(),
                    [&](std::uint32_t a, std::uint32_t b) { return keys[a].key < keys[b].key; });
                for (std::size_t i = 1; i < sameHash.size(); ++i) {
                    if (keys[sameHash[i]].key == keys[sameHash[i - 1]].key) {
                        repeats.push_back(sameHash[i]);
                    }
                }
            }
            begin = end;
        }
        m_duplicateCount += repeats.size();
        // Listed in file order, as a reader meets them.
        std::sort(repeats.begin(), repeats.end());
        for (const std::uint32_t repeat : repeats) {
            if (m_duplicates.size() >= JsonLocator::MaxDuplicatesListed) {
                break;
            }
            m_duplicates.push_back(JsonLocator::Duplicate{childPath(framePath(), keys[repeat].key),
                                                          keys[repeat].position});
        }
    }

    // The path of the innermost open container.
    std::string framePath() const {
        std::string path;
        for (std::size_t i = 1; i < m_frames.size(); ++i) {
            const Frame& frame = m_frames[i];
            if (frame.inObject) {
                path = childPath(path, frame.key);
            } else {
                path += '[' + std::to_string(frame.index) + ']';
            }
        }
        return path;
    }

    std::optional<JsonLocator::LimitProblem>& m_problem;
    std::vector<JsonLocator::Duplicate>& m_duplicates;
    std::size_t& m_duplicateCount;
    std::vector<Frame> m_frames;
    std::deque<std::string> m_decoded; // keys with escapes, decoded; views stay valid
    std::string_view m_pendingKey;
    std::size_t m_pendingIndex = 0;
    std::size_t m_values = 0;
};

// Finds the positions of values named by path. The path of the current value
// is built only while it can still lead to one of the paths asked about, so
// the scan stays linear however large or deep the rest of the document is.
class FindScan {
public:
    // `wanted` sorted and without repeats.
    explicit FindScan(const std::vector<std::string>& wanted)
        : m_wanted(wanted)
        , m_found(wanted.size())
        , m_foundLength(wanted.size(), -1) {}

    bool value(TextCursor& cursor, char opening) {
        const bool parentLive = m_frames.empty() || m_frames.back().live;
        bool live = false;
        if (m_frames.empty()) {
            m_path.clear();
            live = true;
        } else if (parentLive) {
            m_path.resize(m_frames.back().pathLength);
            if (m_frames.back().object) {
                if (!m_path.empty()) {
                    m_path += '.';
                }
                m_path += m_pendingKey;
            } else {
                m_path += '[' + std::to_string(m_pendingIndex) + ']';
            }
            live = leadsToWanted();
        }
        if (live) {
            record(cursor);
        }
        if (opening != '\0') {
            m_frames.push_back(Frame{opening == '{', live, m_path.size()});
        }
        return true;
    }

    void member(std::string_view raw, bool escaped) {
        if (!m_frames.back().live) {
            return;
        }
        m_decodedKey = escaped ? decodeString(raw) : std::string();
        m_pendingKey = escaped ? std::string_view(m_decodedKey) : raw;
    }
    void element(std::size_t index) { m_pendingIndex = index; }
    void leave(bool /*object*/) { m_frames.pop_back(); }

    std::vector<JsonLocator::Position> found() const { return m_found; }

private:
    struct Frame {
        bool object;
        bool live;
        std::size_t pathLength;
    };

    // Some wanted path starts with the current path (they sort right after
    // it).
    bool leadsToWanted() const {
        const auto it = std::lower_bound(m_wanted.begin(), m_wanted.end(), m_path);
        return it != m_wanted.end() && it->starts_with(m_path);
    }

    // The current value is the one asked about, or the closest enclosing
    // value of every wanted path it begins, unless a deeper one was found.
    void record(TextCursor& cursor) {
        if (!m_recorded.insert(m_path).second) {
            return; // a repeated key: the first one counts
        }
        const JsonLocator::Position position = cursor.position();
        const auto length = static_cast<std::ptrdiff_t>(m_path.size());
        for (auto it = std::lower_bound(m_wanted.begin(), m_wanted.end(), m_path);
             it != m_wanted.end() && it->starts_with(m_path); ++it) {
            const bool boundary = m_path.empty() || it->size() == m_path.size() ||
                                  (*it)[m_path.size()] == '.' || (*it)[m_path.size()] == '[';
            const auto i = static_cast<std::size_t>(it - m_wanted.begin());
            if (boundary && length > m_foundLength[i]) {
                m_found[i] = position;
                m_foundLength[i] = length;
            }
        }
    }

    const std::vector<std::string>& m_wanted;
    std::vector<JsonLocator::Position> m_found;
    std::vector<std::ptrdiff_t> m_foundLength;
    std::unordered_set<std::string> m_recorded;
    std::vector<Frame> m_frames;
    std::string m_path;
    std::string m_decodedKey;
    std::string_view m_pendingKey;
    std::size_t m_pendingIndex = 0;
};

} // namespace

std::size_t JsonLocator::byteOrderMarkLength(std::string_view text) {
    return text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

JsonLocator::JsonLocator(std::string_view text)
    : m_text(text) {
    StructureScan scan(m_limitProblem, m_duplicates, m_duplicateCount);
    walk(text, scan);
    std::stable_sort(
        m_duplicates.begin(), m_duplicates.end(), [](const Duplicate& a, const Duplicate& b) {
            return a.position.line != b.position.line ? a.position.line < b.position.line
                                                      : a.position.column < b.position.column;
        });
}

std::vector<JsonLocator::Position> JsonLocator::find(const std::vector<std::string>& paths) const {
    std::vector<std::string> wanted = paths;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    FindScan scan(wanted);
    walk(m_text, scan);
    const std::vector<Position> found = scan.found();
    std::vector<Position> positions;
    positions.reserve(paths.size());
    for (const std::string& path : paths) {
        const auto it = std::lower_bound(wanted.begin(), wanted.end(), path);
        positions.push_back(found[static_cast<std::size_t>(it - wanted.begin())]);
    }
    return positions;
}

JsonLocator::Position JsonLocator::find(const std::string& path) const {
    return find(std::vector<std::string>{path}).front();
}

JsonLocator::Position JsonLocator::positionOf(std::string_view text, std::size_t offset) {
    const std::size_t start = byteOrderMarkLength(text);
    Position position{1, 1};
    for (std::size_t i = start; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if (!isContinuationByte(text[i])) {
            ++position.column;
        }
    }
    return position;
}

} // namespace faaslab
