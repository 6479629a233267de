#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace faaslab::sim {

// Log-bucketed histogram of non-negative durations (seconds) with bounded
// relative error, in the spirit of HdrHistogram: O(1) insertion, fixed memory,
// exact merging.
//
// Each power of two [2^e, 2^(e+1)) is split into 128 equal sub-buckets, so a
// bucket spans at most 1/128 of its lower edge and its midpoint lies within
// 1/256 (0.39 %) of every value in it. The bucket is found from the bits of
// the IEEE-754 double (exponent and top 7 mantissa bits): no logarithm per
// observation.
//
// Covered range: 2^-30 s (about 1 ns) to 2^23 s (about 97 days). Smaller
// values (including 0) land in an underflow bucket reported as the exact
// minimum; larger ones in an overflow bucket reported as the exact maximum.
class LatencyHistogram {
public:
    static constexpr int SubBucketBits = 7;
    static constexpr int SubBuckets = 1 << SubBucketBits;
    static constexpr int MinExponent = -30;
    static constexpr int MaxExponent = 23;
    static constexpr int BucketCount = (MaxExponent - MinExponent) * SubBuckets + 2;
    // Guaranteed bound on |reported quantile - true sample quantile| / true.
    static constexpr double RelativeError = 1.0 / (2.0 * SubBuckets);

    LatencyHistogram()
        : m_counts(BucketCount, 0) {}

    void add(double seconds) {
        ++m_counts[bucketOf(seconds)];
        ++m_total;
        if (seconds < m_min) {
            m_min = seconds;
        }
        if (seconds > m_max) {
            m_max = seconds;
        }
    }

    void merge(const LatencyHistogram& other);
    void reset();

    std::uint64_t count() const { return m_total; }
    double min() const { return m_total > 0 ? m_min : 0.0; }
    double max() const { return m_total > 0 ? m_max : 0.0; }

    // The q-quantile (0 <= q <= 1) of the recorded values: the smallest
    // recorded value v with at least ceil(q * n) values <= v, reported as its
    // bucket's midpoint clamped to [min, max]. 0 when empty.
    double quantile(double q) const;

    // Fraction of recorded values <= seconds (bucket resolution).
    double fractionAtOrBelow(double seconds) const;

    // Empirical CDF as (upper edge of bucket, cumulative fraction) for each
    // non-empty bucket, thinned to at most `maxPoints` points for plotting.
    std::vector<std::pair<double, double>> cdf(std::size_t maxPoints = 512) const;

    static std::size_t bucketOf(double seconds) {
        if (!(seconds >= MinValue)) {
            return 0; // underflow, zero, negative or NaN
        }
        const auto bits = std::bit_cast<std::uint64_t>(seconds);
        const int exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
        if (exponent >= MaxExponent) {
            return BucketCount - 1;
        }
        const auto mantissaTop =
            static_cast<std::size_t>((bits >> (52 - SubBucketBits)) & (SubBuckets - 1));
        return 1 + static_cast<std::size_t>(exponent - MinExponent) * SubBuckets + mantissaTop;
    }
    // [lower, upper) edges of a regular bucket (1 .. BucketCount - 2).
    static double bucketLower(std::size_t bucket);
    static double bucketUpper(std::size_t bucket);

private:
    static constexpr double MinValue = 0x1.0p-30;

    double representative(std::size_t bucket) const;

    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_total = 0;
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = -std::numeric_limits<double>::infinity();
};

} // namespace faaslab::sim
