#pragma once

#include "models/workload/csv_line_reader.h"
#include "models/workload/trace_error.h"

#include <algorithm>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// The rows an Azure 2019 trace reader keeps: every row when no keys were
// asked for, else the rows whose key (a function's or an app's hash) was
// asked for; every key asked for must turn up.
class AzureRowSelection {
public:
    explicit AzureRowSelection(const std::vector<std::string>& keys);

    // Whether a row with `key` is kept; marks the key as seen.
    bool keeps(std::string_view key);
    // A key asked for and never seen, as "<what> '<key>' is not in the
    // <trace>"; nullopt when every one was seen.
    std::optional<TraceError> missing(std::string_view what, std::string_view trace) const;

private:
    std::map<std::string, bool, std::less<>> m_requested;
};

// Every row of a per-function (or per-app) Azure trace file that
// `selection` keeps: the header checked, each line parsed by
// `parse(reader, row)`, the row's key given by `keyOf(row)`. `rowsName`
// names the rows in the message for a file with none ("function rows").
template <typename Row, typename Parse, typename KeyOf>
std::optional<TraceError> readSelectedAzureRows(std::istream& in, std::size_t maxLineLength,
                                                const std::vector<std::string>& header,
                                                std::string_view rowsName, Parse parse, KeyOf keyOf,
                                                AzureRowSelection& selection,
                                                std::vector<Row>& out) {
    CsvLineReader reader(in, maxLineLength);
    if (!reader.next()) {
        return reader.error().value_or(
            TraceError{1, 1, "the file is empty: expected the header HashOwner,HashApp,..."});
    }
    if (auto error = reader.checkHeader(header)) {
        return error;
    }
    std::vector<Row> result;
    Row row;
    int rows = 0;
    while (reader.next()) {
        if (auto error = parse(reader, row)) {
            return error;
        }
        ++rows;
        if (selection.keeps(keyOf(row))) {
            result.push_back(row);
        }
    }
    if (reader.error()) {
        return reader.error();
    }
    if (rows == 0) {
        return TraceError{std::max(reader.lineNumber(), 1), 1,
                          "the trace has no " + std::string(rowsName) + " after the header"};
    }
    out = std::move(result);
    return std::nullopt;
}

} // namespace faaslab
