#include "models/scenario/section_fields.h"

#include "models/scenario/scenario.h"
#include "models/workload/arrival_spec.h"

namespace faaslab {

std::optional<double> simulationFieldDefault(std::string_view key) {
    const SimulationSettings s;
    if (key == "duration_s") {
        return s.durationS;
    }
    if (key == "warmup_s") {
        return s.warmupS;
    }
    if (key == "seed") {
        return static_cast<double>(s.seed);
    }
    if (key == "replications") {
        return s.replications;
    }
    if (key == "timeseries_bin_s") {
        return s.timeseriesBinS;
    }
    return std::nullopt;
}

std::optional<double> arrivalFieldDefault(std::string_view process, std::string_view key) {
    const ArrivalSpec a;
    if (process == ArrivalSpec::processName(ArrivalSpec::Process::Diurnal)) {
        if (key == "period_s") {
            return a.periodS;
        }
        if (key == "peak_time_s") {
            return a.peakTimeS;
        }
    }
    if (process == ArrivalSpec::processName(ArrivalSpec::Process::Trace) && key == "time_scale") {
        return a.trace.timeScale;
    }
    return std::nullopt;
}

} // namespace faaslab
