#pragma once

#include "models/results/scenario_results.h"

#include <cstddef>
#include <vector>

namespace faaslab {

// Which architectures a comparison names as the winners. One definition for
// the command-line table, the GUI's overview cards and reports.

// Index of the architecture with the lowest cost per 30 days (the first
// one on a tie); results must have at least one architecture.
std::size_t cheapestArchitecture(const ScenarioResults& results);

// Indices of the architectures with the lowest p99 latency. Those within
// twice the latency histogram's relative error of the best are tied: the
// data cannot tell them apart.
std::vector<std::size_t> fastestArchitectures(const ScenarioResults& results);

} // namespace faaslab
