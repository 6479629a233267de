#pragma once

#include <cstdint>
#include <vector>

namespace faaslab {

// Counts of a function's idle times (from the end of its last execution to
// the next request) in fixed-width bins over [0, range); longer idle times
// are counted as out of range. Memory is one counter per bin, whatever the
// number of requests.
class IdleTimeHistogram {
public:
    IdleTimeHistogram(double rangeS, double binS);

    void add(double idleS);

    std::uint64_t total() const { return m_total; }
    std::uint64_t outOfRange() const { return m_outOfRange; }
    std::size_t binCount() const { return m_bins.size(); }
    double binWidth() const { return m_binS; }
    std::uint64_t bin(std::size_t index) const { return m_bins[index]; }

    // The index of the bin holding the p-th percentile (0 < p <= 100) of all
    // idle times, out-of-range ones included: the first bin whose cumulative
    // count reaches p% of the total. -1 when that percentile is out of range
    // (or the histogram is empty).
    long percentileBin(double p) const;

    // Coefficient of variation (standard deviation / mean) of the in-range
    // bin counts; 0 for an empty histogram. O(1): the policy asks after
    // every idle period.
    double binCountCv() const;

private:
    double m_binS;
    std::vector<std::uint64_t> m_bins;
    std::uint64_t m_total = 0;
    std::uint64_t m_outOfRange = 0;
    // Sum of the squared bin counts, kept exact as counts grow by one:
    // (c + 1)^2 - c^2 = 2c + 1.
    double m_sumOfSquares = 0.0;
};

} // namespace faaslab
