#include "models/platforms/idle_time_histogram.h"

#include <algorithm>
#include <cmath>

namespace faaslab {

IdleTimeHistogram::IdleTimeHistogram(double rangeS, double binS)
    : m_binS(binS)
    , m_bins(static_cast<std::size_t>(std::ceil(rangeS / binS)), 0) {
}

void IdleTimeHistogram::add(double idleS) {
    ++m_total;
    const double index = std::floor(idleS / m_binS);
    if (idleS < 0.0 || index >= static_cast<double>(m_bins.size())) {
        ++m_outOfRange;
        return;
    }
    std::uint64_t& count = m_bins[static_cast<std::size_t>(index)];
    m_sumOfSquares += 2.0 * static_cast<double>(count) + 1.0;
    ++count;
}

long IdleTimeHistogram::percentileBin(double p) const {
    if (m_total == 0) {
        return -1;
    }
    // Integer arithmetic for the threshold, so that "99% of 100" is exactly
    // 99 and not 98.99999.
    const double wanted = std::ceil(p / 100.0 * static_cast<double>(m_total) - 1e-9);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < m_bins.size(); ++i) {
        cumulative += m_bins[i];
        if (static_cast<double>(cumulative) >= wanted && cumulative > 0) {
            return static_cast<long>(i);
        }
    }
    return -1;
}

double IdleTimeHistogram::binCountCv() const {
    const auto n = static_cast<double>(m_bins.size());
    const auto inRange = static_cast<double>(m_total - m_outOfRange);
    if (inRange == 0.0) {
        return 0.0;
    }
    // Var = E[c^2] - mean^2 over the bins; never below 0 by rounding.
    const double mean = inRange / n;
    const double variance = std::max(0.0, m_sumOfSquares / n - mean * mean);
    return std::sqrt(variance) / mean;
}

} // namespace faaslab
