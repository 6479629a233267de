#pragma once

#include "models/results/scenario_results.h"

#include <nlohmann/json.hpp>

namespace faaslab::test {

// A small real scenario (two architectures, two replications, ten minutes)
// and the results of running it, for the workspace tests: real metrics,
// confidence half-widths, time series and latency CDFs.
nlohmann::ordered_json smallScenarioJson();
ScenarioResults smallRunResults();

} // namespace faaslab::test
