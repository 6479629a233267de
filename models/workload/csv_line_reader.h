#pragma once

#include "models/workload/trace_error.h"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// Reads a comma-separated trace one line at a time into a buffer allocated
// once, so that a file of any size is read in constant memory, and hands out
// the fields of the current line with their 1-based character columns. The
// timestamp and Azure 2019 trace readers share it; errors are TraceErrors at
// the current line.
class CsvLineReader {
public:
    CsvLineReader(std::istream& in, std::size_t maxLineLength);

    // Reads the next non-blank line (a trailing '\r' is dropped, and a UTF-8
    // byte order mark at the start of the file, which does not count as a
    // column). False at the end of the stream or when the line is too long,
    // unreadable or holds a NUL byte; error() tells which.
    bool next();

    std::string_view line() const { return m_line; }
    int lineNumber() const { return m_lineNumber; }
    std::size_t maxLineLength() const { return m_buffer.size() - 1; }
    const std::optional<TraceError>& error() const { return m_error; }

    // A TraceError at the current line.
    TraceError errorAt(int column, std::string message) const;

    // Checks that the current line is exactly the header `expected`; on a
    // mismatch the error names the expected column.
    std::optional<TraceError> checkHeader(const std::vector<std::string>& expected) const;

    // Walks the fields of one line. A line "a,,b" has three fields, the
    // second empty; the empty line has one empty field.
    class Fields {
    public:
        explicit Fields(std::string_view line)
            : m_line(line) {}
        // The next field and the 1-based column of its first character (for
        // an empty field, the column where it would start).
        bool next(std::string_view& field, int& column);
        // How many fields next() has returned.
        int count() const { return m_count; }

    private:
        std::string_view m_line;
        std::size_t m_pos = 0;
        bool m_done = false;
        int m_count = 0;
    };

    // Strict parsers: the whole field must be the number, no spaces or signs.
    static bool parseUnsigned(std::string_view field, std::uint64_t& value);
    static bool parseFinite(std::string_view field, double& value);

private:
    std::istream& m_in;
    std::vector<char> m_buffer; // the line and its terminating NUL, sized once
    std::string_view m_line;
    int m_lineNumber = 0;
    std::optional<TraceError> m_error;
};

// Quotes a field for an error message, shortened so that a garbled line does
// not make a huge message.
std::string quoteField(std::string_view field);

} // namespace faaslab
