#pragma once

#include <string>
#include <vector>

namespace faaslab {

// Per-bin values of one run, as columns: bin i covers
// [startS + i * binS, startS + (i + 1) * binS), the last bin possibly shorter.
// Every column has one value per bin.
struct TimeSeries {
    double startS = 0.0;
    double endS = 0.0;
    double binS = 0.0;
    std::vector<std::string> columns;
    std::vector<std::vector<double>> values; // values[column][bin]

    std::size_t binCount() const { return values.empty() ? 0 : values.front().size(); }
    // Index of `column`, or -1.
    int columnIndex(const std::string& column) const;
    bool operator==(const TimeSeries&) const = default;
};

} // namespace faaslab
