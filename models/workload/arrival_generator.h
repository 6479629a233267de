#pragma once

#include "models/workload/arrival_spec.h"
#include "simulator/random_stream.h"

#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>

namespace faaslab {

class TraceReplay;

// What a run allows an ArrivalGenerator's search for the next arrival.
struct ArrivalBounds {
    // No arrival at or after this time is needed (the horizon).
    double until = std::numeric_limits<double>::infinity();
    // Set from any thread to stop a search; polled every
    // ArrivalGenerator::PollInterval changes of rate or thinned candidates.
    const std::atomic<bool>* cancel = nullptr;
};

// Produces the successive arrival times of an ArrivalSpec, using only its own
// random stream, so the times do not depend on anything else in the run.
//
// Every process is generated exactly (no time discretisation):
//  - poisson: exponential inter-arrival times;
//  - constant: arrivals at k / rate, k = 1, 2, ... (computed from k, so no
//    rounding drift over billions of arrivals);
//  - on_off and steps: within a state or step the process is Poisson; when
//    the candidate arrival would fall after the next change of rate, the clock
//    moves to the change and a fresh exponential is drawn, which is exact by
//    the memoryless property;
//  - trace: replayed from its file (TraceReplay);
//  - diurnal: thinning (Lewis & Shedler, 1979): candidates from a Poisson
//    process at the peak rate, each kept with probability lambda(t) / peak.
//
// Between two arrivals the generator may step through many changes of rate
// (on_off phases of a nanosecond, a 1 ms step period with a rate of 1e-12):
// those loops are bounded by the run, never by the next arrival alone. They
// stop at `until` (no arrival at or after it is needed) and poll `cancel`;
// in both cases next() returns Never.
class ArrivalGenerator {
public:
    static constexpr double Never = std::numeric_limits<double>::infinity();

    using Bounds = ArrivalBounds;
    static constexpr std::uint32_t PollInterval = 4096;

    ArrivalGenerator(const ArrivalSpec& spec, sim::RandomStream stream, Bounds bounds = {});
    ~ArrivalGenerator();
    ArrivalGenerator(ArrivalGenerator&&) noexcept;
    ArrivalGenerator& operator=(ArrivalGenerator&&) noexcept;

    // The next arrival strictly after the previous one (the first call
    // starts from time 0). Never if the process has no further arrivals, or
    // none before the bounds' `until`, or the search was cancelled.
    double next();

private:
    double nextOnOff();
    double nextDiurnal();
    double nextSteps();
    // Rate and end of the step containing m_time (absolute times), found by
    // binary search: at every boundary, so a long schedule costs log(steps).
    void locateStep();
    // Checked at each pass of a search loop that did not yield an arrival.
    bool mustStop() {
        if (m_time >= m_bounds.until) {
            return true;
        }
        if (--m_untilPoll == 0) {
            m_untilPoll = PollInterval;
            return m_bounds.cancel != nullptr && m_bounds.cancel->load(std::memory_order_relaxed);
        }
        return false;
    }

    ArrivalSpec m_spec;
    sim::RandomStream m_rng;
    Bounds m_bounds;
    std::uint32_t m_untilPoll = PollInterval;
    double m_time = 0.0;
    std::uint64_t m_count = 0;

    // on_off state
    bool m_on = true;
    double m_switchAt = 0.0;

    // diurnal
    double m_peakRate = 0.0;

    // steps state
    double m_stepRate = 0.0;
    double m_stepEnd = 0.0;

    // trace state (only for traces: it holds an open file)
    std::unique_ptr<TraceReplay> m_trace;
};

} // namespace faaslab
