#include "models/scenario/workload_reader.h"

#include "models/scenario/distribution_reader.h"
#include "models/scenario/trace_arrivals_reader.h"
#include "models/workload/trace_profiler.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace faaslab::reading {

std::optional<ArrivalSpec> readArrivals(JsonObjectReader& workload,
                                        const std::filesystem::path& base,
                                        TraceCompanions* companions) {
    JsonObjectReader r = workload.object("arrivals", true);
    if (!r.valid()) {
        return std::nullopt;
    }
    const std::map<std::string, std::string> owners = {
        {"rate_per_s", "it belongs to processes \"poisson\", \"constant\" and \"diurnal\""},
        {"rate_on_per_s", "it belongs to process \"on_off\""},
        {"rate_off_per_s", "it belongs to process \"on_off\""},
        {"mean_on_s", "it belongs to process \"on_off\""},
        {"mean_off_s", "it belongs to process \"on_off\""},
        {"amplitude", "it belongs to process \"diurnal\""},
        {"period_s", "it belongs to processes \"diurnal\" and \"steps\""},
        {"peak_time_s", "it belongs to process \"diurnal\""},
        {"steps", "it belongs to process \"steps\""},
        {"format", "it belongs to process \"trace\""},
        {"file", "it belongs to process \"trace\""},
        {"function", "it belongs to process \"trace\""},
        {"select", "it belongs to process \"trace\""},
        {"spread", "it belongs to process \"trace\""},
        {"time_scale", "it belongs to process \"trace\""},
        {"repeat", "it belongs to process \"trace\""},
        {"durations_file", "it belongs to process \"trace\""},
        {"memory_file", "it belongs to process \"trace\""},
    };
    const auto process =
        r.requiredChoice("process", {"poisson", "constant", "on_off", "diurnal", "steps", "trace"});
    if (!process) {
        for (const auto& [k, note] : owners) {
            r.allow(k);
        }
        r.finish();
        return std::nullopt;
    }
    const std::size_t errorsBefore = r.diagnostics().count();
    ArrivalSpec spec;
    if (*process == "poisson" || *process == "constant") {
        spec.process =
            *process == "poisson" ? ArrivalSpec::Process::Poisson : ArrivalSpec::Process::Constant;
        spec.ratePerS = r.requiredNumber("rate_per_s", RateRule).value_or(1.0);
    } else if (*process == "on_off") {
        spec.process = ArrivalSpec::Process::OnOff;
        spec.rateOnPerS = r.requiredNumber("rate_on_per_s", RateRule).value_or(1.0);
        spec.rateOffPerS = r.requiredNumber("rate_off_per_s", ZeroOrRate).value_or(0.0);
        spec.meanOnS = r.requiredNumber("mean_on_s", Span).value_or(1.0);
        spec.meanOffS = r.requiredNumber("mean_off_s", Span).value_or(1.0);
    } else if (*process == "diurnal") {
        spec.process = ArrivalSpec::Process::Diurnal;
        spec.ratePerS = r.requiredNumber("rate_per_s", RateRule).value_or(1.0);
        spec.amplitude = r.requiredNumber("amplitude", NumberRule::fraction()).value_or(0.0);
        spec.periodS = r.number("period_s", Span, 86400.0);
        spec.peakTimeS = r.number("peak_time_s", ZeroOrSpan, 0.0);
    } else if (*process == "trace") {
        spec.process = ArrivalSpec::Process::Trace;
        readTraceArrivals(r, base, spec.trace, companions);
    } else {
        spec.process = ArrivalSpec::Process::Steps;
        const Json* steps = r.array("steps", true);
        if (steps != nullptr) {
            if (steps->empty() || steps->size() > 100000) {
                r.error("steps", "must list between 1 and 100000 steps, got " +
                                     std::to_string(steps->size()));
            }
            double previous = -1.0;
            bool anyPositive = false;
            for (std::size_t i = 0; i < steps->size(); ++i) {
                const std::string path = indexPath(r.childPath("steps"), i);
                const Json& item = (*steps)[i];
                if (!item.is_object()) {
                    r.diagnostics().error(path, "must be an object like {\"from_s\": 0, "
                                                "\"rate_per_s\": 5}, got " +
                                                    JsonObjectReader::describe(item));
                    continue;
                }
                JsonObjectReader step(&item, path, r.diagnostics());
                const auto from = step.requiredNumber("from_s", ZeroOrSpan);
                const auto rate = step.requiredNumber("rate_per_s", ZeroOrRate);
                if (from) {
                    if (i == 0 && *from != 0.0) {
                        step.error("from_s",
                                   "must be 0 for the first step, got " + formatNumber(*from));
                    } else if (i > 0 && *from <= previous) {
                        step.error("from_s", "must be later than the previous step's (" +
                                                 formatNumber(previous) + "), got " +
                                                 formatNumber(*from));
                    }
                    previous = *from;
                }
                anyPositive = anyPositive || (rate && *rate > 0.0);
                step.finish();
                spec.steps.push_back(RateStep{from.value_or(0.0), rate.value_or(0.0)});
            }
            if (!steps->empty() && !anyPositive) {
                r.error("steps", "must have at least one step with a positive rate_per_s");
            }
        }
        if (const auto period = r.optionalNumber("period_s", Span)) {
            if (!spec.steps.empty() && *period <= spec.steps.back().fromS) {
                r.error("period_s", "must be later than the last step's from_s (" +
                                        formatNumber(spec.steps.back().fromS) + "), got " +
                                        formatNumber(*period));
            }
            spec.stepsPeriodS = *period;
        }
    }
    r.finish(owners);
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    return spec;
}

