#include "models/workload/azure_duration_trace.h"

#include "models/workload/azure_row_selection.h"
#include "models/workload/csv_line_reader.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace faaslab {

namespace {

constexpr std::size_t MaxLineLength = 4096;
constexpr int Percentiles = static_cast<int>(AzureDurationPercentLevels.size());
// Count is read as a double (some exports write "12.0"); above 2^53 a double
// no longer holds every whole number.
constexpr double MaxExactCount = 9007199254740992.0;

const std::vector<std::string>& durationHeader() {
    static const std::vector<std::string> header{"HashOwner",
                                                 "HashApp",
                                                 "HashFunction",
                                                 "Average",
                                                 "Count",
                                                 "Minimum",
                                                 "Maximum",
                                                 "percentile_Average_0",
                                                 "percentile_Average_1",
                                                 "percentile_Average_25",
                                                 "percentile_Average_50",
                                                 "percentile_Average_75",
                                                 "percentile_Average_99",
                                                 "percentile_Average_100"};
    return header;
}

std::optional<TraceError> parseRow(const CsvLineReader& reader, AzureFunctionDurations& row) {
    const std::vector<std::string>& names = durationHeader();
    const int fieldCount = static_cast<int>(names.size());
    CsvLineReader::Fields fields(reader.line());
    std::string_view field;
    int column = 0;
    int previousColumn = 0;
    std::string* texts[] = {&row.owner, &row.app, &row.function};
    double* numbers[] = {&row.averageMs, nullptr, &row.minimumMs, &row.maximumMs};
    while (fields.next(field, column)) {
        const int index = fields.count() - 1;
        if (index >= fieldCount) {
            const int extraColumn = column;
            while (fields.next(field, column)) {
            }
            return reader.errorAt(extraColumn, "expected " + std::to_string(fieldCount) +
                                                   " fields, found " +
                                                   std::to_string(fields.count()));
        }
        const std::string& name = names[static_cast<std::size_t>(index)];
        if (index < 3) {
            if (field.empty()) {
                return reader.errorAt(column, name + " is empty");
            }
            texts[index]->assign(field);
            continue;
        }
        double value = 0.0;
        if (!CsvLineReader::parseFinite(field, value)) {
            return reader.errorAt(column, name + " " + quoteField(field) + " is not a number");
        }
        if (value < 0.0) {
            return reader.errorAt(column, name + " " + quoteField(field) + " must be >= 0");
        }
        if (index == 4) {
            if (value != std::floor(value) || value > MaxExactCount) {
                return reader.errorAt(column,
                                      name + " " + quoteField(field) + " must be a whole number");
            }
            row.count = static_cast<std::uint64_t>(value);
        } else if (index < 7) {
            *numbers[index - 3] = value;
            if (index == 6 && row.maximumMs < row.minimumMs) {
                return reader.errorAt(column, "Maximum " + quoteField(field) +
                                                  " is below Minimum " +
                                                  std::to_string(row.minimumMs));
            }
        } else {
            const int p = index - 7;
            row.percentilesMs[static_cast<std::size_t>(p)] = value;
            if (p > 0 && value < row.percentilesMs[static_cast<std::size_t>(p - 1)]) {
                return reader.errorAt(column, name + " " + quoteField(field) + " is below " +
                                                  names[static_cast<std::size_t>(index - 1)] +
                                                  " (at column " + std::to_string(previousColumn) +
                                                  "): percentiles must not decrease");
            }
        }
        previousColumn = column;
    }
    if (fields.count() != fieldCount) {
        return reader.errorAt(static_cast<int>(reader.line().size()) + 1,
                              "expected " + std::to_string(fieldCount) + " fields, found " +
                                  std::to_string(fields.count()));
    }
    return std::nullopt;
}

// The CDF of one function at x, linear between its percentile points. A run
// of equal points is a jump (an atom); `left` asks for the limit from below.
double cdf(const AzureFunctionDurations& f, double x, bool left) {
    const auto& xs = f.percentilesMs;
    int k = -1; // the last point below x (left) or at most x (right)
    for (int i = 0; i < Percentiles; ++i) {
        if (left ? xs[i] < x : xs[i] <= x) {
            k = i;
        }
    }
    if (k < 0) {
        return 0.0;
    }
    if (k == Percentiles - 1) {
        return 1.0;
    }
    const double p0 = AzureDurationPercentLevels[k] / 100.0;
    const double p1 = AzureDurationPercentLevels[k + 1] / 100.0;
    // xs[k+1] > xs[k] here: xs[k] < x <= xs[k+1] (left) or xs[k] <= x < xs[k+1] (right).
    return p0 + (p1 - p0) * (x - xs[k]) / (xs[k + 1] - xs[k]);
}

} // namespace

std::optional<TraceError> readAzureFunctionDurations(std::istream& in,
                                                     const std::vector<std::string>& hashes,
                                                     std::vector<AzureFunctionDurations>& out) {
    AzureRowSelection selection(hashes);
    std::vector<AzureFunctionDurations> result;
    if (auto error = readSelectedAzureRows(
            in, MaxLineLength, durationHeader(), "function rows", parseRow,
            [](const AzureFunctionDurations& row) { return row.function; }, selection, result)) {
        return error;
    }
    if (auto error = selection.missing("function hash", "duration trace")) {
        return error;
    }
    out = std::move(result);
    return std::nullopt;
}

std::vector<double> azureServiceTimeQuantilesS(const std::vector<AzureFunctionDurations>& functions,
                                               int samples) {
    if (functions.empty() || samples < 1) {
        return {};
    }
    double totalCount = 0.0;
    for (const auto& f : functions) {
        totalCount += static_cast<double>(f.count);
    }
    std::vector<double> weights;
    for (const auto& f : functions) {
        weights.push_back(totalCount > 0.0 ? static_cast<double>(f.count) / totalCount
                                           : 1.0 / static_cast<double>(functions.size()));
    }
    // The mixture CDF is linear between consecutive points of the union of
    // all percentile points, with jumps only at points, so evaluating it
    // (and its left limit) there is enough to invert it exactly.
    std::vector<double> knots;
    for (const auto& f : functions) {
        knots.insert(knots.end(), f.percentilesMs.begin(), f.percentilesMs.end());
    }
    std::sort(knots.begin(), knots.end());
    knots.erase(std::unique(knots.begin(), knots.end()), knots.end());
    auto mixture = [&](double x, bool left) {
        double p = 0.0;
        for (std::size_t i = 0; i < functions.size(); ++i) {
            p += weights[i] * cdf(functions[i], x, left);
        }
        return p;
    };
    std::vector<double> at(knots.size());
    std::vector<double> below(knots.size());
    for (std::size_t j = 0; j < knots.size(); ++j) {
        at[j] = mixture(knots[j], false);
        below[j] = mixture(knots[j], true);
    }

    std::vector<double> quantiles;
    quantiles.reserve(static_cast<std::size_t>(samples));
    std::size_t j = 0;
    for (int i = 0; i < samples; ++i) {
        const double p = (i + 0.5) / samples;
        // The first point where the CDF reaches p; the last point has CDF 1,
        // and a little rounding in the weights must not run past it.
        while (j + 1 < knots.size() && at[j] < p) {
            ++j;
        }
        double x = knots[j];
        if (j > 0 && p < below[j] && below[j] > at[j - 1]) {
            // Inside the linear piece between knots[j-1] and knots[j].
            x = knots[j - 1] + (knots[j] - knots[j - 1]) * (p - at[j - 1]) / (below[j] - at[j - 1]);
        }
        quantiles.push_back(x / 1000.0);
    }
    return quantiles;
}

} // namespace faaslab
