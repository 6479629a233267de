#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>

namespace faaslab::sim {

// A stream of pseudo-random numbers from xoshiro256++ (Blackman & Vigna,
// 2019): 256 bits of state, period 2^256 - 1, a few cycles per draw and no
// known statistical weaknesses in its top 53 bits, which is all a double uses.
//
// Every random purpose in a run (arrivals, service times, cold starts...) gets
// its own stream whose seed is *derived* from the scenario seed, the
// replication number and the purpose. Because the arrival and service-time
// streams do not depend on the architecture, every architecture sees the
// identical request stream: common random numbers.
class RandomStream {
public:
    explicit RandomStream(std::uint64_t seed = 0) { reseed(seed); }

    // The stream for (master seed, path...), e.g. derive(seed, {replication,
    // StreamPurpose::Arrivals}). Each component is folded in through SplitMix64,
    // whose output is a bijection of its input, so distinct paths give
    // unrelated states.
    static RandomStream derive(std::uint64_t masterSeed, std::initializer_list<std::uint64_t> path);

    void reseed(std::uint64_t seed);

    std::uint64_t nextU64() {
        const std::uint64_t result = rotl(m_s[0] + m_s[3], 23) + m_s[0];
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }

    // Uniform on (0, 1]: safe to take the logarithm of.
    double uniformOpenZero() { return static_cast<double>((nextU64() >> 11) + 1) * 0x1.0p-53; }

    // Standard exponential (mean 1) by the ziggurat method (Marsaglia &
    // Tsang, 2000): about 99 % of draws cost one 64-bit number, a table
    // lookup and a multiply; no logarithm.
    double standardExponential();

    // Exponential with the given mean.
    double exponential(double mean) { return mean * standardExponential(); }

    // Uniform integer in [0, bound), bound > 0, without modulo bias (Lemire).
    std::uint64_t below(std::uint64_t bound);

    // Standard normal by the Marsaglia polar method; the second variate of each
    // pair is kept for the next call.
    double standardNormal();

    // Gamma(shape, scale 1) by Marsaglia & Tsang (2000), with the
    // U^(1/shape) boost for shape < 1.
    double standardGamma(double shape);

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_s[4] = {};
    double m_spareNormal = 0.0;
    bool m_hasSpareNormal = false;
};

// SplitMix64 step (Steele, Lea & Flood, 2014): the standard way to expand one
// 64-bit seed into well-mixed state words.
std::uint64_t splitMix64(std::uint64_t& state);

} // namespace faaslab::sim
