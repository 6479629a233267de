#include "models/workload/azure_memory_trace.h"

#include "models/workload/azure_row_selection.h"
#include "models/workload/csv_line_reader.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace faaslab {

namespace {

constexpr std::size_t MaxLineLength = 4096;
constexpr double MaxExactCount = 9007199254740992.0; // 2^53, see azure_duration_trace.cpp

const std::vector<std::string>& memoryHeader() {
    static const std::vector<std::string> header{"HashOwner",
                                                 "HashApp",
                                                 "SampleCount",
                                                 "AverageAllocatedMb",
                                                 "AverageAllocatedMb_pct1",
                                                 "AverageAllocatedMb_pct5",
                                                 "AverageAllocatedMb_pct25",
                                                 "AverageAllocatedMb_pct50",
                                                 "AverageAllocatedMb_pct75",
                                                 "AverageAllocatedMb_pct95",
                                                 "AverageAllocatedMb_pct99",
                                                 "AverageAllocatedMb_pct100"};
    return header;
}

std::optional<TraceError> parseRow(const CsvLineReader& reader, AzureAppMemory& row) {
    const std::vector<std::string>& names = memoryHeader();
    const int fieldCount = static_cast<int>(names.size());
    CsvLineReader::Fields fields(reader.line());
    std::string_view field;
    int column = 0;
    int previousColumn = 0;
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
        if (index < 2) {
            if (field.empty()) {
                return reader.errorAt(column, name + " is empty");
            }
            (index == 0 ? row.owner : row.app).assign(field);
            continue;
        }
        double value = 0.0;
        if (!CsvLineReader::parseFinite(field, value)) {
            return reader.errorAt(column, name + " " + quoteField(field) + " is not a number");
        }
        if (value < 0.0) {
            return reader.errorAt(column, name + " " + quoteField(field) + " must be >= 0");
        }
        if (index == 2) {
            if (value != std::floor(value) || value > MaxExactCount) {
                return reader.errorAt(column,
                                      name + " " + quoteField(field) + " must be a whole number");
            }
            row.sampleCount = static_cast<std::uint64_t>(value);
        } else if (index == 3) {
            row.averageAllocatedMb = value;
        } else {
            const int p = index - 4;
            row.percentilesMb[static_cast<std::size_t>(p)] = value;
            if (p > 0 && value < row.percentilesMb[static_cast<std::size_t>(p - 1)]) {
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

} // namespace

std::optional<TraceError> readAzureAppMemory(std::istream& in, const std::vector<std::string>& apps,
                                             std::vector<AzureAppMemory>& out) {
    AzureRowSelection selection(apps);
    std::vector<AzureAppMemory> result;
    if (auto error = readSelectedAzureRows(
            in, MaxLineLength, memoryHeader(), "app rows", parseRow,
            [](const AzureAppMemory& row) { return row.app; }, selection, result)) {
        return error;
    }
    if (auto error = selection.missing("app hash", "memory trace")) {
        return error;
    }
    out = std::move(result);
    return std::nullopt;
}

double azureWeightedAverageMemoryMb(const std::vector<AzureAppMemory>& apps) {
    if (apps.empty()) {
        return 0.0;
    }
    double samples = 0.0;
    double largest = 0.0;
    for (const AzureAppMemory& app : apps) {
        samples += static_cast<double>(app.sampleCount);
        largest = std::max(largest, app.averageAllocatedMb);
    }
    // Weights first, then the sum: summing count * average (or the plain
    // averages) before dividing overflows to infinity for averages near the
    // largest double, which the reader accepts as finite numbers.
    double mean = 0.0;
    for (const AzureAppMemory& app : apps) {
        const double weight = samples > 0.0 ? static_cast<double>(app.sampleCount) / samples
                                            : 1.0 / static_cast<double>(apps.size());
        mean += weight * app.averageAllocatedMb;
    }
    // Rounding of the weights must not take a mean above its largest term.
    return std::min(mean, largest);
}

} // namespace faaslab
