#pragma once

#include "models/platforms/container_config.h"
#include "models/platforms/serverless_config.h"
#include "models/platforms/vm_config.h"
#include "models/workload/workload_spec.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace faaslab {

inline constexpr std::string_view ScenarioFormat = "faaslab.scenario/1";

struct SimulationSettings {
    double durationS = 86400.0;
    double warmupS = 0.0;
    std::uint64_t seed = 1;
    int replications = 1;
    double timeseriesBinS = 60.0;
    bool operator==(const SimulationSettings&) const = default;
};

// One architecture to compare. The platform-specific settings are a variant
// so that adding a platform type is adding an alternative, not a new class
// hierarchy of specs.
struct ArchitectureSpec {
    std::string name;
    std::string description;
    std::variant<ServerlessConfig, ContainerConfig, VmConfig> config;
    // The "pricing" member exactly as the scenario wrote it (a preset name
    // with overrides, or inline rates), so the scenario writes back as it was
    // read.
    nlohmann::ordered_json pricingSource;

    std::string_view typeName() const;
    const PriceListInfo& priceListInfo() const;
    bool operator==(const ArchitectureSpec&) const = default;
};

struct Scenario {
    std::string name;
    std::string description;
    SimulationSettings simulation;
    WorkloadSpec workload;
    std::vector<ArchitectureSpec> architectures;
    bool operator==(const Scenario&) const = default;
};

} // namespace faaslab
