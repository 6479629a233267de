#pragma once

#include <QByteArray>
#include <optional>
#include <span>
#include <vector>

namespace faaslab::workspace {

// Numbers stored as a blob: 8 bytes per value, IEEE 754 binary64,
// little-endian, no header (the count is the size / 8). NaN and infinities
// survive exactly, unlike SQLite REAL columns, and a day of one-minute bins
// takes 11.5 KB instead of 1,440 rows.
QByteArray packDoubles(std::span<const double> values);
// Nothing when the size is not a multiple of 8.
std::optional<std::vector<double>> unpackDoubles(const QByteArray& blob);

} // namespace faaslab::workspace
