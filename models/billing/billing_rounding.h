#pragma once

#include <cmath>
#include <cstdint>

namespace faaslab {

// Providers round billed durations *up* to whole units (1 ms, 100 ms, 1 s).
// A duration that is a whole number of units up to floating-point noise
// (0.2 s / 0.001 s = 200.00000000000003) must count as that number, not
// the next one. The tolerance is relative, 1e-12: four orders of magnitude
// above the error of the division (about 2e-16 relative), and far below one
// unit for any unit count the scenario limits allow (granularity >= 1 ns,
// durations <= 10^6 s, so at most 10^15 units): it never rounds down.
inline std::uint64_t roundUpToUnits(double units) {
    if (!(units > 0.0)) {
        return 0;
    }
    const double forgiving = units - units * 1e-12;
    auto whole = static_cast<std::uint64_t>(forgiving);
    return static_cast<double>(whole) < forgiving ? whole + 1 : whole;
}

inline double roundUpSeconds(double seconds, double granularity) {
    return static_cast<double>(roundUpToUnits(seconds / granularity)) * granularity;
}

} // namespace faaslab
