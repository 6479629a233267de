#include "models/workload/trace_replay.h"

#include "models/io/regular_file.h"

#include <cmath>
#include <stdexcept>

namespace faaslab {

TraceReplay::TraceReplay(const TraceReplaySpec& spec)
    : m_spec(spec) {
    if (m_spec.format == TraceReplaySpec::Format::Timestamps) {
        openFile();
    }
}

void TraceReplay::openFile() {
    m_reader.reset();
    m_file.close();
    m_file.clear();
    if (const auto reason = openRegularFile(m_spec.resolvedPath, m_file)) {
        throw std::runtime_error("cannot open trace file \"" + m_spec.file + "\" (\"" +
                                 m_spec.resolvedPath + "\") any more: " + *reason);
    }
    m_reader = std::make_unique<TimestampTraceReader>(m_file);
}

double TraceReplay::next(sim::RandomStream& rng) {
    return m_spec.format == TraceReplaySpec::Format::Timestamps ? nextTimestamp()
                                                                : nextCounted(rng);
}

double TraceReplay::nextTimestamp() {
    for (;;) {
        while (m_reader->next(m_arrival)) {
            if (m_spec.function.empty() || m_arrival.function == m_spec.function) {
                return (m_passOffsetS + m_arrival.timeS) * m_spec.timeScale;
            }
        }
        if (const auto& error = m_reader->error()) {
            throw std::runtime_error("trace file \"" + m_spec.file +
                                     "\" changed since it was "
                                     "checked: line " +
                                     std::to_string(error->line) + ", column " +
                                     std::to_string(error->column) + ": " + error->message);
        }
        if (!m_spec.repeat) {
            return Never;
        }
        m_passOffsetS += m_spec.spanS();
        openFile();
    }
}

double TraceReplay::nextCounted(sim::RandomStream& rng) {
    const auto& counts = m_spec.binCounts;
    for (;;) {
        if (m_bin >= counts.size()) {
            if (!m_spec.repeat || m_spec.arrivals == 0) {
                return Never;
            }
            m_bin = 0;
            m_passOffsetS += m_spec.spanS();
        }
        const std::uint32_t count = counts[m_bin];
        if (m_placed < count) {
            const std::uint32_t remaining = count - m_placed;
            double fraction = 0.0;
            if (m_spec.spread == TraceReplaySpec::Spread::Even) {
                fraction = (m_placed + 0.5) / count;
            } else {
                // The next of `remaining` sorted uniforms above the last one:
                // its gap to 1 shrinks by V^(1/remaining), V uniform in (0, 1],
                // which yields the order statistics in order without storing
                // them (the minimum of r uniforms on [a, 1) is 1 - (1-a) V^(1/r)).
                fraction =
                    1.0 - (1.0 - m_lastFraction) *
                              std::pow(1.0 - rng.uniform(), 1.0 / static_cast<double>(remaining));
            }
            ++m_placed;
            m_lastFraction = fraction;
            return (m_passOffsetS + (static_cast<double>(m_bin) + fraction) * m_spec.binS) *
                   m_spec.timeScale;
        }
        ++m_bin;
        m_placed = 0;
        m_lastFraction = 0.0;
    }
}

} // namespace faaslab
