#pragma once

#include "models/results/scenario_results.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace faaslab {

// Which architectures a comparison names as the winners. One definition for
// the command-line table, the GUI's overview cards and reports.

// Share of arrived requests an architecture did not complete (rejected,
// timed out, failed end to end); 0 when nothing arrived.
double unservedShare(const ArchitectureResults& architecture);

// Only architectures that serve the workload about as well as the best one
// are ranked: a function that times out on every job is not "cheapest".
// Ranked: at most this many more requests unserved (as a share) than the
// architecture that leaves the fewest.
inline constexpr double RankingServiceTolerance = 0.01;
std::vector<std::size_t> rankedArchitectures(const ScenarioResults& results);

// Index of the ranked architecture with the lowest cost per 30 days (the
// first one on a tie); results must have at least one architecture.
std::size_t cheapestArchitecture(const ScenarioResults& results);
// The same by another cost metric (sweeps may rank by cost.total, ...).
std::size_t cheapestArchitecture(const ScenarioResults& results, std::string_view costMetric);

// Indices of the ranked architectures with the lowest p99 latency. Those
// within twice the latency histogram's relative error of the best are tied:
// the data cannot tell them apart.
std::vector<std::size_t> fastestArchitectures(const ScenarioResults& results);

} // namespace faaslab
