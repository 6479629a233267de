#include "models/workload/timestamp_trace_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace faaslab {

namespace {

bool parseNumber(std::string_view field, double& value) {
    if (field.empty()) {
        return false;
    }
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    return ec == std::errc() && end == field.data() + field.size() && std::isfinite(value);
}

} // namespace

TimestampTraceReader::TimestampTraceReader(std::istream& in)
    : m_in(in) {
}

bool TimestampTraceReader::fail(int column, std::string message) {
    m_error = TraceError{m_lineNumber, column, std::move(message)};
    return false;
}

bool TimestampTraceReader::next(TraceArrival& out) {
    if (m_error) {
        return false;
    }
    for (;;) {
        // A fixed buffer, not std::getline: an overlong line must not make
        // the reader allocate without bound.
        m_in.getline(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        const auto got = static_cast<std::size_t>(m_in.gcount());
        if (m_in.bad()) {
            ++m_lineNumber;
            return fail(1, "the file could not be read");
        }
        if (got == 0 && m_in.eof()) {
            if (m_arrivals == 0) {
                m_lineNumber = std::max(m_lineNumber, 1);
                return fail(1, "the trace has no arrivals");
            }
            return false;
        }
        ++m_lineNumber;
        if (m_in.fail() && !m_in.eof()) {
            return fail(static_cast<int>(MaxLineLength) + 1,
                        "a line is longer than " + std::to_string(MaxLineLength) + " characters");
        }
        // gcount counts the consumed newline, which getline does not store.
        std::string_view line(m_buffer.data(), std::char_traits<char>::length(m_buffer.data()));
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') {
            continue;
        }

        const auto comma = line.find(',');
        const std::string_view timeField = line.substr(0, comma);
        const int columns = comma == std::string_view::npos ? 1 : 2;
        if (comma != std::string_view::npos &&
            line.find(',', comma + 1) != std::string_view::npos) {
            return fail(static_cast<int>(line.find(',', comma + 1)) + 1,
                        "expected 1 or 2 columns (timestamp_s[,function])");
        }
        double timeS = 0.0;
        if (!parseNumber(timeField, timeS)) {
            if (m_headerAllowed) {
                m_headerAllowed = false; // the first content line is a header
                continue;
            }
            return fail(1, "timestamp '" + std::string(timeField) + "' is not a number");
        }
        m_headerAllowed = false;
        if (m_columns == 0) {
            m_columns = columns;
        } else if (columns != m_columns) {
            return fail(
                columns == 2 ? static_cast<int>(comma) + 1 : static_cast<int>(line.size()) + 1,
                "expected " + std::to_string(m_columns) +
                    " column(s) like the first data line, found " + std::to_string(columns));
        }
        if (timeS < 0.0) {
            return fail(1, "timestamp must be >= 0");
        }
        if (timeS < m_lastTimeS) {
            return fail(1, "timestamps must not decrease (previous " + std::to_string(m_lastTimeS) +
                               ")");
        }
        if (columns == 2 && comma + 1 == line.size()) {
            return fail(static_cast<int>(comma) + 2, "function name is empty");
        }
        m_lastTimeS = timeS;
        ++m_arrivals;
        out.timeS = timeS;
        out.function.assign(columns == 2 ? line.substr(comma + 1) : std::string_view());
        return true;
    }
}

} // namespace faaslab
