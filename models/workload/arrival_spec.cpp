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
    }
    return "unknown";
}

} // namespace faaslab
