#pragma once

#include "models/workload/trace_replay_spec.h"

#include <string_view>
#include <vector>

namespace faaslab {

// One segment of a piecewise-constant rate schedule: from `fromS` (seconds
// since the start, or since the start of the period when the schedule
// repeats) the rate is `ratePerS` until the next step.
struct RateStep {
    double fromS = 0.0;
    double ratePerS = 0.0;
    bool operator==(const RateStep&) const = default;
};

// How requests arrive. A value type; ArrivalGenerator turns it into times.
struct ArrivalSpec {
    enum class Process { Poisson, Constant, OnOff, Diurnal, Steps, Trace };

    Process process = Process::Poisson;

    // poisson, constant: the rate; diurnal: the mean rate.
    double ratePerS = 1.0;

    // on_off: a two-state Markov-modulated Poisson process. The state
    // durations are exponential with these means; in each state arrivals are
    // Poisson at that state's rate.
    double rateOnPerS = 0.0;
    double rateOffPerS = 0.0;
    double meanOnS = 0.0;
    double meanOffS = 0.0;

    // diurnal: lambda(t) = rate * (1 + amplitude * cos(2 pi (t - peak) / period)).
    double amplitude = 0.0;
    double periodS = 86400.0;
    double peakTimeS = 0.0;

    // steps: the schedule, first step from 0, strictly increasing; repeated
    // every `stepsPeriodS` when that is positive.
    std::vector<RateStep> steps;
    double stepsPeriodS = 0.0;

    // trace: replayed from a file (see TraceReplaySpec); its rates below come
    // from the profile the reader made when it validated the file.
    TraceReplaySpec trace;

    // Long-run average arrival rate (requests per second).
    double meanRate() const;
    // Expected number of arrivals in [0, duration): the integral of the rate.
    double expectedArrivals(double duration) const;
    // Expected number of times in [0, duration) the generator moves on
    // without an arrival: on_off changes of state, steps boundaries, diurnal
    // candidates thinned away. That work is bounded by the run, not by the
    // arrivals: a scenario with nanosecond phases or a 1 ms step period may
    // have few arrivals and still trillions of these.
    double expectedRateChanges(double duration) const;
    // The highest rate the process ever has.
    double peakRate() const;
    // Expected instantaneous rate at time t, for previews (for on_off this
    // is the long-run mean, since the state is random).
    double expectedRateAt(double t) const;

    static std::string_view processName(Process process);

    bool operator==(const ArrivalSpec&) const = default;
};

} // namespace faaslab