std::optional<WorkloadSpec> readWorkload(JsonObjectReader& root,
                                         const std::filesystem::path& base) {
    JsonObjectReader r = root.object("workload", true);
    if (!r.valid()) {
        return std::nullopt;
    }
    WorkloadSpec workload;
    TraceCompanions companions;
    const auto arrivals = readArrivals(r, base, &companions);
    // An Azure trace's companion files stand in for the service time and
    // the memory; giving both would leave one of them unused.
    const TraceReplaySpec* trace =
        arrivals && arrivals->process == ArrivalSpec::Process::Trace ? &arrivals->trace : nullptr;
    const bool serviceFromTrace = trace != nullptr && !trace->durationsFile.empty();
    const bool memoryFromTrace = trace != nullptr && !trace->memoryFile.empty();
    if (serviceFromTrace && r.has("service_time_s")) {
        r.error("service_time_s", "the service time comes from arrivals.durations_file; give "
                                  "one or the other");
        r.allow("service_time_s");
    }
    if (memoryFromTrace && r.has("memory_mb")) {
        r.error("memory_mb", "the memory comes from arrivals.memory_file; give one or the other");
        r.allow("memory_mb");
    }
    std::optional<DistributionSpec> service;
    if (serviceFromTrace) {
        if (!companions.serviceTimeSamplesS.empty()) {
            service = DistributionSpec::empirical(companions.serviceTimeSamplesS);
        }
    } else {
        service = readDistribution(r, "service_time_s", true);
    }
    const bool hasIoWait = r.has("io_wait_s");
    const auto ioWait = readDistribution(r, "io_wait_s", false);
    const std::optional<double> memory = [&]() -> std::optional<double> {
        if (!memoryFromTrace) {
            return r.requiredNumber("memory_mb", NumberRule::positive(1048576, "1 TiB"));
        }
        const double mb = companions.memoryMb.value_or(0.0);
        if (companions.memoryMb && !(mb > 0.0 && mb <= 1048576.0)) {
            r.error("arrivals", "the memory file gives an average of " + formatNumber(mb) +
                                    " MB for the selected apps; it must be above 0 and at most "
                                    "1 TiB");
            return std::nullopt;
        }
        return companions.memoryMb;
    }();
    r.finish();
    if (!arrivals || !service || !memory || (hasIoWait && !ioWait)) {
        return std::nullopt;
    }
    workload.ioWaitS = ioWait;
    workload.arrivals = *arrivals;
    workload.serviceTimeS = *service;
    workload.memoryMb = *memory;
    return workload;
}

} // namespace faaslab::reading
