#pragma once

#include <array>
#include <cstddef>

namespace faaslab::sim {

// Time averages of N piecewise-constant quantities that change at the same
// instants (instances alive, instances busy, queue length ...). Like N
// TimeWeightedAverage objects, but with one clock: advancing costs one
// subtraction and N multiply-adds, which matters when it happens at every
// event of a run.
template <std::size_t N> class TimeWeightedLevels {
public:
    // Starts (or restarts, at the end of warm-up) the averaging window at
    // `time`, keeping the current values.
    void restart(double time) {
        m_start = time;
        m_last = time;
        m_integrals.fill(0.0);
        m_maxima = m_values;
    }

    // Integrates every level up to `time` (not earlier than the last call).
    void advance(double time) {
        const double dt = time - m_last;
        for (std::size_t i = 0; i < N; ++i) {
            m_integrals[i] += m_values[i] * dt;
        }
        m_last = time;
    }

    // Changes level `i` at the time of the last advance().
    void add(std::size_t i, double delta) {
        m_values[i] += delta;
        if (m_values[i] > m_maxima[i]) {
            m_maxima[i] = m_values[i];
        }
    }

    double value(std::size_t i) const { return m_values[i]; }
    double integral(std::size_t i) const { return m_integrals[i]; }
    double maximum(std::size_t i) const { return m_maxima[i]; }
    double elapsed() const { return m_last - m_start; }
    double average(std::size_t i) const {
        const double span = m_last - m_start;
        return span > 0.0 ? m_integrals[i] / span : m_values[i];
    }

private:
    double m_start = 0.0;
    double m_last = 0.0;
    std::array<double, N> m_values{};
    std::array<double, N> m_integrals{};
    std::array<double, N> m_maxima{};
};

} // namespace faaslab::sim
