#pragma once

namespace faaslab::sim {

// Time average of a piecewise-constant quantity (instances alive, queue
// length...): (1 / (t - t0)) * integral of value dt. The caller reports each
// change with the time it happens; times must not decrease.
class TimeWeightedAverage {
public:
    // Starts (or restarts, at the end of warm-up) the averaging window at
    // `time`, keeping the current value.
    void restart(double time) {
        m_start = time;
        m_last = time;
        m_integral = 0.0;
        m_max = m_value;
    }

    void set(double time, double value) {
        advance(time);
        m_value = value;
        if (value > m_max) {
            m_max = value;
        }
    }

    // Changes the value at the time of the last advance() or set().
    void add(double delta) {
        m_value += delta;
        if (m_value > m_max) {
            m_max = m_value;
        }
    }

    void advance(double time) {
        m_integral += m_value * (time - m_last);
        m_last = time;
    }

    double value() const { return m_value; }
    double integral() const { return m_integral; }
    double maximum() const { return m_max; }
    double elapsed() const { return m_last - m_start; }
    double average() const {
        const double span = m_last - m_start;
        return span > 0.0 ? m_integral / span : m_value;
    }

private:
    double m_start = 0.0;
    double m_last = 0.0;
    double m_value = 0.0;
    double m_integral = 0.0;
    double m_max = 0.0;
};

} // namespace faaslab::sim
