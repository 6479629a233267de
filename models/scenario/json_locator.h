#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// Scans the text of a JSON document for what a DOM parser cannot tell: where
// each value is (line and column, for messages about rules broken in the
// parsed tree), keys given more than once in one object (a parser keeps only
// one value, silently), and whether the document stays within the limits a
// scenario file may reach before it is built in memory.
//
// Every scan is iterative and linear in the length of the text: nesting
// depth costs no stack, and no path is built except for the values asked
// about. Syntax errors are left to the parser: a scan stops quietly where the
// text stops being JSON. A UTF-8 byte order mark at the start is skipped and
// does not count as a column.
//
// The text is viewed, not copied: it must outlive the locator.
class JsonLocator {
public:
    struct Position {
        int line = 0;
        int column = 0;
        bool operator==(const Position&) const = default;
    };

    // Arrays and objects inside each other. A scenario needs about ten; the
    // limit keeps a hostile file from exhausting the stack or memory.
    static constexpr int MaxDepth = 64;
    // Values in one document (numbers, strings, true, false, null, arrays and
    // objects each count as one). Enough for four empirical distributions of
    // the largest size (10^6 samples); bounds the memory of the parsed tree.
    static constexpr std::size_t MaxValues = 4'000'000;
    // Repeated keys listed by duplicates(); the rest are only counted.
    static constexpr std::size_t MaxDuplicatesListed = 100;

    explicit JsonLocator(std::string_view text);

    // The first limit the document breaks, if any: the message and the
    // place of the value that breaks it (the scan stops there).
    struct LimitProblem {
        std::string message;
        Position position;
    };
    const std::optional<LimitProblem>& limitProblem() const { return m_limitProblem; }

    // Keys given more than once in the same object, compared after decoding
    // escapes ("n\u0061me" repeats "name"), each with the path of the repeat
    // and the position of its value.
    struct Duplicate {
        std::string path;
        Position position;
    };
    const std::vector<Duplicate>& duplicates() const { return m_duplicates; }
    // All repeats, including those beyond MaxDuplicatesListed.
    std::size_t duplicateCount() const { return m_duplicateCount; }

    // The positions of values given by their paths ("a.b[2].c", "" for the
    // document), in one pass over the text. A path with no value (a missing
    // member) gets the position of its closest enclosing value that has one.
    std::vector<Position> find(const std::vector<std::string>& paths) const;
    Position find(const std::string& path) const;

    // Line and column (1-based, in characters, after any byte order mark) of
    // a byte offset.
    static Position positionOf(std::string_view text, std::size_t offset);
    // 3 when the text starts with a UTF-8 byte order mark, else 0.
    static std::size_t byteOrderMarkLength(std::string_view text);

private:
    std::string_view m_text;
    std::optional<LimitProblem> m_limitProblem;
    std::vector<Duplicate> m_duplicates;
    std::size_t m_duplicateCount = 0;
};

} // namespace faaslab
