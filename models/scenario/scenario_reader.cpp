#include "models/scenario/scenario_reader.h"

#include "models/io/regular_file.h"
#include "models/platforms/vm_config.h"
#include "models/scenario/architecture_fields.h"
#include "models/scenario/json_locator.h"
#include "models/scenario/json_object_reader.h"
#include "models/scenario/json_text_parser.h"
#include "models/scenario/pricing_reader.h"
#include "models/scenario/trace_arrivals_reader.h"
#include "models/workload/trace_profiler.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace faaslab {

namespace {

using Json = JsonObjectReader::Json;

// Limits beyond which a value is certainly a mistake (a unit slip), stated
// once and shown in the message.
constexpr double TenYears = 315360000.0;
constexpr double MaxRate = 1e7;
constexpr double MaxDurationSample = 1e6;
const NumberRule RateRule = NumberRule::positive(MaxRate, "10 million requests per second");
const NumberRule ZeroOrRate = NumberRule::nonNegative(MaxRate, "10 million requests per second");
const NumberRule Span = NumberRule::positive(TenYears, "10 years");
const NumberRule ZeroOrSpan = NumberRule::nonNegative(TenYears, "10 years");
const NumberRule SampleRule = NumberRule::nonNegative(MaxDurationSample, "about 11.6 days");
const NumberRule PositiveSample = NumberRule::positive(MaxDurationSample, "about 11.6 days");
const NumberRule CvRule = NumberRule::positive(100, "a coefficient of variation above 100");

// ---------------------------------------------------------------- distributions

std::optional<DistributionSpec> readDistribution(JsonObjectReader& parent, std::string_view key,
                                                 bool required) {
    JsonObjectReader r = parent.object(key, required);
    if (!r.valid()) {
        return std::nullopt;
    }
    const auto dist = r.requiredChoice(
        "dist", {"deterministic", "exponential", "uniform", "lognormal", "gamma", "empirical"});
    const std::map<std::string, std::string> owners = {
        {"value", "it belongs to dist \"deterministic\""},
        {"mean", "it belongs to dists \"exponential\", \"lognormal\" and \"gamma\""},
        {"cv", "it belongs to dists \"lognormal\" and \"gamma\""},
        {"min", "it belongs to dist \"uniform\""},
        {"max", "it belongs to dist \"uniform\""},
        {"samples", "it belongs to dist \"empirical\""},
    };
    if (!dist) {
        for (const auto& [k, note] : owners) {
            r.allow(k);
        }
        r.finish();
        return std::nullopt;
    }
    std::optional<DistributionSpec> spec;
    if (*dist == "deterministic") {
        if (auto v = r.requiredNumber("value", SampleRule)) {
            spec = DistributionSpec::deterministic(*v);
        }
    } else if (*dist == "exponential") {
        if (auto m = r.requiredNumber("mean", PositiveSample)) {
            spec = DistributionSpec::exponential(*m);
        }
    } else if (*dist == "uniform") {
        const auto lo = r.requiredNumber("min", SampleRule);
        const auto hi = r.requiredNumber("max", SampleRule);
        if (lo && hi) {
            if (*hi < *lo) {
                r.error("max", "must be at least min (" + formatNumber(*lo) + "), got " +
                                   formatNumber(*hi));
            } else {
                spec = DistributionSpec::uniform(*lo, *hi);
            }
        }
    } else if (*dist == "lognormal" || *dist == "gamma") {
        const auto m = r.requiredNumber("mean", PositiveSample);
        const auto cv = r.requiredNumber("cv", CvRule);
        if (m && cv) {
            spec = *dist == "lognormal" ? DistributionSpec::logNormal(*m, *cv)
                                        : DistributionSpec::gamma(*m, *cv);
        }
    } else if (*dist == "empirical") {
        const Json* samples = r.array("samples", true);
        if (samples != nullptr) {
            if (samples->empty()) {
                r.error("samples", "must list at least one observation");
            } else if (samples->size() > 1000000) {
                r.error("samples", "must list at most 1000000 observations, got " +
                                       std::to_string(samples->size()));
            } else {
                std::vector<double> values;
                values.reserve(samples->size());
                bool good = true;
                for (std::size_t i = 0; i < samples->size(); ++i) {
                    const Json& item = (*samples)[i];
                    const std::string path = indexPath(r.childPath("samples"), i);
                    if (!item.is_number()) {
                        r.diagnostics().error(path, "must be a number, got " +
                                                        JsonObjectReader::describe(item));
                        good = false;
                        continue;
                    }
                    const std::string problem = SampleRule.violation(item.get<double>());
                    if (!problem.empty()) {
                        r.diagnostics().error(path, problem + ", got " + item.dump());
                        good = false;
                        continue;
                    }
                    values.push_back(item.get<double>());
                }
                if (good) {
                    spec = DistributionSpec::empirical(std::move(values));
                }
            }
        }
    }
    r.finish(owners);
    return spec;
}

// ---------------------------------------------------------------- workload

std::optional<ArrivalSpec> readArrivals(JsonObjectReader& workload,
                                        const std::filesystem::path& base,
                                        TraceCompanions* companions = nullptr) {
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

// ---------------------------------------------------------------- simulation

SimulationSettings readSimulation(JsonObjectReader& root) {
    SimulationSettings s;
    JsonObjectReader r = root.object("simulation", false);
    if (!r.valid()) {
        return s;
    }
    s.durationS = r.number("duration_s", Span, s.durationS);
    s.warmupS = r.number("warmup_s", ZeroOrSpan, s.warmupS);
    if (s.warmupS >= s.durationS) {
        r.error("warmup_s", "must be shorter than duration_s (" + formatNumber(s.durationS) +
                                "), got " + formatNumber(s.warmupS));
    }
    s.seed = r.unsignedInteger("seed", s.seed);
    s.replications = static_cast<int>(
        r.integer("replications", NumberRule::count(1, 10000, "ten thousand replications"), 1));
    s.timeseriesBinS = r.number("timeseries_bin_s", Span, s.timeseriesBinS);
    if (s.timeseriesBinS > s.durationS - s.warmupS && r.has("timeseries_bin_s")) {
        r.error("timeseries_bin_s", "must not exceed the measured span duration_s - warmup_s (" +
                                        formatNumber(s.durationS - s.warmupS) + "), got " +
                                        formatNumber(s.timeseriesBinS));
    }
    r.finish();
    return s;
}

// ---------------------------------------------------------------- architectures

// The largest function memory a price list allows (0: no limit).
double memoryLimitMb(const ServerlessPricing& pricing) {
    return !pricing.memoryTiers.empty() ? pricing.memoryTiers.back().memoryMb
                                        : pricing.maximumMemoryMb;
}

// An application's functions against each serverless architecture: their
// own limits must fit the architecture's settings and price list.
void checkFunctionsOnServerless(const Scenario& scenario, Diagnostics& diagnostics) {
    for (std::size_t a = 0; a < scenario.architectures.size(); ++a) {
        const ArchitectureSpec& arch = scenario.architectures[a];
        const auto* c = std::get_if<ServerlessConfig>(&arch.config);
        if (c == nullptr) {
            continue;
        }
        const std::string on =
            " on architectures[" + std::to_string(a) + "] (\"" + arch.name + "\")";
        const double limit = memoryLimitMb(c->pricing);
        for (std::size_t f = 0; f < scenario.application->functions.size(); ++f) {
            const FunctionSpec& fn = scenario.application->functions[f];
            const std::string path = indexPath("application.functions", f);
            if (limit > 0.0 && fn.memoryMb > limit) {
                diagnostics.error(path + ".memory_mb",
                                  "is " + formatNumber(fn.memoryMb) + " MB, but the price list" +
                                      on + " allows at most " + formatNumber(limit) + " MB");
            }
            if (fn.maxInstances && *fn.maxInstances < c->provisionedInstances) {
                diagnostics.error(path + ".max_instances",
                                  "must be at least the provisioned_instances (" +
                                      std::to_string(c->provisionedInstances) + ")" + on +
                                      ", got " + std::to_string(*fn.maxInstances));
            }
            if (fn.keepAliveS && c->keepAlivePolicy.kind == KeepAliveKind::None) {
                diagnostics.error(path + ".keep_alive_s",
                                  "has no effect with keep_alive_policy \"none\"" + on);
            }
        }
    }
}

void readHybridHistogram(JsonObjectReader& h, HybridHistogramSettings& s) {
    s.rangeS = h.number("range_s", NumberRule::positive(TenYears, "10 years"), s.rangeS);
    s.binS = h.number("bin_s", NumberRule::positive(TenYears, "10 years"), s.binS);
    if (s.binS > s.rangeS) {
        h.error("bin_s", "must not exceed range_s (" + formatNumber(s.rangeS) + "), got " +
                             formatNumber(s.binS));
    } else if (s.rangeS / s.binS > 1e6) {
        h.error("bin_s", "gives more than one million bins over range_s (" +
                             formatNumber(s.rangeS) + "); use wider bins");
    }
    const NumberRule percentile{0.0, true, 100.0, "100%", false};
    s.headPercentile = h.number("head_percentile", percentile, s.headPercentile);
    s.tailPercentile = h.number("tail_percentile", percentile, s.tailPercentile);
    if (s.headPercentile >= s.tailPercentile) {
        h.error("tail_percentile", "must be above head_percentile (" +
                                       formatNumber(s.headPercentile) + "), got " +
                                       formatNumber(s.tailPercentile));
    }
    s.margin = h.number("margin", NumberRule{0.0, false, 0.95, "95%", false}, s.margin);
    s.minIdleTimes = static_cast<int>(
        h.integer("min_idle_times", NumberRule::count(1, 1e9, "a billion"), s.minIdleTimes));
    s.cvThreshold =
        h.number("cv_threshold", NumberRule::nonNegative(1e6, "one million"), s.cvThreshold);
    h.finish();
}

// keep_alive_policy and its settings. keep_alive_s is the fixed window and
// the hybrid policy's fallback; with "none" it would mean nothing.
void readKeepAlivePolicy(JsonObjectReader& r, ServerlessConfig& c) {
    const std::string policy =
        r.choice("keep_alive_policy", {"fixed", "none", "hybrid_histogram"}, "fixed");
    c.keepAlivePolicy.kind = policy == "none"               ? KeepAliveKind::None
                             : policy == "hybrid_histogram" ? KeepAliveKind::HybridHistogram
                                                            : KeepAliveKind::Fixed;
    if (c.keepAlivePolicy.kind == KeepAliveKind::None && r.has("keep_alive_s")) {
        r.error("keep_alive_s", "has no effect with keep_alive_policy \"none\" (instances are "
                                "unloaded as soon as they are idle); remove it");
    }
    if (c.keepAlivePolicy.kind == KeepAliveKind::HybridHistogram) {
        JsonObjectReader h = r.object("hybrid_histogram", false);
        if (h.valid()) {
            readHybridHistogram(h, c.keepAlivePolicy.hybrid);
        }
    } else if (r.member("hybrid_histogram") != nullptr) {
        r.error("hybrid_histogram",
                "is only read with keep_alive_policy \"hybrid_histogram\", got \"" + policy + "\"");
    }
}

std::optional<ServerlessConfig> readServerless(JsonObjectReader& r, const WorkloadSpec* workload,
                                               const PricingCatalog& catalog) {
    const std::size_t errorsBefore = r.diagnostics().count();
    ServerlessConfig c;
    const auto coldStart = readDistribution(r, "cold_start_s", true);
    c.keepAliveS = r.number("keep_alive_s", ZeroOrSpan, c.keepAliveS);
    readKeepAlivePolicy(r, c);
    c.maxInstances = static_cast<int>(r.integer(
        "max_instances", NumberRule::count(1, 1e6, "one million instances"), c.maxInstances));
    c.provisionedInstances = static_cast<int>(
        r.integer("provisioned_instances", NumberRule::count(0, 1e6, "one million instances"),
                  c.provisionedInstances));
    if (c.provisionedInstances > c.maxInstances) {
        r.error("provisioned_instances", "must not exceed max_instances (" +
                                             std::to_string(c.maxInstances) + "), got " +
                                             std::to_string(c.provisionedInstances));
    }
    c.concurrencyPerInstance = static_cast<int>(r.integer(
        "concurrency_per_instance", NumberRule::count(1, 1000, "1000 concurrent requests"),
        c.concurrencyPerInstance));
    const std::string selection = r.choice(
        "instance_selection", {"most_recently_used", "newest_created", "least_recently_used"},
        "most_recently_used");
    c.instanceSelection = selection == "newest_created" ? InstanceSelection::NewestCreated
                          : selection == "least_recently_used"
                              ? InstanceSelection::LeastRecentlyUsed
                              : InstanceSelection::MostRecentlyUsed;
    c.timeoutS = r.number("timeout_s", PositiveSample, c.timeoutS);
    const auto pricing = readServerlessPricing(r, catalog);
    if (pricing) {
        c.pricing = *pricing;
        const double limit = memoryLimitMb(*pricing);
        if (workload != nullptr && limit > 0.0 && workload->memoryMb > limit) {
            r.error("pricing", "this price list allows at most " + formatNumber(limit) +
                                   " MB of memory, but workload.memory_mb is " +
                                   formatNumber(workload->memoryMb));
        }
        if (c.provisionedInstances > 0 && pricing->provisionedPerGbSecond == 0.0 &&
            pricing->provisionedExecutionPerGbSecond == 0.0) {
            r.error("provisioned_instances",
                    "this price list has no provisioned-concurrency rates (add "
                    "pricing.provisioned, or use 0)");
        }
    }
    if (!coldStart || r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    c.coldStartS = *coldStart;
    return c;
}

std::optional<ContainerConfig> readContainer(JsonObjectReader& r, const PricingCatalog& catalog) {
    const std::size_t errorsBefore = r.diagnostics().count();
    ContainerConfig c;
    c.vcpu = r.number("vcpu", NumberRule::positive(1024, "1024 vCPUs"), c.vcpu);
    c.memoryMb = r.number("memory_mb", NumberRule::positive(1048576, "1 TiB"), c.memoryMb);
    c.concurrencyPerInstance = static_cast<int>(r.integer(
        "concurrency_per_instance", NumberRule::count(1, 1000, "1000 concurrent requests"),
        c.concurrencyPerInstance));
    c.queueTimeoutS = r.number("queue_timeout_s", SampleRule, c.queueTimeoutS);
    c.minInstances = static_cast<int>(r.integer(
        "min_instances", NumberRule::count(0, 100000, "100,000 instances"), c.minInstances));
    c.maxInstances = static_cast<int>(r.integer(
        "max_instances", NumberRule::count(1, 100000, "100,000 instances"), c.maxInstances));
    if (c.maxInstances < c.minInstances) {
        r.error("max_instances", "must be at least min_instances (" +
                                     std::to_string(c.minInstances) + "), got " +
                                     std::to_string(c.maxInstances));
    }
    // Start-up time matters only if the fleet can grow.
    const bool canGrow = c.minInstances < c.maxInstances;
    const auto startup = readDistribution(r, "startup_s", canGrow);
    if (startup) {
        c.startupS = *startup;
    }
    JsonObjectReader a = r.object("autoscaler", false);
    if (a.valid()) {
        ContainerAutoscaler& s = c.autoscaler;
        s.intervalS = a.number("interval_s", NumberRule::positive(3600, "one hour"), s.intervalS);
        s.windowS = a.number("window_s", NumberRule::positive(86400, "one day"), s.windowS);
        if (s.windowS < s.intervalS) {
            a.error("window_s", "must be at least interval_s (" + formatNumber(s.intervalS) +
                                    "), got " + formatNumber(s.windowS));
        }
        s.targetUtilization = a.number("target_utilization", NumberRule{0.0, true, 1.0, "", false},
                                       s.targetUtilization);
        s.scaleDownDelayS = a.number("scale_down_delay_s",
                                     NumberRule::nonNegative(86400, "one day"), s.scaleDownDelayS);
        s.cpuTargetUtilization =
            a.number("cpu_target_utilization", NumberRule{0.0, true, 1.0, "", false}, 0.0);
        a.finish();
    }
    if (const auto pricing = readContainerPricing(r, catalog)) {
        c.pricing = *pricing;
    }
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    return c;
}

std::optional<VmConfig> readVm(JsonObjectReader& r, const PricingCatalog& catalog) {
    const std::size_t errorsBefore = r.diagnostics().count();
    VmConfig c;
    const auto pricing = readVmPricing(r, catalog);
    if (pricing) {
        c.pricing = *pricing;
    }
    // The instance type fixes the cores; a scenario may state them only if
    // it agrees.
    const int typeCores = pricing ? pricing->vcpu : 0;
    const auto vcpu = r.optionalNumber("vcpu", NumberRule::count(1, 1024, "1024 vCPUs"));
    if (vcpu) {
        c.vcpu = static_cast<int>(*vcpu);
        if (typeCores > 0 && c.vcpu != typeCores) {
            r.error("vcpu", "the price list's instance type (" + pricing->instanceType + ") has " +
                                std::to_string(typeCores) + " vCPUs, got " +
                                std::to_string(c.vcpu));
        }
    } else if (typeCores > 0) {
        c.vcpu = typeCores;
    } else if (pricing) {
        r.error("vcpu", "is required (a whole number) when the price list does not state the "
                        "instance type's vCPUs");
    }
    c.memoryMb = r.number("memory_mb", NumberRule::positive(1048576, "1 TiB"),
                          pricing && pricing->memoryMb > 0.0 ? pricing->memoryMb : c.memoryMb);
    const std::string dispatch = r.choice(
        "dispatch", {"central_queue", "least_connections", "round_robin"}, "central_queue");
    c.dispatch = dispatch == "least_connections" ? VmDispatch::LeastConnections
                 : dispatch == "round_robin"     ? VmDispatch::RoundRobin
                                                 : VmDispatch::CentralQueue;
    c.queueCapacity = static_cast<int>(
        r.integer("queue_capacity", NumberRule::count(0, 1e7, "ten million waiting requests"),
                  c.queueCapacity));
    c.queueTimeoutS = r.number("queue_timeout_s", SampleRule, c.queueTimeoutS);

    JsonObjectReader a = r.object("autoscaling", false);
    if (a.valid()) {
        VmAutoscaling& s = c.autoscaling;
        s.enabled = true;
        s.minInstances = static_cast<int>(
            a.requiredInteger("min_instances", NumberRule::count(1, 100000, "100,000 VMs"))
                .value_or(1));
        s.maxInstances = static_cast<int>(
            a.requiredInteger("max_instances", NumberRule::count(1, 100000, "100,000 VMs"))
                .value_or(s.minInstances));
        if (s.maxInstances < s.minInstances) {
            a.error("max_instances", "must be at least min_instances (" +
                                         std::to_string(s.minInstances) + "), got " +
                                         std::to_string(s.maxInstances));
        }
        s.targetUtilization = a.number("target_utilization", NumberRule{0.0, true, 1.0, "", false},
                                       s.targetUtilization);
        s.metricPeriodS =
            a.number("metric_period_s", NumberRule::positive(86400, "one day"), s.metricPeriodS);
        if (const auto boot = readDistribution(a, "boot_s", true)) {
            s.bootS = *boot;
        }
        s.cooldownS =
            a.number("cooldown_s", NumberRule::nonNegative(86400, "one day"), s.cooldownS);
        a.finish();
        c.instances = static_cast<int>(
            r.integer("instances", NumberRule::count(1, 100000, "100,000 VMs"), s.minInstances));
        if (c.instances < s.minInstances || c.instances > s.maxInstances) {
            r.error("instances", "with autoscaling, the starting fleet must lie within "
                                 "[min_instances, max_instances] = [" +
                                     std::to_string(s.minInstances) + ", " +
                                     std::to_string(s.maxInstances) + "], got " +
                                     std::to_string(c.instances));
        }
    } else {
        const auto instances =
            r.requiredInteger("instances", NumberRule::count(1, 100000, "100,000 VMs"));
        c.instances = static_cast<int>(instances.value_or(1));
    }
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    return c;
}

std::optional<ArchitectureSpec> readArchitecture(const Json& node, const std::string& path,
                                                 Diagnostics& diagnostics,
                                                 const WorkloadSpec* workload,
                                                 const PricingCatalog& catalog, bool application) {
    if (!node.is_object()) {
        diagnostics.error(path, "must be an object, got " + JsonObjectReader::describe(node));
        return std::nullopt;
    }
    JsonObjectReader r(&node, path, diagnostics);
    const std::size_t errorsBefore = diagnostics.count();
    ArchitectureSpec spec;
    spec.name = r.requiredString("name", 64).value_or("");
    spec.description = r.string("description", "", 2000);
    const auto type = r.requiredChoice("type", {"serverless", "container", "vm"});
    if (!type) {
        return std::nullopt;
    }
    // Keys that belong to another type get a message that says so.
    std::map<std::string, std::string> elsewhere;
    for (const std::string_view other : ArchitectureTypes) {
        for (const ArchitectureField& field : architectureFields(other)) {
            const std::string key = field.key.substr(0, field.key.find('/'));
            const std::vector<std::string_view> owners = architectureTypesWithKey(key);
            if (std::find(owners.begin(), owners.end(), *type) != owners.end()) {
                continue;
            }
            std::string note = owners.size() == 1 ? "it belongs to type " : "it belongs to types ";
            for (std::size_t i = 0; i < owners.size(); ++i) {
                note += i == 0 ? "" : i + 1 == owners.size() ? " and " : ", ";
                note += '"' + std::string(owners[i]) + '"';
            }
            elsewhere[key] = note;
        }
    }
    if (*type == "serverless") {
        elsewhere["memory_mb"] = "a function's memory is workload.memory_mb";
        elsewhere["queue_timeout_s"] =
            "functions never queue; it belongs to \"container\" and \"vm\"";
        if (auto config = readServerless(r, workload, catalog)) {
            spec.config = *config;
        }
    } else if (*type == "container") {
        if (auto config = readContainer(r, catalog)) {
            spec.config = *config;
        }
    } else {
        if (auto config = readVm(r, catalog)) {
            spec.config = *config;
        }
    }
    if (const Json* pricing = r.member("pricing")) {
        spec.pricingSource = *pricing;
    }
    if (application && *type != "serverless") {
        spec.sharedPool =
            r.choice("function_pools", {"shared", "per_function"}, "shared") == "shared";
    } else if (application) {
        elsewhere["function_pools"] = "serverless functions always scale on their own; it belongs "
                                      "to types \"container\" and \"vm\"";
    } else {
        elsewhere["function_pools"] = "it describes applications, which need format \"" +
                                      std::string(ScenarioFormatV2) + "\"";
    }
    r.finish(elsewhere);
    if (diagnostics.count() != errorsBefore) {
        return std::nullopt;
    }
    return spec;
}

// ---------------------------------------------------------------- application (format 2)

// A count written either as a whole number ("copies": 100) or as a
// distribution whose samples are rounded ("copies": {"dist": ...}).
std::optional<DistributionSpec> readCount(JsonObjectReader& r, std::string_view key, bool required,
                                          double fallback) {
    const Json* node = r.member(key);
    if (node == nullptr) {
        if (required) {
            r.error(key, "is required (a whole number, or a distribution whose samples are "
                         "rounded)");
            return std::nullopt;
        }
        return DistributionSpec::deterministic(fallback);
    }
    // The documented maximum, for a count and for a distribution's mean.
    constexpr double MaxCopies = ApplicationSpec::MaxCopies;
    if (node->is_number()) {
        const double v = node->get<double>();
        const std::string why = NumberRule::count(1, MaxCopies, "100000").violation(v);
        if (!why.empty()) {
            r.error(key, why);
            return std::nullopt;
        }
        return DistributionSpec::deterministic(v);
    }
    auto spec = readDistribution(r, key, required);
    if (spec && spec->meanValue() > MaxCopies) {
        r.error(key, "must have a mean of at most 100000, got " + formatNumber(spec->meanValue()));
        return std::nullopt;
    }
    return spec;
}

// Resolves a reference by name to an index, suggesting the nearest name.
std::optional<int> resolveName(JsonObjectReader& r, std::string_view key, bool required,
                               const std::map<std::string, int>& names, std::string_view what) {
    if (!required && !r.has(key)) {
        return std::nullopt;
    }
    const auto name = r.requiredString(key, 64);
    if (!name) {
        return std::nullopt;
    }
    const auto it = names.find(*name);
    if (it != names.end()) {
        return it->second;
    }
    std::set<std::string> candidates;
    std::string list;
    for (const auto& [n, index] : names) {
        candidates.insert(n);
        list += (list.empty() ? "\"" : ", \"") + n + "\"";
    }
    std::string message = "no " + std::string(what) + " is named \"" + *name + "\"";
    const std::string nearest = nearestWord(*name, candidates);
    if (!nearest.empty()) {
        message += "; did you mean \"" + nearest + "\"?";
    } else if (!list.empty()) {
        message += " (the " + std::string(what) + "s are " + list + ")";
    }
    r.error(key, message);
    return std::nullopt;
}

// Reads the "name" member of list item `r` and checks it is unique.
std::string readPartName(JsonObjectReader& r, std::map<std::string, int>& names, int index,
                         std::string_view list) {
    const std::string name = r.requiredString("name", 64).value_or("");
    if (name.empty()) {
        return name;
    }
    const auto [it, inserted] = names.emplace(name, index);
    if (!inserted) {
        r.error("name", "\"" + name + "\" is already the name of " + std::string(list) + "[" +
                            std::to_string(it->second) + "]");
    }
    return name;
}

// Calls `read(itemReader, index)` for each object of an array member.
template <typename Read>
void forEachObject(JsonObjectReader& parent, std::string_view key, bool required,
                   std::size_t maxItems, Read read) {
    const Json* items = parent.array(key, required);
    if (items == nullptr) {
        return;
    }
    if (required && items->empty()) {
        parent.error(key, "must list at least one item");
    }
    if (items->size() > maxItems) {
        parent.error(key, "must list at most " + std::to_string(maxItems) + " items, got " +
                              std::to_string(items->size()));
        return;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string path = indexPath(parent.childPath(key), i);
        const Json& item = (*items)[i];
        if (!item.is_object()) {
            parent.diagnostics().error(path, "must be an object, got " +
                                                 JsonObjectReader::describe(item));
            continue;
        }
        JsonObjectReader r(&item, path, parent.diagnostics());
        read(r, static_cast<int>(i));
    }
}

// The function graph must be acyclic: a request must end. Edges are
// function -> function (chain, fan-out, fan-in) and producer -> consumer
// through a queue. Reports the first cycle found, as a path of names.
void checkAcyclic(const ApplicationSpec& app, JsonObjectReader& r) {
    const std::size_t n = app.functions.size();
    std::vector<std::vector<int>> next(n);
    for (const EdgeSpec& e : app.edges) {
        const auto from = static_cast<std::size_t>(e.from);
        if (e.type == EdgeSpec::Type::Queue) {
            next[from].push_back(app.queues[static_cast<std::size_t>(e.queue)].consumer);
        } else {
            next[from].push_back(e.to);
            if (e.fanIn) {
                next[from].push_back(*e.fanIn);
            }
        }
    }
    std::vector<int> state(n, 0); // 0 new, 1 on the path, 2 done
    std::vector<int> path;
    std::function<bool(int)> visit = [&](int f) {
        state[static_cast<std::size_t>(f)] = 1;
        path.push_back(f);
        for (int g : next[static_cast<std::size_t>(f)]) {
            if (state[static_cast<std::size_t>(g)] == 1) {
                path.push_back(g);
                return true;
            }
            if (state[static_cast<std::size_t>(g)] == 0 && visit(g)) {
                return true;
            }
        }
        path.pop_back();
        state[static_cast<std::size_t>(f)] = 2;
        return false;
    };
    for (std::size_t f = 0; f < n; ++f) {
        if (state[f] == 0 && visit(static_cast<int>(f))) {
            const int start = path.back();
            std::string cycle;
            bool on = false;
            for (int g : path) {
                on = on || g == start;
                if (on) {
                    cycle += (cycle.empty() ? "" : " -> ") +
                             app.functions[static_cast<std::size_t>(g)].name;
                }
            }
            r.error("edges", "the functions form a cycle (" + cycle +
                                 "), so a request would never end; every path must end");
            return;
        }
    }
}

// The copies of a fan-out are submitted at once, so one trigger event can
// put the product of the largest copies along a path in flight; refuse a
// graph whose worst case the engine could not hold (the run would fail
// after minutes and gigabytes), at the fan-out where it passes the limit.
void checkWorstCaseInFlight(const ApplicationSpec& app, JsonObjectReader& r) {
    std::set<int> reported;
    for (std::size_t t = 0; t < app.triggers.size(); ++t) {
        const auto worst =
            app.worstCaseInvocations(static_cast<int>(t), ScenarioReader::MaxRequestsInFlight);
        // One message per culprit fan-out; a trigger with no fan-out to
        // blame (culprit -1) is reported on its own.
        if (worst.invocations <= ScenarioReader::MaxRequestsInFlight ||
            (worst.culprit >= 0 && !reported.insert(worst.culprit).second)) {
            continue;
        }
        const std::string what =
            "one event of trigger \"" + app.triggers[t].name + "\" can start up to " +
            (std::isfinite(worst.invocations) ? formatNumber(worst.invocations)
                                              : std::string("more than 1e308")) +
            " function invocations at once (the largest copies of each fan-out multiplied "
            "along the path), more than the " +
            formatNumber(ScenarioReader::MaxRequestsInFlight) + " this version can hold in flight";
        if (worst.culprit >= 0) {
            r.diagnostics().error(
                indexPath(r.childPath("edges"), static_cast<std::size_t>(worst.culprit)) +
                    ".copies",
                what);
        } else {
            const bool burst = app.triggers[t].type == TriggerSpec::Type::Storage;
            r.diagnostics().error(
                indexPath(r.childPath("triggers"), t) + (burst ? ".burst_size" : ""), what);
        }
    }
}

std::optional<ApplicationSpec> readApplication(JsonObjectReader& root,
                                               const std::filesystem::path& base) {
    JsonObjectReader r = root.object("application", true);
    if (!r.valid()) {
        return std::nullopt;
    }
    const std::size_t errorsBefore = r.diagnostics().count();
    ApplicationSpec app;
    std::map<std::string, int> functionNames, queueNames, triggerNames;

    forEachObject(r, "functions", true, 200, [&](JsonObjectReader& f, int i) {
        FunctionSpec fn;
        fn.name = readPartName(f, functionNames, i, "functions");
        fn.serviceTimeS = readDistribution(f, "service_time_s", true)
                              .value_or(DistributionSpec::deterministic(0));
        if (f.has("io_wait_s")) {
            fn.ioWaitS = readDistribution(f, "io_wait_s", false);
        }
        fn.memoryMb = f.requiredNumber("memory_mb", NumberRule::positive(1048576, "1 TiB"))
                          .value_or(fn.memoryMb);
        fn.timeoutS = f.optionalNumber("timeout_s", PositiveSample);
        fn.keepAliveS = f.optionalNumber("keep_alive_s", ZeroOrSpan);
        if (const auto limit = f.optionalNumber(
                "max_instances", NumberRule::count(1, 1e6, "one million instances"))) {
            fn.maxInstances = static_cast<int>(*limit);
        }
        f.finish();
        app.functions.push_back(std::move(fn));
    });

    forEachObject(r, "queues", false, 100, [&](JsonObjectReader& q, int i) {
        QueueSpec spec;
        spec.name = readPartName(q, queueNames, i, "queues");
        spec.consumer = resolveName(q, "consumer", true, functionNames, "function").value_or(0);
        spec.batchSize = static_cast<int>(
            q.integer("batch_size", NumberRule::count(1, 10000, "10000 messages"), spec.batchSize));
        spec.batchingWindowS = q.number("batching_window_s", ZeroOrSpan, spec.batchingWindowS);
        spec.maxConcurrency = static_cast<int>(
            q.integer("max_concurrency", NumberRule::count(1, 100000, "100000 batches"),
                      spec.maxConcurrency));
        spec.visibilityTimeoutS = q.number("visibility_timeout_s", Span, spec.visibilityTimeoutS);
        spec.maxReceiveCount = static_cast<int>(
            q.integer("max_receive_count", NumberRule::count(1, 1000, "1000 receives"),
                      spec.maxReceiveCount));
        q.finish();
        app.queues.push_back(std::move(spec));
    });

    forEachObject(r, "triggers", true, 100, [&](JsonObjectReader& t, int i) {
        TriggerSpec spec;
        spec.name = readPartName(t, triggerNames, i, "triggers");
        const auto type = t.requiredChoice("type", {"http", "timer", "storage", "queue"});
        std::map<std::string, std::string> elsewhere = {
            {"function", "a queue trigger's function is its queue's consumer"},
            {"arrivals", "it belongs to types \"http\" and \"queue\""},
            {"queue", "it belongs to type \"queue\""},
            {"period_s", "it belongs to type \"timer\""},
            {"offset_s", "it belongs to type \"timer\""},
            {"jitter_s", "it belongs to type \"timer\""},
            {"burst_rate_per_s", "it belongs to type \"storage\""},
            {"burst_size", "it belongs to type \"storage\""},
        };
        if (!type) {
            for (const auto& [k, note] : elsewhere) {
                t.allow(k);
            }
            t.finish();
            return;
        }
        if (*type != "queue") {
            spec.function = resolveName(t, "function", true, functionNames, "function").value_or(0);
        }
        if (*type == "http" || *type == "queue") {
            spec.type = *type == "http" ? TriggerSpec::Type::Http : TriggerSpec::Type::Queue;
            spec.arrivals = readArrivals(t, base).value_or(ArrivalSpec{});
            if (*type == "queue") {
                spec.queue = resolveName(t, "queue", true, queueNames, "queue").value_or(0);
            }
        } else if (*type == "timer") {
            spec.type = TriggerSpec::Type::Timer;
            spec.periodS = t.requiredNumber("period_s", Span).value_or(spec.periodS);
            spec.offsetS = t.number("offset_s", ZeroOrSpan, 0.0);
            spec.jitterS = t.number("jitter_s", ZeroOrSpan, 0.0);
            if (spec.jitterS >= spec.periodS) {
                t.error("jitter_s", "must be shorter than period_s (" + formatNumber(spec.periodS) +
                                        "), got " + formatNumber(spec.jitterS));
            }
        } else {
            spec.type = TriggerSpec::Type::Storage;
            spec.burstRatePerS = t.requiredNumber("burst_rate_per_s", RateRule).value_or(1.0);
            spec.burstSize =
                readCount(t, "burst_size", false, 1.0).value_or(DistributionSpec::deterministic(1));
        }
        t.finish(elsewhere);
        app.triggers.push_back(std::move(spec));
    });

    forEachObject(r, "edges", false, 1000, [&](JsonObjectReader& e, int) {
        EdgeSpec spec;
        const auto type = e.requiredChoice("type", {"chain", "fan_out", "queue"});
        const std::map<std::string, std::string> elsewhere = {
            {"to", "it belongs to types \"chain\" and \"fan_out\""},
            {"invocation", "it belongs to types \"chain\" and \"fan_out\""},
            {"copies", "it belongs to type \"fan_out\""},
            {"fan_in", "it belongs to type \"fan_out\""},
            {"queue", "it belongs to type \"queue\""},
        };
        spec.from = resolveName(e, "from", true, functionNames, "function").value_or(0);
        if (!type) {
            for (const auto& [k, note] : elsewhere) {
                e.allow(k);
            }
            e.finish();
            return;
        }
        if (*type == "queue") {
            spec.type = EdgeSpec::Type::Queue;
            spec.queue = resolveName(e, "queue", true, queueNames, "queue").value_or(0);
        } else {
            spec.type = *type == "chain" ? EdgeSpec::Type::Chain : EdgeSpec::Type::FanOut;
            spec.to = resolveName(e, "to", true, functionNames, "function").value_or(0);
            spec.async = e.choice("invocation", {"sync", "async"},
                                  *type == "chain" ? "sync" : "async") == "async";
            if (*type == "fan_out") {
                spec.copies =
                    readCount(e, "copies", true, 1.0).value_or(DistributionSpec::deterministic(1));
                spec.fanIn = resolveName(e, "fan_in", false, functionNames, "function");
            }
        }
        e.finish(elsewhere);
        app.edges.push_back(std::move(spec));
    });

    JsonObjectReader a = r.object("async", false);
    if (a.valid()) {
        AsyncInvocationSettings& s = app.async;
        s.maxRetries = static_cast<int>(
            a.integer("max_retries", NumberRule::count(0, 100, "100 retries"), s.maxRetries));
        s.retryDelayS = a.number("retry_delay_s", ZeroOrSpan, s.retryDelayS);
        s.throttleBackoffS = a.number("throttle_backoff_s", Span, s.throttleBackoffS);
        s.throttleBackoffMaxS = a.number("throttle_backoff_max_s", Span, s.throttleBackoffMaxS);
        s.maxEventAgeS = a.number("max_event_age_s", Span, s.maxEventAgeS);
        if (s.throttleBackoffMaxS < s.throttleBackoffS) {
            a.error("throttle_backoff_max_s", "must not be shorter than throttle_backoff_s (" +
                                                  formatNumber(s.throttleBackoffS) + "), got " +
                                                  formatNumber(s.throttleBackoffMaxS));
        }
        a.finish();
    }
    r.finish();
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    checkAcyclic(app, r);
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    checkWorstCaseInFlight(app, r);
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    return app;
}

// ---------------------------------------------------------------- whole scenario

// The generator's steps between arrivals (on_off phases, schedule steps,
// thinned candidates) are simulated one by one like requests; a scenario
// with nanosecond phases would run for days without a single arrival.
void checkRateChanges(const ArrivalSpec& arrivals, const std::string& path,
                      const Scenario& scenario, Diagnostics& diagnostics) {
    const double changes =
        arrivals.expectedRateChanges(scenario.simulation.durationS) *
        scenario.simulation.replications *
        static_cast<double>(std::max<std::size_t>(1, scenario.architectures.size()));
    if (changes > ScenarioReader::MaxSimulatedRequests) {
        diagnostics.error(path, "the arrival process would change rate about " +
                                    formatNumber(changes) +
                                    " times in all (on/off phases, steps or thinned candidates "
                                    "x replications x architectures), more than the limit of " +
                                    formatNumber(ScenarioReader::MaxSimulatedRequests) +
                                    "; lengthen the phases or the period");
    }
}

std::optional<Scenario> readScenarioDocument(const Json& document, Diagnostics& diagnostics,
                                             const PricingCatalog& catalog,
                                             const std::filesystem::path& base) {
    if (!document.is_object()) {
        diagnostics.error("", "a scenario must be a JSON object, got " +
                                  JsonObjectReader::describe(document));
        return std::nullopt;
    }
    JsonObjectReader root(&document, "", diagnostics);
    const auto format = root.requiredString("format", 100);
    if (format && *format != ScenarioFormat && *format != ScenarioFormatV2) {
        root.error("format", "unsupported format \"" + *format + "\"; this version reads \"" +
                                 std::string(ScenarioFormat) + "\" and \"" +
                                 std::string(ScenarioFormatV2) + "\"");
        return std::nullopt;
    }
    const bool isApplication = format && *format == ScenarioFormatV2;
    Scenario scenario;
    scenario.name = root.requiredString("name", 200).value_or("");
    scenario.description = root.string("description", "", 10000);
    scenario.simulation = readSimulation(root);
    std::optional<WorkloadSpec> workload;
    if (isApplication) {
        scenario.application = readApplication(root, base);
        if (root.has("workload")) {
            root.error("workload", "format \"" + std::string(ScenarioFormatV2) +
                                       "\" describes its traffic and functions in "
                                       "\"application\"; \"workload\" belongs to format \"" +
                                       std::string(ScenarioFormat) + "\"");
            root.allow("workload");
        }
    } else {
        workload = readWorkload(root, base);
        if (root.has("application")) {
            root.error("application",
                       "applications need format \"" + std::string(ScenarioFormatV2) + "\"");
            root.allow("application");
        }
    }

    const Json* architectures = root.array("architectures", true);
    if (architectures != nullptr) {
        if (architectures->empty()) {
            root.error("architectures", "must list at least one architecture");
        } else if (architectures->size() > 100) {
            root.error("architectures", "must list at most 100 architectures, got " +
                                            std::to_string(architectures->size()));
        }
        std::map<std::string, std::size_t> names;
        for (std::size_t i = 0; i < architectures->size() && i < 100; ++i) {
            const std::string path = indexPath("architectures", i);
            auto spec = readArchitecture((*architectures)[i], path, diagnostics,
                                         workload ? &*workload : nullptr, catalog, isApplication);
            if (!spec) {
                continue;
            }
            const auto [it, inserted] = names.emplace(spec->name, i);
            if (!inserted) {
                diagnostics.error(path + ".name", "\"" + spec->name +
                                                      "\" is already the name of architectures[" +
                                                      std::to_string(it->second) + "]");
            }
            scenario.architectures.push_back(std::move(*spec));
        }
    }
    root.finish();
    if (scenario.application) {
        checkFunctionsOnServerless(scenario, diagnostics);
    }

    if (workload) {
        scenario.workload = *workload;
        const double expected =
            workload->arrivals.expectedArrivals(scenario.simulation.durationS) *
            scenario.simulation.replications *
            static_cast<double>(std::max<std::size_t>(1, scenario.architectures.size()));
        if (expected > ScenarioReader::MaxSimulatedRequests) {
            diagnostics.error("simulation.duration_s",
                              "the scenario would simulate about " + formatNumber(expected) +
                                  " requests in all (rate x duration x replications x "
                                  "architectures), more than the limit of " +
                                  formatNumber(ScenarioReader::MaxSimulatedRequests));
        }
        checkRateChanges(workload->arrivals, "workload.arrivals", scenario, diagnostics);
        const double inService = workload->arrivals.peakRate() *
                                 (workload->serviceTimeS.meanValue() +
                                  (workload->ioWaitS ? workload->ioWaitS->meanValue() : 0.0));
        if (inService > ScenarioReader::MaxRequestsInFlight) {
            diagnostics.error("workload",
                              "at its peak rate this workload keeps about " +
                                  formatNumber(std::round(inService)) +
                                  " requests in service at once (peak rate x mean service "
                                  "time), more than the " +
                                  formatNumber(ScenarioReader::MaxRequestsInFlight) +
                                  " this version can simulate");
        }
    }
    if (scenario.application) {
        const double expected =
            scenario.application->expectedInvocations(scenario.simulation.durationS) *
            scenario.simulation.replications *
            static_cast<double>(std::max<std::size_t>(1, scenario.architectures.size()));
        if (expected > ScenarioReader::MaxSimulatedRequests) {
            diagnostics.error("simulation.duration_s",
                              "the scenario would simulate about " + formatNumber(expected) +
                                  " function invocations in all (trigger events x invocations "
                                  "per event x replications x architectures), more than the "
                                  "limit of " +
                                  formatNumber(ScenarioReader::MaxSimulatedRequests));
        }
        for (std::size_t t = 0; t < scenario.application->triggers.size(); ++t) {
            const TriggerSpec& trigger = scenario.application->triggers[t];
            if (trigger.type == TriggerSpec::Type::Http ||
                trigger.type == TriggerSpec::Type::Queue) {
                checkRateChanges(trigger.arrivals,
                                 indexPath("application.triggers", t) + ".arrivals", scenario,
                                 diagnostics);
            }
        }
    }
    if (diagnostics.hasErrors()) {
        return std::nullopt;
    }
    return scenario;
}

} // namespace

ScenarioReadResult ScenarioReader::readJson(const nlohmann::ordered_json& document) const {
    ScenarioReadResult result;
    result.scenario =
        readScenarioDocument(document, result.diagnostics, m_catalog, m_baseDirectory);
    return result;
}

ScenarioReadResult ScenarioReader::readText(std::string_view text) const {
    ScenarioReadResult result;
    const JsonLocator locator(text);
    std::optional<Json> document = JsonTextParser::parse(text, locator, result.diagnostics);
    if (!document) {
        return result;
    }
    // Repeated keys first: with them, the values the rules below see may not
    // be the ones the author meant.
    Diagnostics& diagnostics = result.diagnostics;
    for (const JsonLocator::Duplicate& duplicate : locator.duplicates()) {
        diagnostics.error(duplicate.path,
                          "is given more than once; only one value can count, so remove "
                          "the others",
                          duplicate.position.line, duplicate.position.column);
    }
    for (std::size_t i = locator.duplicates().size(); i < locator.duplicateCount(); ++i) {
        diagnostics.countUnlisted();
    }
    std::optional<Scenario> scenario =
        readScenarioDocument(*document, diagnostics, m_catalog, m_baseDirectory);
    if (diagnostics.hasErrors()) {
        scenario.reset();
    }
    result.scenario = std::move(scenario);
    if (result.scenario) {
        result.document = std::move(document);
    }
    // Place every problem found on the tree, in one pass over the text.
    std::vector<std::string> paths;
    for (const Diagnostic& d : diagnostics.items()) {
        if (d.line == 0) {
            paths.push_back(d.path);
        }
    }
    if (!paths.empty()) {
        const std::vector<JsonLocator::Position> positions = locator.find(paths);
        std::size_t next = 0;
        for (Diagnostic& d : diagnostics.items()) {
            if (d.line == 0) {
                d.line = positions[next].line;
                d.column = positions[next].column;
                ++next;
            }
        }
    }
    return result;
}

ScenarioReadResult ScenarioReader::readFile(const std::string& path) const {
    ScenarioReadResult result;
    std::ifstream file;
    if (const auto problem = openRegularFile(path, file)) {
        result.diagnostics.error("", *problem);
        return result;
    }
    file.seekg(0, std::ios::end);
    const std::streamoff size = file.tellg();
    if (size < 0) {
        result.diagnostics.error("", "cannot read the file");
        return result;
    }
    if (static_cast<std::size_t>(size) > MaxFileBytes) {
        result.diagnostics.error("", "the file is " + std::to_string(size) +
                                         " bytes; scenario files are limited to " +
                                         std::to_string(MaxFileBytes) + " bytes");
        return result;
    }
    file.seekg(0, std::ios::beg);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!file.read(text.data(), size)) {
        result.diagnostics.error("", "cannot read the file");
        return result;
    }
    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
        const auto position = JsonLocator::positionOf(text, nul);
        result.diagnostics.error("",
                                 "not a text file (it contains a NUL byte); a scenario is a "
                                 "JSON text file",
                                 position.line, position.column);
        return result;
    }
    // Trace files named relative to the scenario are looked up beside it.
    ScenarioReader beside(m_catalog);
    beside.setBaseDirectory(
        std::filesystem::absolute(std::filesystem::path(path)).parent_path().string());
    return beside.readText(text);
}

} // namespace faaslab
