#pragma once

#include "models/results/metric_keys.h"
#include "models/results/scenario_results.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace faaslab {

// Which architectures a comparison names as the winners. One definition for
// the command-line table, the GUI's overview cards, sweeps and reports.
// Each takes the architectures of one run (or of one sweep point); indices
// are positions among them.
using ArchitectureSpan = std::span<const ArchitectureResults>;

// Share of arrived requests an architecture did not complete (rejected,
// timed out, failed end to end); 0 when nothing arrived.
double unservedShare(const ArchitectureResults& architecture);

// Only architectures that serve the workload about as well as the best one
// are ranked: a function that times out on every job is not "cheapest".
// Ranked: at most this many more requests unserved (as a share) than the
// architecture that leaves the fewest.
inline constexpr double RankingServiceTolerance = 0.01;
std::vector<std::size_t> rankedArchitectures(ArchitectureSpan architectures);

// An architecture's cost is for the whole load when it leaves at most this
// share of the arrived requests unserved; above it, tables mark the cost
// (the command line's "*", the sweep chart's hollow markers), because part
// of the work was never done. A share of its own requests, where the
// tolerance above is a difference from the best architecture's share.
inline constexpr double WholeLoadUnservedLimit = 0.01;
bool servesWholeLoad(const ArchitectureResults& architecture);

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
// What every front end writes instead of a winner's name then.
inline constexpr std::string_view NotDistinguishable = "not distinguishable at 95 %";

struct RankingVerdict {
    std::vector<std::size_t> best;
    std::vector<std::size_t> indistinguishable; // empty when decided
    bool decided() const { return indistinguishable.empty() && !best.empty(); }
    // Named as a winner: decided and among the leaders.
    bool names(std::size_t index) const;
};

RankingVerdict cheapestVerdict(ArchitectureSpan architectures,
                               std::string_view costMetric = metric::CostMonthly);
RankingVerdict fastestVerdict(ArchitectureSpan architectures); // by p99 latency

// The ranked architecture with the lowest cost per 30 days (the first one on
// a tie), whatever the confidence intervals say: the point estimate, which
// sweeps bisect on to locate break-even points. Results must have at least
// one architecture.
// Sweeps may rank by another cost metric (cost.total, ...).
std::size_t cheapestArchitecture(ArchitectureSpan architectures,
                                 std::string_view costMetric = metric::CostMonthly);

// Indices of the ranked architectures with the lowest p99 latency. Those
// within twice the latency histogram's relative error of the best are tied:
// the data cannot tell them apart.
std::vector<std::size_t> fastestArchitectures(ArchitectureSpan architectures);

// The same for a whole run's results.
inline std::vector<std::size_t> rankedArchitectures(const ScenarioResults& results) {
    return rankedArchitectures(ArchitectureSpan(results.architectures));
}
inline RankingVerdict cheapestVerdict(const ScenarioResults& results,
                                      std::string_view costMetric = metric::CostMonthly) {
    return cheapestVerdict(ArchitectureSpan(results.architectures), costMetric);
}
inline RankingVerdict fastestVerdict(const ScenarioResults& results) {
    return fastestVerdict(ArchitectureSpan(results.architectures));
}
inline std::size_t cheapestArchitecture(const ScenarioResults& results,
                                        std::string_view costMetric = metric::CostMonthly) {
    return cheapestArchitecture(ArchitectureSpan(results.architectures), costMetric);
}
inline std::vector<std::size_t> fastestArchitectures(const ScenarioResults& results) {
    return fastestArchitectures(ArchitectureSpan(results.architectures));
}

} // namespace faaslab
