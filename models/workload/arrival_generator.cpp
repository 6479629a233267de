#include "models/workload/arrival_generator.h"

#include "models/workload/trace_replay.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace faaslab {

ArrivalGenerator::ArrivalGenerator(const ArrivalSpec& spec, sim::RandomStream stream, Bounds bounds)
    : m_spec(spec)
    , m_rng(stream)
    , m_bounds(bounds) {
    switch (m_spec.process) {
    case ArrivalSpec::Process::OnOff: {
        // Start in the stationary distribution of the two-state chain, so the
        // run has no start-up bias toward either state.
        const double pOn = m_spec.meanOnS / (m_spec.meanOnS + m_spec.meanOffS);
        m_on = m_rng.uniform() < pOn;
        m_switchAt = m_rng.exponential(m_on ? m_spec.meanOnS : m_spec.meanOffS);
        break;
    }
    case ArrivalSpec::Process::Diurnal:
        m_peakRate = m_spec.ratePerS * (1.0 + m_spec.amplitude);
        break;
    case ArrivalSpec::Process::Steps:
        locateStep();
        break;
    case ArrivalSpec::Process::Trace:
        m_trace = std::make_unique<TraceReplay>(m_spec.trace);
        break;
    case ArrivalSpec::Process::Poisson:
    case ArrivalSpec::Process::Constant:
        break;
    }
}

ArrivalGenerator::~ArrivalGenerator() = default;
ArrivalGenerator::ArrivalGenerator(ArrivalGenerator&&) noexcept = default;
ArrivalGenerator& ArrivalGenerator::operator=(ArrivalGenerator&&) noexcept = default;

double ArrivalGenerator::next() {
    switch (m_spec.process) {
    case ArrivalSpec::Process::Poisson:
        m_time += m_rng.exponential(1.0 / m_spec.ratePerS);
        return m_time;
    case ArrivalSpec::Process::Constant:
        ++m_count;
        m_time = static_cast<double>(m_count) / m_spec.ratePerS;
        return m_time;
    case ArrivalSpec::Process::OnOff:
        return nextOnOff();
    case ArrivalSpec::Process::Diurnal:
        return nextDiurnal();
    case ArrivalSpec::Process::Steps:
        return nextSteps();
    case ArrivalSpec::Process::Trace:
        m_time = m_trace->next(m_rng);
        return m_time;
    }
    return Never;
}

double ArrivalGenerator::nextOnOff() {
    for (;;) {
        const double rate = m_on ? m_spec.rateOnPerS : m_spec.rateOffPerS;
        const double candidate = rate > 0.0 ? m_time + m_rng.exponential(1.0 / rate) : Never;
        if (candidate < m_switchAt) {
            m_time = candidate;
            return m_time;
        }
        m_time = m_switchAt;
        if (mustStop()) {
            return Never;
        }
        m_on = !m_on;
        m_switchAt = m_time + m_rng.exponential(m_on ? m_spec.meanOnS : m_spec.meanOffS);
    }
}

double ArrivalGenerator::nextDiurnal() {
    if (m_peakRate <= 0.0) {
        return Never;
    }
    const double meanGap = 1.0 / m_peakRate;
    const double omega = 2.0 * std::numbers::pi / m_spec.periodS;
    for (;;) {
        m_time += m_rng.exponential(meanGap);
        const double rate =
            m_spec.ratePerS *
            (1.0 + m_spec.amplitude * std::cos(omega * (m_time - m_spec.peakTimeS)));
        if (m_rng.uniform() * m_peakRate < rate) {
            return m_time;
        }
        if (mustStop()) {
            return Never;
        }
    }
}

void ArrivalGenerator::locateStep() {
    const auto& steps = m_spec.steps;
    double periodStart = 0.0;
    double offset = m_time;
    if (m_spec.stepsPeriodS > 0.0) {
        periodStart = std::floor(m_time / m_spec.stepsPeriodS) * m_spec.stepsPeriodS;
        offset = m_time - periodStart;
    }
    // The last step starting at or before the offset (the first if rounding
    // put the offset before 0): steps start strictly increasing.
    const auto after =
        std::upper_bound(steps.begin(), steps.end(), offset,
                         [](double t, const RateStep& step) { return t < step.fromS; });
    const std::size_t i =
        after == steps.begin() ? 0 : static_cast<std::size_t>(after - steps.begin()) - 1;
    m_stepRate = steps[i].ratePerS;
    if (i + 1 < steps.size()) {
        m_stepEnd = periodStart + steps[i + 1].fromS;
    } else if (m_spec.stepsPeriodS > 0.0) {
        m_stepEnd = periodStart + m_spec.stepsPeriodS;
    } else {
        m_stepEnd = Never;
    }
    // Guard against a boundary that rounding put at or before the clock.
    if (m_stepEnd <= m_time) {
        m_stepEnd = std::nextafter(m_time, Never);
    }
}

double ArrivalGenerator::nextSteps() {
    for (;;) {
        const double candidate =
            m_stepRate > 0.0 ? m_time + m_rng.exponential(1.0 / m_stepRate) : Never;
        if (candidate < m_stepEnd) {
            m_time = candidate;
            return m_time;
        }
        if (m_stepEnd == Never) {
            return Never;
        }
        m_time = m_stepEnd;
        if (mustStop()) {
            return Never;
        }
        locateStep();
    }
}

} // namespace faaslab
