#include "models/workload/timestamp_trace_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>

namespace faaslab {

namespace {

// The column (1-based) of the first character of `field` that is not part of
// a number, or 0 when the whole field is a finite number in `value`.
int numberProblem(std::string_view field, double& value) {
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (ec == std::errc() && end == field.data() + field.size() && std::isfinite(value)) {
        return 0;
    }
    if (ec == std::errc() && end != field.data() + field.size()) {
        return static_cast<int>(end - field.data()) + 1; // "1x": the "x"
    }
    return 1;
}

// A header names its columns; a line whose first field starts like a number
// ("1x", "-", ".5.5") is a broken data line, not a header.
bool looksLikeHeader(std::string_view field) {
    if (field.empty()) {
        return false;
    }
    const char c = field.front();
    return !(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.');
}

} // namespace

TimestampTraceReader::TimestampTraceReader(std::istream& in)
    : m_lines(in, MaxLineLength) {
}

bool TimestampTraceReader::fail(int column, std::string message) {
    m_error = TraceError{std::max(m_lines.lineNumber(), 1), column, std::move(message)};
    return false;
}

bool TimestampTraceReader::next(TraceArrival& out) {
    if (m_error) {
        return false;
    }
    while (m_lines.next()) {
        const std::string_view line = m_lines.line();
        if (line[line.find_first_not_of(" \t")] == '#') {
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
        if (const int bad = numberProblem(timeField, timeS); bad != 0) {
            if (m_headerAllowed && looksLikeHeader(timeField)) {
                m_headerAllowed = false; // the first content line is a header
                continue;
            }
            return fail(bad, "timestamp " + quoteField(timeField) + " is not a number");
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
    if (m_lines.error()) {
        m_error = m_lines.error();
        return false;
    }
    if (m_arrivals == 0) {
        return fail(1, "the trace has no arrivals");
    }
    return false;
}

} // namespace faaslab
