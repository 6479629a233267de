#pragma once

#include "models/results/scenario_results.h"

#include <string>

namespace faaslab {

// The per-trigger, per-function and per-queue tables of an application's
// results (empty for a one-function scenario): one row per part and
// architecture, so the architectures of each part read side by side.
std::string formatApplicationTables(const ScenarioResults& results);

} // namespace faaslab
