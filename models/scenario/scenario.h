#pragma once

#include "models/application/application_spec.h"
#include "models/platforms/platform_config.h"
#include "models/workload/workload_spec.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace faaslab {

inline constexpr std::string_view ScenarioFormat = "faaslab.scenario/1";
// Format 2 adds applications: several functions, triggers and the edges
// between them, instead of one workload. Format-1 files still load.
inline constexpr std::string_view ScenarioFormatV2 = "faaslab.scenario/2";

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
    PlatformConfig config;
    // The "pricing" member exactly as the scenario wrote it (a preset name
    // with overrides, or inline rates), so the scenario writes back as it was
    // read.
    nlohmann::ordered_json pricingSource;
    // Containers and VMs running an application: one fleet for every
    // function (true) or one fleet per function, each with these settings.
    // Serverless functions always scale on their own.
    bool sharedPool = true;

    std::string_view typeName() const;
    const PriceListInfo& priceListInfo() const;
    bool operator==(const ArchitectureSpec&) const = default;
};

struct Scenario {
    std::string name;
    std::string description;
    SimulationSettings simulation;
    // Format 1: the one function and its traffic.
    WorkloadSpec workload;
    // Format 2: the application that replaces `workload`.
    std::optional<ApplicationSpec> application;
    std::vector<ArchitectureSpec> architectures;
    bool operator==(const Scenario&) const = default;
};

} // namespace faaslab
