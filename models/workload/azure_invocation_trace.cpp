#include "models/workload/azure_invocation_trace.h"

#include "models/workload/azure_row_selection.h"
#include "models/workload/csv_line_reader.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <queue>
#include <set>

namespace faaslab {

namespace {

constexpr int Minutes = AzureMinuteCounts::MinutesPerDay;
constexpr int NameColumns = 4; // HashOwner, HashApp, HashFunction, Trigger
constexpr int RowFields = NameColumns + Minutes;
constexpr std::uint64_t MaxCount = std::numeric_limits<std::uint32_t>::max();
// Bounds the memory spent on naming the trigger values in a "no match" error.
constexpr std::size_t MaxTriggersListed = 16;
constexpr std::size_t MaxHashesListed = 4;

const std::vector<std::string>& invocationHeader() {
    static const std::vector<std::string> header = [] {
        std::vector<std::string> names{"HashOwner", "HashApp", "HashFunction", "Trigger"};
        for (int m = 1; m <= Minutes; ++m) {
            names.push_back(std::to_string(m));
        }
        return names;
    }();
    return header;
}

// One data row; the names are views into the line reader's buffer and the
// counts live in a buffer reused for every row.
struct InvocationRow {
    std::string_view owner;
    std::string_view app;
    std::string_view function;
    std::string_view trigger;
    std::array<std::uint32_t, Minutes> counts{};
    std::uint64_t total = 0;
};

bool allDigits(std::string_view field) {
    return !field.empty() &&
           std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int columnOfField(std::string_view line, int index) {
    CsvLineReader::Fields fields(line);
    std::string_view field;
    int column = 1;
    for (int i = 0; i <= index && fields.next(field, column); ++i) {
    }
    return column;
}

std::optional<TraceError> parseRow(const CsvLineReader& reader, InvocationRow& row) {
    static constexpr std::array<const char*, NameColumns> names{"HashOwner", "HashApp",
                                                                "HashFunction", "Trigger"};
    CsvLineReader::Fields fields(reader.line());
    std::string_view field;
    int column = 0;
    row.total = 0;
    while (fields.next(field, column)) {
        const int index = fields.count() - 1;
        if (index >= RowFields) {
            const int extraColumn = column;
            while (fields.next(field, column)) {
            }
            return reader.errorAt(extraColumn, "expected " + std::to_string(RowFields) +
                                                   " fields, found " +
                                                   std::to_string(fields.count()));
        }
        if (index < NameColumns) {
            if (field.empty()) {
                return reader.errorAt(column, std::string(names[index]) + " is empty");
            }
            std::string_view* targets[] = {&row.owner, &row.app, &row.function, &row.trigger};
            *targets[index] = field;
            continue;
        }
        const int minute = index - NameColumns + 1;
        const std::string where = " for minute " + std::to_string(minute);
        if (!field.empty() && field.front() == '-') {
            return reader.errorAt(column, "count " + quoteField(field) + where + " must be >= 0");
        }
        if (!allDigits(field)) {
            return reader.errorAt(column, "count " + quoteField(field) + where +
                                              " is not a non-negative integer");
        }
        std::uint64_t count = 0;
        if (!CsvLineReader::parseUnsigned(field, count) || count > MaxCount) {
            return reader.errorAt(column, "count " + quoteField(field) + where +
                                              " overflows (largest is " + std::to_string(MaxCount) +
                                              ")");
        }
        row.counts[static_cast<std::size_t>(minute - 1)] = static_cast<std::uint32_t>(count);
        row.total += count;
    }
    if (fields.count() != RowFields) {
        return reader.errorAt(static_cast<int>(reader.line().size()) + 1,
                              "expected " + std::to_string(RowFields) + " fields, found " +
                                  std::to_string(fields.count()));
    }
    return std::nullopt;
}

// Adds a selected row to the result, refusing a sum that no longer fits.
std::optional<TraceError> accumulate(const CsvLineReader& reader, const InvocationRow& row,
                                     AzureMinuteCounts& result) {
    for (int m = 0; m < Minutes; ++m) {
        const std::uint64_t sum = std::uint64_t(result.perMinute[m]) + row.counts[m];
        if (sum > MaxCount) {
            return reader.errorAt(columnOfField(reader.line(), NameColumns + m),
                                  "the count summed over the selected functions overflows for "
                                  "minute " +
                                      std::to_string(m + 1));
        }
        result.perMinute[m] = static_cast<std::uint32_t>(sum);
    }
    result.total += row.total;
    result.selectedHashes.emplace_back(row.function);
    result.selectedApps.emplace_back(row.app);
    return std::nullopt;
}

// Reads up to and including the header; false with `error` set if that fails.
bool readHeader(CsvLineReader& reader, std::optional<TraceError>& error) {
    if (!reader.next()) {
        error = reader.error().value_or(TraceError{
            1, 1,
            "the file is empty: expected the header HashOwner,HashApp,HashFunction,Trigger,1,"
            "...,1440"});
        return false;
    }
    error = reader.checkHeader(invocationHeader());
    return !error;
}

// A candidate for the top N: its day total and its position among the rows.
struct Ranked {
    std::uint64_t total = 0;
    std::int64_t row = 0;
};

// a ranks before b: a larger total, or an equal total in an earlier row.
bool ranksBefore(const Ranked& a, const Ranked& b) {
    return a.total > b.total || (a.total == b.total && a.row < b.row);
}

std::string describeSelection(const AzureFunctionSelection& sel) {
    std::string text;
    if (!sel.trigger.empty()) {
        text += "trigger '" + sel.trigger + "'";
    }
    if (!sel.hashes.empty()) {
        text += text.empty() ? "" : ", ";
        text += "hashes";
        for (std::size_t i = 0; i < sel.hashes.size() && i < MaxHashesListed; ++i) {
            text += " '" + sel.hashes[i] + "'";
        }
        if (sel.hashes.size() > MaxHashesListed) {
            text += " and " + std::to_string(sel.hashes.size() - MaxHashesListed) + " more";
        }
    }
    if (sel.topN > 0) {
        text += text.empty() ? "" : ", ";
        text += "top " + std::to_string(sel.topN);
    }
    return text.empty() ? "all functions" : text;
}

} // namespace

std::optional<TraceError> readAzureInvocationCounts(std::istream& in,
                                                    const AzureFunctionSelection& sel,
                                                    AzureMinuteCounts& out) {
    if (sel.topN < 0) {
        return TraceError{0, 0, "topN must be >= 0, got " + std::to_string(sel.topN)};
    }
    const std::streampos start = sel.topN > 0 ? in.tellg() : std::streampos(0);
    if (sel.topN > 0 && start == std::streampos(-1)) {
        return TraceError{0, 0,
                          "selecting the top " + std::to_string(sel.topN) +
                              " functions reads the trace twice and needs a seekable stream"};
    }

    // Requested hash -> seen in the file.
    AzureRowSelection requested(sel.hashes);
    std::set<std::string, std::less<>> triggersSeen;
    bool moreTriggers = false;

    AzureMinuteCounts result;
    result.perMinute.assign(Minutes, 0);
    std::priority_queue<Ranked, std::vector<Ranked>, decltype(&ranksBefore)> best(&ranksBefore);
    std::int64_t rows = 0;
    std::int64_t matches = 0;
    InvocationRow row;
    std::optional<TraceError> error;

    {
        CsvLineReader reader(in, AzureInvocationMaxLineLength);
        if (!readHeader(reader, error)) {
            return error;
        }
        while (reader.next()) {
            if ((error = parseRow(reader, row))) {
                return error;
            }
            const std::int64_t ordinal = rows++;
            if (!triggersSeen.contains(row.trigger)) {
                if (triggersSeen.size() < MaxTriggersListed) {
                    triggersSeen.emplace(row.trigger);
                } else {
                    moreTriggers = true;
                }
            }
            // Both tests always run: a hash asked for counts as seen even on
            // a row of another trigger.
            const bool selected = requested.keeps(row.function);
            const bool passes = selected && (sel.trigger.empty() || row.trigger == sel.trigger);
            if (!passes) {
                continue;
            }
            ++matches;
            if (sel.topN == 0) {
                if ((error = accumulate(reader, row, result))) {
                    return error;
                }
                continue;
            }
            const Ranked candidate{row.total, ordinal};
            if (best.size() < static_cast<std::size_t>(sel.topN)) {
                best.push(candidate);
            } else if (ranksBefore(candidate, best.top())) {
                best.pop();
                best.push(candidate);
            }
        }
        if (reader.error()) {
            return reader.error();
        }
        if (rows == 0) {
            return TraceError{std::max(reader.lineNumber(), 1), 1,
                              "the trace has no function rows after the header"};
        }
    }

    if (auto missing = requested.missing("function hash", "trace")) {
        return missing;
    }
    if (matches == 0) {
        std::string message = "no function matches the selection (" + describeSelection(sel) + ")";
        if (!sel.trigger.empty()) {
            message += "; trigger values in the trace:";
            for (const std::string& trigger : triggersSeen) {
                message += " " + trigger;
            }
            message += moreTriggers ? " ..." : "";
        }
        return TraceError{0, 0, std::move(message)};
    }

    if (sel.topN > 0) {
        std::vector<std::int64_t> chosen;
        chosen.reserve(best.size());
        for (; !best.empty(); best.pop()) {
            chosen.push_back(best.top().row);
        }
        std::sort(chosen.begin(), chosen.end());

        in.clear();
        in.seekg(start);
        if (!in) {
            return TraceError{0, 0, "the trace could not be rewound for the second pass"};
        }
        CsvLineReader reader(in, AzureInvocationMaxLineLength);
        if (!readHeader(reader, error)) {
            return error;
        }
        std::int64_t ordinal = 0;
        auto next = chosen.begin();
        while (next != chosen.end() && reader.next()) {
            if (ordinal++ != *next) {
                continue; // validated in the first pass
            }
            ++next;
            if ((error = parseRow(reader, row)) || (error = accumulate(reader, row, result))) {
                return error;
            }
        }
        if (reader.error()) {
            return reader.error();
        }
        if (next != chosen.end()) {
            return TraceError{0, 0, "the trace changed between the two passes"};
        }
    }

    out = std::move(result);
    return std::nullopt;
}

} // namespace faaslab
