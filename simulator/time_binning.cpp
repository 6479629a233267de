#include "simulator/time_binning.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace faaslab::sim {

TimeBinning::TimeBinning(double start, double end, double requestedWidth, std::size_t maxBins)
    : m_start(start)
    , m_end(std::max(start, end))
    , m_width(requestedWidth > 0.0 ? requestedWidth : 1.0) {
    const double span = m_end - m_start;
    maxBins = std::max<std::size_t>(maxBins, 1);
    // A span that is a whole number of bins up to rounding (0.6 / 0.2 =
    // 2.9999999999999996 or 3.0000000000000004) has exactly that many: no
    // extra bin of zero or negative width.
    //
    // A width so small that span / width overflows (5e-324 over an hour)
    // gives inf - inf = NaN below, and max(1, NaN) would read as "one bin"
    // and stop the widening with a width that does not match the bins; an
    // overflowing count is simply too many bins.
    auto binsFor = [span](double width) {
        const double bins = span / width;
        if (!std::isfinite(bins)) {
            return std::numeric_limits<double>::infinity();
        }
        return std::max(1.0, std::ceil(bins - bins * 1e-12));
    };
    while (binsFor(m_width) > static_cast<double>(maxBins)) {
        m_width *= 2.0;
    }
    m_count = span > 0.0 ? static_cast<std::size_t>(binsFor(m_width)) : 0;
}

double TimeBinning::binEnd(std::size_t bin) const {
    return bin + 1 >= m_count ? m_end
                              : std::min(m_end, m_start + static_cast<double>(bin + 1) * m_width);
}

} // namespace faaslab::sim
