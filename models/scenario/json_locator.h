#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// Maps the JSON path of every value in a document ("a.b[2].c") to the line
// and column where the value starts, so that rule violations found on the
// parsed tree can point into the file. A single forward scan of
// syntactically valid JSON; no allocation per character.
class JsonLocator {
public:
    struct Position {
        int line = 0;
        int column = 0;
    };

    explicit JsonLocator(std::string_view text);

    // The position of `path`, or of its closest enclosing value that has one.
    Position find(const std::string& path) const;

    // Line and column (1-based) of a byte offset.
    static Position positionOf(std::string_view text, std::size_t offset);

    // Keys given more than once in the same object, with the position of the
    // repeat: JSON parsers keep only one value, silently.
    struct Duplicate {
        std::string path;
        Position position;
    };
    const std::vector<Duplicate>& duplicates() const { return m_duplicates; }

private:
    std::map<std::string, Position> m_positions;
    std::vector<Duplicate> m_duplicates;
};

} // namespace faaslab
