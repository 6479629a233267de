#include "simulator/random_stream.h"

#include <array>

namespace faaslab::sim {

std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

RandomStream RandomStream::derive(std::uint64_t masterSeed,
                                  std::initializer_list<std::uint64_t> path) {
    std::uint64_t state = masterSeed;
    std::uint64_t mixed = splitMix64(state);
    for (std::uint64_t component : path) {
        state = mixed ^ (component * 0xd6e8feb86659fd93ULL + 0x632be59bd9b4e019ULL);
        mixed = splitMix64(state);
    }
    return RandomStream(mixed);
}

void RandomStream::reseed(std::uint64_t seed) {
    std::uint64_t state = seed;
    for (std::uint64_t& word : m_s) {
        word = splitMix64(state);
    }
    // xoshiro's only forbidden state is all zeros; SplitMix64 cannot produce
    // four zero words in a row, but be explicit about the invariant.
    if ((m_s[0] | m_s[1] | m_s[2] | m_s[3]) == 0) {
        m_s[0] = 1;
    }
    m_hasSpareNormal = false;
}

namespace {

// Full 64 x 64 -> 128-bit product as (high, low) words, in standard C++.
void multiply128(std::uint64_t a, std::uint64_t b, std::uint64_t& high, std::uint64_t& low) {
    const std::uint64_t aLow = a & 0xffffffffULL;
    const std::uint64_t aHigh = a >> 32;
    const std::uint64_t bLow = b & 0xffffffffULL;
    const std::uint64_t bHigh = b >> 32;
    const std::uint64_t lowLow = aLow * bLow;
    const std::uint64_t highLow = aHigh * bLow;
    const std::uint64_t lowHigh = aLow * bHigh;
    const std::uint64_t highHigh = aHigh * bHigh;
    const std::uint64_t middle = (lowLow >> 32) + (highLow & 0xffffffffULL) + lowHigh;
    low = (middle << 32) | (lowLow & 0xffffffffULL);
    high = highHigh + (highLow >> 32) + (middle >> 32);
}

} // namespace

std::uint64_t RandomStream::below(std::uint64_t bound) {
    // Lemire (2019), "Fast random integer generation in an interval": the
    // high word of x * bound is uniform on [0, bound) once the few low words
    // below 2^64 mod bound are rejected.
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    multiply128(nextU64(), bound, high, low);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            multiply128(nextU64(), bound, high, low);
        }
    }
    return high;
}

namespace {

// Ziggurat for f(x) = exp(-x), x >= 0, with 256 layers of equal area V.
// Layer 0 is the base: the rectangle [0, R] x [0, f(R)] plus the tail beyond
// R, given the "virtual" width X[0] = V / f(R). Layer i >= 1 is the rectangle
// [0, X[i]] x [f(X[i]), f(X[i+1])], with X[1] = R and X[256] = 0. The
// constants R and V are Marsaglia & Tsang's for 256 layers.
struct ExponentialZiggurat {
    static constexpr int Layers = 256;
    static constexpr double R = 7.69711747013104972;
    static constexpr double V = 0.0039496598225815571993;

    std::array<double, Layers + 1> x{};
    std::array<double, Layers + 1> fx{};

    ExponentialZiggurat() {
        x[0] = V / std::exp(-R);
        x[1] = R;
        for (int i = 1; i < Layers - 1; ++i) {
            // Equal areas: X[i] * (f(X[i+1]) - f(X[i])) = V.
            x[i + 1] = -std::log(std::exp(-x[i]) + V / x[i]);
        }
        x[Layers] = 0.0;
        for (int i = 0; i <= Layers; ++i) {
            fx[i] = std::exp(-x[i]);
        }
    }
};

const ExponentialZiggurat& exponentialZiggurat() {
    static const ExponentialZiggurat table;
    return table;
}

} // namespace

double RandomStream::standardExponential() {
    const ExponentialZiggurat& z = exponentialZiggurat();
    for (;;) {
        const std::uint64_t bits = nextU64();
        const auto layer = static_cast<std::size_t>(bits & 0xff);
        // The top 53 bits, independent of the layer bits.
        const double u = static_cast<double>(bits >> 11) * 0x1.0p-53;
        const double x = u * z.x[layer];
        if (x < z.x[layer + 1]) {
            return x; // inside the part of the layer that lies under the curve
        }
        if (layer == 0) {
            // The tail beyond R is again exponential (memorylessness).
            return ExponentialZiggurat::R - std::log(uniformOpenZero());
        }
        // The wedge between the layer's rectangle and the curve.
        const double y = z.fx[layer] + uniform() * (z.fx[layer + 1] - z.fx[layer]);
        if (y < std::exp(-x)) {
            return x;
        }
    }
}

double RandomStream::standardNormal() {
    if (m_hasSpareNormal) {
        m_hasSpareNormal = false;
        return m_spareNormal;
    }
    double u = 0.0;
    double v = 0.0;
    double s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpareNormal = true;
    return u * factor;
}

double RandomStream::standardGamma(double shape) {
    if (shape < 1.0) {
        // Gamma(a) = Gamma(a + 1) * U^(1/a).
        const double boosted = standardGamma(shape + 1.0);
        return boosted * std::pow(uniformOpenZero(), 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = 0.0;
        double v = 0.0;
        do {
            x = standardNormal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniformOpenZero();
        const double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2) {
            return d * v;
        }
        if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) {
            return d * v;
        }
    }
}

} // namespace faaslab::sim
