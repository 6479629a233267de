#pragma once

#include "models/results/scenario_results.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace faaslab {

// Which architectures a comparison names as the winners. One definition for
// the command-line table, the GUI's overview cards, sweeps and reports.

// Share of arrived requests an architecture did not complete (rejected,
// timed out, failed end to end); 0 when nothing arrived.
double unservedShare(const ArchitectureResults& architecture);

// Only architectures that serve the workload about as well as the best one
// are ranked: a function that times out on every job is not "cheapest".
// Ranked: at most this many more requests unserved (as a share) than the
// architecture that leaves the fewest.
inline constexpr double RankingServiceTolerance = 0.01;
std::vector<std::size_t> rankedArchitectures(const ScenarioResults& results);

// What a comparison may say about the best architecture by one metric
// (lower is better), among the ranked ones.
//
// `best` holds the point-estimate leaders: the one with the lowest mean
// (for p99 also every one within the histogram's resolution of it, tied).
// With replications, the leaders' 95 % confidence intervals are compared
// with the interval of the next architecture (the lowest mean outside
// `best`): if they overlap, the replications cannot tell which one is
// better, and the verdict is "not distinguishable at 95 %". Then
// `indistinguishable` lists the leaders and every ranked architecture whose
// interval overlaps theirs, best first. Without replications there is no
// interval and the point estimate decides.
struct RankingVerdict {
    std::vector<std::size_t> best;
    std::vector<std::size_t> indistinguishable; // empty when decided
    bool decided() const { return indistinguishable.empty() && !best.empty(); }
    // Named as a winner: decided and among the leaders.
    bool names(std::size_t index) const;
};

RankingVerdict cheapestVerdict(const ScenarioResults& results, std::string_view costMetric);
RankingVerdict cheapestVerdict(const ScenarioResults& results); // by cost per 30 days
RankingVerdict fastestVerdict(const ScenarioResults& results);  // by p99 latency

// The ranked architecture with the lowest cost per 30 days (the first one on
// a tie), whatever the confidence intervals say: the point estimate, which
// sweeps bisect on to locate break-even points. Results must have at least
// one architecture.
std::size_t cheapestArchitecture(const ScenarioResults& results);
// The same by another cost metric (sweeps may rank by cost.total, ...).
std::size_t cheapestArchitecture(const ScenarioResults& results, std::string_view costMetric);

// Indices of the ranked architectures with the lowest p99 latency. Those
// within twice the latency histogram's relative error of the best are tied:
// the data cannot tell them apart.
std::vector<std::size_t> fastestArchitectures(const ScenarioResults& results);

} // namespace faaslab
