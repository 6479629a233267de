#include "models/workload/arrival_spec.h"

#include <cmath>
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
