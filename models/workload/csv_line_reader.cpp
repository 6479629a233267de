#include "models/workload/csv_line_reader.h"

#include <charconv>
#include <cmath>

namespace faaslab {

CsvLineReader::CsvLineReader(std::istream& in, std::size_t maxLineLength)
    : m_in(in)
    , m_buffer(maxLineLength + 1) {
}

TraceError CsvLineReader::errorAt(int column, std::string message) const {
    return TraceError{m_lineNumber, column, std::move(message)};
}

bool CsvLineReader::next() {
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
            m_error = errorAt(1, "the file could not be read");
            return false;
        }
        if (got == 0 && m_in.eof()) {
            return false;
        }
        ++m_lineNumber;
        if (m_in.fail() && !m_in.eof()) {
            m_error =
                errorAt(static_cast<int>(maxLineLength()) + 1,
                        "a line is longer than " + std::to_string(maxLineLength()) + " characters");
            return false;
        }
        // The length from the count, not from the first NUL: "1<NUL>x" must
        // not read as "1". The count includes the newline when there was one.
        std::string_view line(m_buffer.data(), m_in.eof() ? got : got - 1);
        if (m_lineNumber == 1 && line.starts_with("\xEF\xBB\xBF")) {
            line.remove_prefix(3); // a byte order mark, written by some editors
        }
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (const auto nul = line.find('\0'); nul != std::string_view::npos) {
            m_error = errorAt(static_cast<int>(nul) + 1,
                              "a NUL byte: a trace is a text file (is this the right file?)");
            return false;
        }
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            continue;
        }
        m_line = line;
        return true;
    }
}

std::optional<TraceError>
CsvLineReader::checkHeader(const std::vector<std::string>& expected) const {
    Fields fields(m_line);
    std::string_view field;
    int column = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (!fields.next(field, column)) {
            return errorAt(static_cast<int>(m_line.size()) + 1,
                           "header ends after " + std::to_string(i) +
                               " columns: expected column '" + expected[i] + "' (" +
                               std::to_string(expected.size()) + " columns in all)");
        }
        if (field != expected[i]) {
            const std::string what =
                i == 0 ? "missing header: expected column '" : "header: expected column '";
            return errorAt(column, what + expected[i] + "' as column " + std::to_string(i + 1) +
                                       ", found " + quoteField(field));
        }
    }
    if (fields.next(field, column)) {
        return errorAt(column, "header has more than the " + std::to_string(expected.size()) +
                                   " expected columns (extra column " + quoteField(field) + ")");
    }
    return std::nullopt;
}

bool CsvLineReader::Fields::next(std::string_view& field, int& column) {
    if (m_done) {
        return false;
    }
    const auto comma = m_line.find(',', m_pos);
    column = static_cast<int>(m_pos) + 1;
    if (comma == std::string_view::npos) {
        field = m_line.substr(m_pos);
        m_done = true;
    } else {
        field = m_line.substr(m_pos, comma - m_pos);
        m_pos = comma + 1;
    }
    ++m_count;
    return true;
}

bool CsvLineReader::parseUnsigned(std::string_view field, std::uint64_t& value) {
    if (field.empty()) {
        return false;
    }
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    return ec == std::errc() && end == field.data() + field.size();
}

bool CsvLineReader::parseFinite(std::string_view field, double& value) {
    if (field.empty()) {
        return false;
    }
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    return ec == std::errc() && end == field.data() + field.size() && std::isfinite(value);
}

std::string quoteField(std::string_view field) {
    constexpr std::size_t Shown = 40;
    if (field.size() <= Shown) {
        return "'" + std::string(field) + "'";
    }
    return "'" + std::string(field.substr(0, Shown)) + "...'";
}

} // namespace faaslab
