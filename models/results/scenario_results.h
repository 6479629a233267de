#pragma once

#include "models/results/architecture_results.h"

#include <cstdint>
#include <string>
#include <vector>

namespace faaslab {

inline constexpr const char* ResultsFormat = "faaslab.results/1";

struct ScenarioResults {
    std::string scenarioName;
    std::string softwareVersion;
    std::uint64_t seed = 0;
    int replications = 1;
    double durationS = 0.0;
    double warmupS = 0.0;
    std::vector<ArchitectureResults> architectures;
    bool operator==(const ScenarioResults&) const = default;
};

} // namespace faaslab
