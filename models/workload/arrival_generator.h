#pragma once

#include "models/workload/arrival_spec.h"
#include "simulator/random_stream.h"

#include <cstdint>
#include <limits>
#include <memory>

namespace faaslab {

class TraceReplay;

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
class ArrivalGenerator {
public:
    static constexpr double Never = std::numeric_limits<double>::infinity();

    ArrivalGenerator(const ArrivalSpec& spec, sim::RandomStream stream);
    ~ArrivalGenerator();
    ArrivalGenerator(ArrivalGenerator&&) noexcept;
    ArrivalGenerator& operator=(ArrivalGenerator&&) noexcept;

    // The next arrival strictly after the previous one (the first call
    // starts from time 0). Never if the process has no further arrivals.
    double next();

private:
    double nextOnOff();
    double nextDiurnal();
    double nextSteps();
    // Rate and end of the step containing m_time (absolute times).
    void locateStep();

    ArrivalSpec m_spec;
    sim::RandomStream m_rng;
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
