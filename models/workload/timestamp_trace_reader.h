#pragma once

#include "models/workload/csv_line_reader.h"
#include "models/workload/trace_error.h"

#include <istream>
#include <optional>
#include <string>

namespace faaslab {

// One arrival read from a trace: when, and (if the trace names it) which function.
struct TraceArrival {
    double timeS = 0.0;
    std::string function;
};

// Reads a CSV of arrival timestamps (seconds since the start, optionally a
// second column naming the function) one line at a time. The reader keeps
// only the current line in a fixed buffer, so memory does not grow with the
// file: a trace of any length can be replayed or validated.
//
// Rules: blank lines and lines starting with '#' are skipped; the first other
// line may be a header (its first field does not start like a number: a
// digit, sign or point); every data line has
// the column count of the first one (1 or 2); timestamps are finite, >= 0 and
// non-decreasing; a line is at most MaxLineLength characters; a trace without
// any arrival is an error.
class TimestampTraceReader {
public:
    static constexpr std::size_t MaxLineLength = 4096;

    explicit TimestampTraceReader(std::istream& in);

    // Reads the next arrival into `out`. False at the end of the trace or at
    // the first broken rule; error() tells which.
    bool next(TraceArrival& out);

    const std::optional<TraceError>& error() const { return m_error; }
    int arrivalsRead() const { return m_arrivals; }

private:
    bool fail(int column, std::string message);

    CsvLineReader m_lines;
    int m_arrivals = 0;
    int m_columns = 0; // of the data lines; 0 until the first one
    bool m_headerAllowed = true;
    double m_lastTimeS = 0.0;
    std::optional<TraceError> m_error;
};

} // namespace faaslab
