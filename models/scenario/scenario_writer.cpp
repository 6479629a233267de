#include "models/scenario/scenario_writer.h"

namespace faaslab {

using Json = nlohmann::ordered_json;

Json distributionToJson(const DistributionSpec& d) {
    Json j;
    j["dist"] = std::string(sim::Distribution::kindName(d.kind));
    switch (d.kind) {
    case DistributionSpec::Kind::Deterministic:
        j["value"] = d.value;
        break;
    case DistributionSpec::Kind::Exponential:
        j["mean"] = d.mean;
        break;
    case DistributionSpec::Kind::Uniform:
        j["min"] = d.min;
        j["max"] = d.max;
        break;
    case DistributionSpec::Kind::LogNormal:
    case DistributionSpec::Kind::Gamma:
        j["mean"] = d.mean;
        j["cv"] = d.cv;
        break;
    case DistributionSpec::Kind::Empirical:
        j["samples"] = d.samples;
        break;
    }
    return j;
}

Json arrivalsToJson(const ArrivalSpec& a) {
    Json j;
    j["process"] = std::string(ArrivalSpec::processName(a.process));
    switch (a.process) {
    case ArrivalSpec::Process::Poisson:
    case ArrivalSpec::Process::Constant:
        j["rate_per_s"] = a.ratePerS;
        break;
    case ArrivalSpec::Process::OnOff:
        j["rate_on_per_s"] = a.rateOnPerS;
        j["rate_off_per_s"] = a.rateOffPerS;
        j["mean_on_s"] = a.meanOnS;
        j["mean_off_s"] = a.meanOffS;
        break;
    case ArrivalSpec::Process::Diurnal:
        j["rate_per_s"] = a.ratePerS;
        j["amplitude"] = a.amplitude;
        j["period_s"] = a.periodS;
        j["peak_time_s"] = a.peakTimeS;
        break;
    case ArrivalSpec::Process::Steps: {
        Json steps = Json::array();
        for (const RateStep& step : a.steps) {
            steps.push_back(Json{{"from_s", step.fromS}, {"rate_per_s", step.ratePerS}});
        }
        j["steps"] = steps;
        if (a.stepsPeriodS > 0.0) {
            j["period_s"] = a.stepsPeriodS;
        }
        break;
    }
    }
    return j;
}

namespace {

Json architectureToJson(const ArchitectureSpec& spec) {
    Json j;
    j["name"] = spec.name;
    if (!spec.description.empty()) {
        j["description"] = spec.description;
    }
    j["type"] = std::string(spec.typeName());
    if (const auto* c = std::get_if<ServerlessConfig>(&spec.config)) {
        j["cold_start_s"] = distributionToJson(c->coldStartS);
        j["keep_alive_s"] = c->keepAliveS;
        j["max_instances"] = c->maxInstances;
        j["provisioned_instances"] = c->provisionedInstances;
        j["concurrency_per_instance"] = c->concurrencyPerInstance;
        j["instance_selection"] = std::string(instanceSelectionName(c->instanceSelection));
        j["timeout_s"] = c->timeoutS;
    } else if (const auto* k = std::get_if<ContainerConfig>(&spec.config)) {
        j["vcpu"] = k->vcpu;
        j["memory_mb"] = k->memoryMb;
        j["concurrency_per_instance"] = k->concurrencyPerInstance;
        j["queue_timeout_s"] = k->queueTimeoutS;
        j["min_instances"] = k->minInstances;
        j["max_instances"] = k->maxInstances;
        j["startup_s"] = distributionToJson(k->startupS);
        j["autoscaler"] = Json{{"interval_s", k->autoscaler.intervalS},
                               {"window_s", k->autoscaler.windowS},
                               {"target_utilization", k->autoscaler.targetUtilization},
                               {"scale_down_delay_s", k->autoscaler.scaleDownDelayS}};
        if (k->autoscaler.cpuTargetUtilization > 0.0) {
            j["autoscaler"]["cpu_target_utilization"] = k->autoscaler.cpuTargetUtilization;
        }
    } else if (const auto* v = std::get_if<VmConfig>(&spec.config)) {
        j["vcpu"] = v->vcpu;
        j["memory_mb"] = v->memoryMb;
        j["instances"] = v->instances;
        j["dispatch"] = std::string(vmDispatchName(v->dispatch));
        j["queue_capacity"] = v->queueCapacity;
        j["queue_timeout_s"] = v->queueTimeoutS;
        if (v->autoscaling.enabled) {
            const VmAutoscaling& a = v->autoscaling;
            j["autoscaling"] = Json{
                {"min_instances", a.minInstances},           {"max_instances", a.maxInstances},
                {"target_utilization", a.targetUtilization}, {"metric_period_s", a.metricPeriodS},
                {"boot_s", distributionToJson(a.bootS)},     {"cooldown_s", a.cooldownS}};
        }
    }
    j["pricing"] = spec.pricingSource;
    return j;
}

} // namespace

Json scenarioToJson(const Scenario& s) {
    Json j;
    j["format"] = std::string(ScenarioFormat);
    j["name"] = s.name;
    if (!s.description.empty()) {
        j["description"] = s.description;
    }
    j["simulation"] = Json{{"duration_s", s.simulation.durationS},
                           {"warmup_s", s.simulation.warmupS},
                           {"seed", s.simulation.seed},
                           {"replications", s.simulation.replications},
                           {"timeseries_bin_s", s.simulation.timeseriesBinS}};
    j["workload"] = Json{{"arrivals", arrivalsToJson(s.workload.arrivals)},
                         {"service_time_s", distributionToJson(s.workload.serviceTimeS)}};
    if (s.workload.ioWaitS) {
        j["workload"]["io_wait_s"] = distributionToJson(*s.workload.ioWaitS);
    }
    j["workload"]["memory_mb"] = s.workload.memoryMb;
    Json architectures = Json::array();
    for (const ArchitectureSpec& a : s.architectures) {
        architectures.push_back(architectureToJson(a));
    }
    j["architectures"] = architectures;
    return j;
}

std::string scenarioToText(const Scenario& scenario) {
    return scenarioToJson(scenario).dump(2) + "\n";
}

} // namespace faaslab
