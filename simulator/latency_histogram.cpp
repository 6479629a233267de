#include "simulator/latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace faaslab::sim {

void LatencyHistogram::merge(const LatencyHistogram& other) {
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        m_counts[i] += other.m_counts[i];
    }
    m_total += other.m_total;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::reset() {
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_total = 0;
    m_min = std::numeric_limits<double>::infinity();
    m_max = -std::numeric_limits<double>::infinity();
}

double LatencyHistogram::bucketLower(std::size_t bucket) {
    const std::size_t regular = bucket - 1;
    const int exponent = MinExponent + static_cast<int>(regular / SubBuckets);
    const auto sub = static_cast<double>(regular % SubBuckets);
    return std::ldexp(1.0 + sub / SubBuckets, exponent);
}

double LatencyHistogram::bucketUpper(std::size_t bucket) {
    const std::size_t regular = bucket - 1;
    const int exponent = MinExponent + static_cast<int>(regular / SubBuckets);
    const auto sub = static_cast<double>(regular % SubBuckets);
    return std::ldexp(1.0 + (sub + 1.0) / SubBuckets, exponent);
}

double LatencyHistogram::representative(std::size_t bucket) const {
    if (bucket == 0) {
        return m_min;
    }
    if (bucket == m_counts.size() - 1) {
        return m_max;
    }
    const double mid = 0.5 * (bucketLower(bucket) + bucketUpper(bucket));
    return std::clamp(mid, m_min, m_max);
}

double LatencyHistogram::quantile(double q) const {
    if (m_total == 0) {
        return 0.0;
    }
    if (q <= 0.0) {
        return m_min;
    }
    const auto wanted = static_cast<std::uint64_t>(
        std::max(1.0, std::ceil(std::min(q, 1.0) * static_cast<double>(m_total))));
    std::uint64_t cumulative = 0;
    for (std::size_t bucket = 0; bucket < m_counts.size(); ++bucket) {
        cumulative += m_counts[bucket];
        if (cumulative >= wanted) {
            return representative(bucket);
        }
    }
    return m_max;
}

double LatencyHistogram::fractionAtOrBelow(double seconds) const {
    if (m_total == 0) {
        return 0.0;
    }
    const std::size_t last = bucketOf(seconds);
    std::uint64_t cumulative = 0;
    for (std::size_t bucket = 0; bucket <= last; ++bucket) {
        cumulative += m_counts[bucket];
    }
    return static_cast<double>(cumulative) / static_cast<double>(m_total);
}

std::vector<std::pair<double, double>> LatencyHistogram::cdf(std::size_t maxPoints) const {
    std::vector<std::pair<double, double>> points;
    if (m_total == 0 || maxPoints == 0) {
        return points;
    }
    std::size_t nonEmpty = 0;
    for (std::uint64_t c : m_counts) {
        nonEmpty += c > 0 ? 1 : 0;
    }
    // Keep every k-th non-empty bucket, and always the last one (fraction 1).
    const std::size_t stride = (nonEmpty + maxPoints - 1) / maxPoints;
    std::uint64_t cumulative = 0;
    std::size_t seen = 0;
    const auto total = static_cast<double>(m_total);
    for (std::size_t bucket = 0; bucket < m_counts.size(); ++bucket) {
        if (m_counts[bucket] == 0) {
            continue;
        }
        cumulative += m_counts[bucket];
        ++seen;
        if (seen % stride == 0 || cumulative == m_total) {
            double edge = m_max;
            if (bucket == 0) {
                edge = m_min;
            } else if (bucket < m_counts.size() - 1) {
                edge = std::min(bucketUpper(bucket), m_max);
            }
            points.emplace_back(edge, static_cast<double>(cumulative) / total);
        }
    }
    return points;
}

} // namespace faaslab::sim
