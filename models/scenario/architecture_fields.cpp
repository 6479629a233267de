#include "models/scenario/architecture_fields.h"

#include "models/platforms/container_config.h"
#include "models/platforms/serverless_config.h"
#include "models/platforms/vm_config.h"

namespace faaslab {

namespace {

std::vector<ArchitectureField> serverlessFields() {
    const ServerlessConfig c;
    const HybridHistogramSettings& h = c.keepAlivePolicy.hybrid;
    return {
        {"keep_alive_s", c.keepAliveS},
        {"max_instances", c.maxInstances},
        {"provisioned_instances", c.provisionedInstances},
        {"concurrency_per_instance", c.concurrencyPerInstance},
        {"instance_selection", std::nullopt},
        {"timeout_s", c.timeoutS},
        {"keep_alive_policy", std::nullopt},
        {"hybrid_histogram/range_s", h.rangeS},
        {"hybrid_histogram/bin_s", h.binS},
        {"hybrid_histogram/head_percentile", h.headPercentile},
        {"hybrid_histogram/tail_percentile", h.tailPercentile},
        {"hybrid_histogram/margin", h.margin},
        {"hybrid_histogram/min_idle_times", h.minIdleTimes},
        {"hybrid_histogram/cv_threshold", h.cvThreshold},
        {"cold_start_s", std::nullopt},
    };
}

std::vector<ArchitectureField> containerFields() {
    const ContainerConfig c;
    const ContainerAutoscaler& a = c.autoscaler;
    static_assert(ContainerAutoscaler{}.cpuTargetUtilization == 0.0, "off by default");
    return {
        {"vcpu", c.vcpu},
        {"memory_mb", c.memoryMb},
        {"concurrency_per_instance", c.concurrencyPerInstance},
        {"min_instances", c.minInstances},
        {"max_instances", c.maxInstances},
        {"queue_timeout_s", c.queueTimeoutS},
        {"startup_s", std::nullopt},
        {"autoscaler/interval_s", a.intervalS},
        {"autoscaler/window_s", a.windowS},
        {"autoscaler/target_utilization", a.targetUtilization},
        {"autoscaler/scale_down_delay_s", a.scaleDownDelayS},
        // Absent: CPU is not a scaling signal (a written value must be positive).
        {"autoscaler/cpu_target_utilization", std::nullopt},
    };
}

std::vector<ArchitectureField> vmFields() {
    const VmConfig c;
    const VmAutoscaling& a = c.autoscaling;
    return {
        {"vcpu", std::nullopt},      // the instance type's
        {"memory_mb", std::nullopt}, // the instance type's
        {"instances", std::nullopt}, // required without autoscaling
        {"dispatch", std::nullopt},
        {"queue_capacity", c.queueCapacity},
        {"queue_timeout_s", c.queueTimeoutS},
        {"autoscaling/min_instances", std::nullopt},
        {"autoscaling/max_instances", std::nullopt},
        {"autoscaling/target_utilization", a.targetUtilization},
        {"autoscaling/metric_period_s", a.metricPeriodS},
        {"autoscaling/cooldown_s", a.cooldownS},
        {"autoscaling/boot_s", std::nullopt},
    };
}

std::string_view topLevel(std::string_view key) {
    return key.substr(0, key.find('/'));
}

} // namespace

const std::vector<ArchitectureField>& architectureFields(std::string_view type) {
    static const std::vector<ArchitectureField> serverless = serverlessFields();
    static const std::vector<ArchitectureField> container = containerFields();
    static const std::vector<ArchitectureField> vm = vmFields();
    static const std::vector<ArchitectureField> none;
    return type == "serverless"  ? serverless
           : type == "container" ? container
           : type == "vm"        ? vm
                                 : none;
}

std::optional<double> architectureFieldDefault(std::string_view type, std::string_view key) {
    for (const ArchitectureField& field : architectureFields(type)) {
        if (field.key == key) {
            return field.defaultValue;
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> architectureTypesWithKey(std::string_view key) {
    std::vector<std::string_view> types;
    for (const std::string_view type : ArchitectureTypes) {
        for (const ArchitectureField& field : architectureFields(type)) {
            if (topLevel(field.key) == topLevel(key)) {
                types.push_back(type);
                break;
            }
        }
    }
    return types;
}

} // namespace faaslab
