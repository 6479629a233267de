#pragma once

#include <cstddef>

namespace faaslab::sim {

// Fixed-width bins covering [start, end), for time-series plots. The width is
// the requested one unless that would need more than `maxBins` bins, in which
// case it is doubled until it fits: memory stays bounded whatever the horizon
// (a month of one-second bins becomes 2.6 million / 2^9 bins, not 2.6 million).
class TimeBinning {
public:
    TimeBinning() = default;
    TimeBinning(double start, double end, double requestedWidth, std::size_t maxBins);

    double start() const { return m_start; }
    double end() const { return m_end; }
    double width() const { return m_width; }
    std::size_t count() const { return m_count; }

    double binStart(std::size_t bin) const { return m_start + static_cast<double>(bin) * m_width; }
    // The last bin ends exactly at end().
    double binEnd(std::size_t bin) const;
    // Length of the bin inside [start, end): the last bin may be partial.
    double binSpan(std::size_t bin) const { return binEnd(bin) - binStart(bin); }

private:
    double m_start = 0.0;
    double m_end = 0.0;
    double m_width = 1.0;
    std::size_t m_count = 0;
};

} // namespace faaslab::sim
