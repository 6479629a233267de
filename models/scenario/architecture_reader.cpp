#include "models/scenario/architecture_reader.h"

#include "models/scenario/architecture_fields.h"
#include "models/scenario/distribution_reader.h"
#include "models/scenario/pricing_reader.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace faaslab::reading {

namespace {

// The largest function memory a price list allows (0: no limit).

double memoryLimitMb(const ServerlessPricing& pricing) {
    return !pricing.memoryTiers.empty() ? pricing.memoryTiers.back().memoryMb
                                        : pricing.maximumMemoryMb;
}

} // namespace

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

namespace {

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

} // namespace

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
            if (elsewhere.contains(key)) {
                continue; // a nested key's object, already noted
            }
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

} // namespace faaslab::reading
