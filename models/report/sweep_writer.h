#pragma once

#include "models/runner/sweep_runner.h"

#include <nlohmann/json.hpp>
#include <string>

namespace faaslab {

inline constexpr const char* SweepFormat = "faaslab.sweep/1";

// The sweep results file (docs/results-format.md#sweeps).
nlohmann::ordered_json sweepToJson(const SweepResults& sweep);
// One row per point and architecture: parameter value, architecture, then
// every metric.
std::string sweepCsv(const SweepResults& sweep);
// The table faaslab-cli sweep prints: per point, each architecture's monthly
// cost and p99 latency and the cheapest; then the break-even points.
std::string formatSweepTable(const SweepResults& sweep);

} // namespace faaslab
