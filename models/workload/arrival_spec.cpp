#include "models/workload/arrival_spec.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace faaslab {

namespace {

double stepRateAt(const ArrivalSpec& spec, double t) {
    if (spec.steps.empty()) {
        return 0.0;
    }
    if (spec.stepsPeriodS > 0.0) {
        t = std::fmod(t, spec.stepsPeriodS);
    }
    double rate = spec.steps.front().ratePerS;
    for (const RateStep& step : spec.steps) {
        if (step.fromS <= t) {
            rate = step.ratePerS;
        }
    }
    return rate;
}

// Arrivals in [0, t) of trace time, from the profile, one pass only;
// uniform within a bin.
double traceArrivalsUpTo(const TraceReplaySpec& trace, double t) {
    double sum = 0.0;
    for (std::size_t i = 0; i < trace.binCounts.size(); ++i) {
        const double start = static_cast<double>(i) * trace.binS;
        if (t <= start) {
            break;
        }
        sum += trace.binCounts[i] * std::min(1.0, (t - start) / trace.binS);
    }
    return sum;
}

} // namespace

double ArrivalSpec::meanRate() const {
    switch (process) {
    case Process::Poisson:
    case Process::Constant:
    case Process::Diurnal:
        return ratePerS;
    case Process::OnOff: {
        const double cycle = meanOnS + meanOffS;
        return cycle > 0.0 ? (rateOnPerS * meanOnS + rateOffPerS * meanOffS) / cycle : 0.0;
    }
    case Process::Steps: {
        if (steps.empty()) {
            return 0.0;
        }
        if (stepsPeriodS <= 0.0) {
            // Without repetition the last step lasts for ever.
            return steps.back().ratePerS;
        }
        double weighted = 0.0;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const double end = i + 1 < steps.size() ? steps[i + 1].fromS : stepsPeriodS;
            weighted += steps[i].ratePerS * (end - steps[i].fromS);
        }
        return weighted / stepsPeriodS;
    }
    case Process::Trace: {
        // Over one pass of the trace, which is also the long-run rate of a
        // repeated one.
        const double span = trace.spanS() * trace.timeScale;
        return span > 0.0 ? static_cast<double>(trace.arrivals) / span : 0.0;
    }
    }
    return 0.0;
}

double ArrivalSpec::expectedRateChanges(double duration) const {
    switch (process) {
    case Process::OnOff: {
        const double cycle = meanOnS + meanOffS;
        return cycle > 0.0 ? 2.0 * duration / cycle : 0.0;
    }
    case Process::Steps: {
        if (stepsPeriodS > 0.0) {
            return std::ceil(duration / stepsPeriodS) * static_cast<double>(steps.size());
        }
        return static_cast<double>(std::count_if(
            steps.begin(), steps.end(), [&](const RateStep& s) { return s.fromS < duration; }));
    }
    case Process::Diurnal:
        return std::max(0.0, peakRate() * duration - expectedArrivals(duration));
    case Process::Poisson:
    case Process::Constant:
    case Process::Trace:
        return 0.0;
    }
    return 0.0;
}

double ArrivalSpec::expectedArrivals(double duration) const {
    switch (process) {
    case Process::Poisson:
    case Process::Constant:
    case Process::OnOff:
        return meanRate() * duration;
    case Process::Diurnal: {
        const double omega = 2.0 * std::numbers::pi / periodS;
        return ratePerS * duration +
               ratePerS * amplitude / omega *
                   (std::sin(omega * (duration - peakTimeS)) - std::sin(-omega * peakTimeS));
    }
    case Process::Steps: {
        // Integral of the schedule over whole periods, then the remainder.
        auto integralUpTo = [this](double t) {
            double sum = 0.0;
            for (std::size_t i = 0; i < steps.size(); ++i) {
                const double end =
                    i + 1 < steps.size()
                        ? steps[i + 1].fromS
                        : (stepsPeriodS > 0.0 ? stepsPeriodS
                                              : std::numeric_limits<double>::infinity());
                if (t <= steps[i].fromS) {
                    break;
                }
                sum += steps[i].ratePerS * (std::min(t, end) - steps[i].fromS);
            }
            return sum;
        };
        if (stepsPeriodS <= 0.0) {
            return integralUpTo(duration);
        }
        const double periods = std::floor(duration / stepsPeriodS);
        return periods * integralUpTo(stepsPeriodS) +
               integralUpTo(duration - periods * stepsPeriodS);
    }
    case Process::Trace: {
        const double traceTime = duration / trace.timeScale;
        const double span = trace.spanS();
        if (!trace.repeat || span <= 0.0) {
            return traceArrivalsUpTo(trace, traceTime);
        }
        const double passes = std::floor(traceTime / span);
        return passes * static_cast<double>(trace.arrivals) +
               traceArrivalsUpTo(trace, traceTime - passes * span);
    }
    }
    return 0.0;
}

double ArrivalSpec::peakRate() const {
    switch (process) {
    case Process::Poisson:
    case Process::Constant:
        return ratePerS;
    case Process::OnOff:
        return std::max(rateOnPerS, rateOffPerS);
    case Process::Diurnal:
        return ratePerS * (1.0 + amplitude);
    case Process::Steps: {
        double peak = 0.0;
        for (const RateStep& step : steps) {
            peak = std::max(peak, step.ratePerS);
        }
        return peak;
    }
    case Process::Trace: {
        // The busiest bin's average rate: the profile cannot see finer.
        std::uint32_t busiest = 0;
        for (const std::uint32_t count : trace.binCounts) {
            busiest = std::max(busiest, count);
        }
        return busiest / (trace.binS * trace.timeScale);
    }
    }
    return 0.0;
}

double ArrivalSpec::expectedRateAt(double t) const {
    switch (process) {
    case Process::Poisson:
    case Process::Constant:
    case Process::OnOff:
        return meanRate();
    case Process::Diurnal:
        return ratePerS *
               (1.0 + amplitude * std::cos(2.0 * std::numbers::pi * (t - peakTimeS) / periodS));
    case Process::Steps:
        return stepRateAt(*this, t);
    case Process::Trace: {
        double traceTime = t / trace.timeScale;
        if (trace.repeat && trace.spanS() > 0.0) {
            traceTime = std::fmod(traceTime, trace.spanS());
        }
        const double bin = std::floor(traceTime / trace.binS);
        if (traceTime < 0.0 || bin >= static_cast<double>(trace.binCounts.size())) {
            return 0.0;
        }
        return trace.binCounts[static_cast<std::size_t>(bin)] / (trace.binS * trace.timeScale);
    }
    }
    return 0.0;
}

std::string_view ArrivalSpec::processName(Process process) {
    switch (process) {
    case Process::Poisson:
        return "poisson";
    case Process::Constant:
        return "constant";
    case Process::OnOff:
        return "on_off";
    case Process::Diurnal:
        return "diurnal";
    case Process::Steps:
        return "steps";
    case Process::Trace:
        return "trace";
    }
    return "unknown";
}

} // namespace faaslab
