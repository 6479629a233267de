#include "simulator/running_stats.h"

#include <algorithm>

namespace faaslab::sim {

void RunningStats::merge(const RunningStats& other) {
    if (other.m_count == 0) {
        return;
    }
    if (m_count == 0) {
        *this = other;
        return;
    }
    const auto n1 = static_cast<double>(m_count);
    const auto n2 = static_cast<double>(other.m_count);
    const double delta = other.m_mean - m_mean;
    const double n = n1 + n2;
    m_mean += delta * n2 / n;
    m_m2 += other.m_m2 + delta * delta * n1 * n2 / n;
    m_count += other.m_count;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
}

} // namespace faaslab::sim
