#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace faaslab::sim {

// Count, mean, variance, min and max of a stream of observations in O(1)
// memory, by Welford's (1962) update, which does not suffer the catastrophic
// cancellation of the naive sum-of-squares formula. Two summaries merge
// exactly (Chan, Golub & LeVeque, 1979), so replications can be pooled.
class RunningStats {
public:
    void add(double x) {
        ++m_count;
        const double delta = x - m_mean;
        m_mean += delta / static_cast<double>(m_count);
        m_m2 += delta * (x - m_mean);
        if (x < m_min) {
            m_min = x;
        }
        if (x > m_max) {
            m_max = x;
        }
    }

    void merge(const RunningStats& other);
    void reset() { *this = RunningStats(); }

    std::uint64_t count() const { return m_count; }
    double mean() const { return m_count > 0 ? m_mean : 0.0; }
    // Sample variance (n - 1 in the denominator); 0 for fewer than two values.
    double variance() const { return m_count > 1 ? m_m2 / static_cast<double>(m_count - 1) : 0.0; }
    double standardDeviation() const { return std::sqrt(variance()); }
    double min() const { return m_count > 0 ? m_min : 0.0; }
    double max() const { return m_count > 0 ? m_max : 0.0; }

private:
    std::uint64_t m_count = 0;
    double m_mean = 0.0;
    double m_m2 = 0.0;
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = -std::numeric_limits<double>::infinity();
};

} // namespace faaslab::sim
