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
    case ArrivalSpec::Process::Trace: {
        const TraceReplaySpec& t = a.trace;
        const bool azure = t.format == TraceReplaySpec::Format::Azure;
        j["format"] = azure ? "azure" : "timestamps";
        j["file"] = t.file;
        if (!t.function.empty()) {
            j["function"] = t.function;
        }
        if (azure) {
            Json select = Json::object();
            if (!t.hashes.empty()) {
                select["hashes"] = t.hashes;
            }
            if (!t.trigger.empty()) {
                select["trigger"] = t.trigger;
            }
            if (t.topN > 0) {
                select["top_n"] = t.topN;
            }
            if (!select.empty()) {
                j["select"] = select;
            }
            j["spread"] = t.spread == TraceReplaySpec::Spread::Even ? "even" : "uniform";
        }
        if (!t.durationsFile.empty()) {
            j["durations_file"] = t.durationsFile;
        }
        if (!t.memoryFile.empty()) {
            j["memory_file"] = t.memoryFile;
        }
        if (t.timeScale != TraceReplaySpec{}.timeScale) {
            j["time_scale"] = t.timeScale;
        }
        if (t.repeat) {
            j["repeat"] = true;
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
        const KeepAlivePolicy& policy = c->keepAlivePolicy;
        if (policy.kind != KeepAliveKind::None) {
            j["keep_alive_s"] = c->keepAliveS;
        }
        // Written only when not the default, so files of the fixed policy
        // read and write exactly as before the policy existed.
        if (policy.kind != KeepAliveKind::Fixed) {
            j["keep_alive_policy"] = std::string(keepAliveKindName(policy.kind));
        }
        if (policy.kind == KeepAliveKind::HybridHistogram) {
            const HybridHistogramSettings& h = policy.hybrid;
            j["hybrid_histogram"] = {{"range_s", h.rangeS},
                                     {"bin_s", h.binS},
                                     {"head_percentile", h.headPercentile},
                                     {"tail_percentile", h.tailPercentile},
                                     {"margin", h.margin},
                                     {"min_idle_times", h.minIdleTimes},
                                     {"cv_threshold", h.cvThreshold}};
        }
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

// A whole number where the count is fixed, else the distribution.
Json countToJson(const DistributionSpec& d) {
    if (d.kind == DistributionSpec::Kind::Deterministic) {
        return d.value;
    }
    return distributionToJson(d);
}

Json applicationToJson(const ApplicationSpec& app) {
    auto functionName = [&](int f) {
        return app.functions[static_cast<std::size_t>(f)].name;
    };
    Json j;
    Json functions = Json::array();
    for (const FunctionSpec& f : app.functions) {
        Json fj;
        fj["name"] = f.name;
        fj["service_time_s"] = distributionToJson(f.serviceTimeS);
        if (f.ioWaitS) {
            fj["io_wait_s"] = distributionToJson(*f.ioWaitS);
        }
        fj["memory_mb"] = f.memoryMb;
        if (f.timeoutS) {
            fj["timeout_s"] = *f.timeoutS;
        }
        if (f.keepAliveS) {
            fj["keep_alive_s"] = *f.keepAliveS;
        }
        if (f.maxInstances) {
            fj["max_instances"] = *f.maxInstances;
        }
        functions.push_back(fj);
    }
    j["functions"] = functions;
    if (!app.queues.empty()) {
        Json queues = Json::array();
        for (const QueueSpec& q : app.queues) {
            queues.push_back(Json{{"name", q.name},
                                  {"consumer", functionName(q.consumer)},
                                  {"batch_size", q.batchSize},
                                  {"batching_window_s", q.batchingWindowS},
                                  {"max_concurrency", q.maxConcurrency},
                                  {"visibility_timeout_s", q.visibilityTimeoutS},
                                  {"max_receive_count", q.maxReceiveCount}});
        }
        j["queues"] = queues;
    }
    Json triggers = Json::array();
    for (const TriggerSpec& t : app.triggers) {
        Json tj;
        tj["name"] = t.name;
        tj["type"] = std::string(TriggerSpec::typeName(t.type));
        switch (t.type) {
        case TriggerSpec::Type::Http:
            tj["function"] = functionName(t.function);
            tj["arrivals"] = arrivalsToJson(t.arrivals);
            break;
        case TriggerSpec::Type::Queue:
            tj["queue"] = app.queues[static_cast<std::size_t>(t.queue)].name;
            tj["arrivals"] = arrivalsToJson(t.arrivals);
            break;
        case TriggerSpec::Type::Timer:
            tj["function"] = functionName(t.function);
            tj["period_s"] = t.periodS;
            tj["offset_s"] = t.offsetS;
            tj["jitter_s"] = t.jitterS;
            break;
        case TriggerSpec::Type::Storage:
            tj["function"] = functionName(t.function);
            tj["burst_rate_per_s"] = t.burstRatePerS;
            tj["burst_size"] = countToJson(t.burstSize);
            break;
        }
        triggers.push_back(tj);
    }
    j["triggers"] = triggers;
    if (!app.edges.empty()) {
        Json edges = Json::array();
        for (const EdgeSpec& e : app.edges) {
            Json ej;
            ej["type"] = std::string(EdgeSpec::typeName(e.type));
            ej["from"] = functionName(e.from);
            if (e.type == EdgeSpec::Type::Queue) {
                ej["queue"] = app.queues[static_cast<std::size_t>(e.queue)].name;
            } else {
                ej["to"] = functionName(e.to);
                ej["invocation"] = e.async ? "async" : "sync";
                if (e.type == EdgeSpec::Type::FanOut) {
                    ej["copies"] = countToJson(e.copies);
                    if (e.fanIn) {
                        ej["fan_in"] = functionName(*e.fanIn);
                    }
                }
            }
            edges.push_back(ej);
        }
        j["edges"] = edges;
    }
    const AsyncInvocationSettings& a = app.async;
    j["async"] = Json{{"max_retries", a.maxRetries},
                      {"retry_delay_s", a.retryDelayS},
                      {"throttle_backoff_s", a.throttleBackoffS},
                      {"throttle_backoff_max_s", a.throttleBackoffMaxS},
                      {"max_event_age_s", a.maxEventAgeS}};
    return j;
}

} // namespace

Json scenarioToJson(const Scenario& s) {
    Json j;
    j["format"] = std::string(s.application ? ScenarioFormatV2 : ScenarioFormat);
    j["name"] = s.name;
    if (!s.description.empty()) {
        j["description"] = s.description;
    }
    j["simulation"] = Json{{"duration_s", s.simulation.durationS},
                           {"warmup_s", s.simulation.warmupS},
                           {"seed", s.simulation.seed},
                           {"replications", s.simulation.replications},
                           {"timeseries_bin_s", s.simulation.timeseriesBinS}};
    // The reader lets the default bin be longer than a short run's measured
    // span only while the key is left out (a written bin must fit); so a
    // default that does not fit is left out again, and reads back the same.
    const double span = s.simulation.durationS - s.simulation.warmupS;
    if (s.simulation.timeseriesBinS == SimulationSettings{}.timeseriesBinS &&
        s.simulation.timeseriesBinS > span) {
        j["simulation"].erase("timeseries_bin_s");
    }
    if (s.application) {
        j["application"] = applicationToJson(*s.application);
    } else {
        // What an Azure trace's companion files give is read from them
        // again, not written out.
        const ArrivalSpec& arrivals = s.workload.arrivals;
        const bool trace = arrivals.process == ArrivalSpec::Process::Trace;
        j["workload"] = Json{{"arrivals", arrivalsToJson(arrivals)}};
        if (!trace || arrivals.trace.durationsFile.empty()) {
            j["workload"]["service_time_s"] = distributionToJson(s.workload.serviceTimeS);
        }
        if (s.workload.ioWaitS) {
            j["workload"]["io_wait_s"] = distributionToJson(*s.workload.ioWaitS);
        }
        if (!trace || arrivals.trace.memoryFile.empty()) {
            j["workload"]["memory_mb"] = s.workload.memoryMb;
        }
    }
    Json architectures = Json::array();
    for (const ArchitectureSpec& a : s.architectures) {
        Json aj = architectureToJson(a);
        if (s.application && a.typeName() != "serverless") {
            aj["function_pools"] = a.sharedPool ? "shared" : "per_function";
        }
        architectures.push_back(aj);
    }
    j["architectures"] = architectures;
    return j;
}

std::string scenarioToText(const Scenario& scenario) {
    return scenarioToJson(scenario).dump(2) + "\n";
}

} // namespace faaslab
