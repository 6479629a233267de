#pragma once

#include "models/billing/pricing_catalog.h"
#include "models/results/architecture_results.h"
#include "models/results/ranking.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/diagnostics.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// A sweep re-runs a scenario for each value of one numeric field, given by
// its path in the scenario file ("workload.arrivals.rate_per_s",
// "architectures[0].keep_alive_s").
struct SweepSpec {
    std::string parameter;
    std::vector<double> values;
    // Break-even points are located to this fraction of their value.
    double breakEvenTolerance = 0.01;
    // The cost that decides which architecture is cheapest.
    std::string costMetric{metric::CostMonthly};
};

struct SweepPoint {
    double value = 0.0;
    // Per architecture, without time series or latency CDF.
    std::vector<ArchitectureResults> architectures;
    // The ranked architecture with the lowest mean cost (ranking.h): what
    // break-even points are located on, even where the replications cannot
    // tell it from the next one (see cheapestVerdictAt).
    std::string cheapest;
};

// What may be said about the cheapest architecture at a point: with
// replications, "not distinguishable at 95 %" when its cost interval
// overlaps the next one's (ranking.h, RankingVerdict).
RankingVerdict cheapestVerdictAt(const SweepPoint& point,
                                 std::string_view costMetric = metric::CostMonthly);

// Where the cheapest architecture changes: somewhere in [lower, upper],
// reported as their midpoint.
struct BreakEven {
    double value = 0.0;
    double lower = 0.0;
    double upper = 0.0;
    std::string cheaperBelow;
    std::string cheaperAbove;
};

struct SweepResults {
    std::string scenarioName;
    std::string parameter;
    std::uint64_t seed = 0;
    int replications = 1;
    std::vector<std::string> architectureNames;
    std::vector<SweepPoint> points;
    std::vector<BreakEven> breakEvens;
    // Scenario runs spent locating break-even points (with several threads,
    // speculative runs are included; they never change the results).
    int extraRuns = 0;
};

struct SweepOptions {
    int threads = 0; // 0: every core; results do not depend on it
    // Fraction in [0, 1]: the points take 0 to 0.8, each advancing with its
    // simulated time (so a long point is not 0 % until it ends); locating
    // the break-even points takes the rest.
    std::function<void(double fraction)> progress;
    // Called as soon as the point at `index` (its position among the sorted,
    // distinct values) is finished, from a worker thread, one call at a time,
    // so a front end can draw points while the others still run. The final
    // results hold the same points; the callback never changes them.
    std::function<void(std::size_t index, const SweepPoint& point)> pointFinished;
    const std::atomic<bool>* cancel = nullptr;
    // Whether to locate break-even points by bisection.
    bool findBreakEvens = true;
    // Where preset names resolve; the built-in catalog when null.
    const PricingCatalog* catalog = nullptr;
    // Where the scenario's relative file names (traces) resolve.
    std::string baseDirectory;
    // For every replication of every point; beyond them runSweep() throws
    // WorkInFlightError, its message starting with the point's value.
    ReplicationLimits limits;
};

struct SweepOutput {
    RunStatus status = RunStatus::Completed;
    // Cancelled: the points finished before the cancellation, in value
    // order, and no break-even points (a partial sweep).
    SweepResults results;
    // How many distinct values the sweep was asked for (results.points has
    // fewer when it was cancelled).
    std::size_t pointsPlanned = 0;
    Diagnostics diagnostics; // a bad parameter or value: nothing was run
    bool ok() const { return !diagnostics.hasErrors(); }
};

// Runs every point (in parallel: one scenario per thread), then locates the
// break-even points between consecutive points whose cheapest architecture
// differs, by bisection until the bracket is within the tolerance (or one
// unit, for whole-number parameters). Every value is checked by the
// scenario reader first; if any is invalid nothing is run.
SweepOutput runSweep(const nlohmann::ordered_json& scenario, const SweepSpec& spec,
                     const SweepOptions& options = {});

// The JSON pointer of a dotted parameter path, or an explanation of why the
// path does not name a number in `scenario`.
std::optional<nlohmann::ordered_json::json_pointer>
parameterPointer(const nlohmann::ordered_json& scenario, const std::string& path,
                 std::string& problem);

// n values from `from` to `to`, evenly spaced or (logarithmic) geometric.
std::vector<double> sweepRange(double from, double to, int count, bool logarithmic);
// The values of that range as they are swept: for a field that takes only
// whole numbers, rounded, without the duplicates rounding makes.
std::vector<double> sweepRangeValues(double from, double to, int count, bool logarithmic,
                                     bool wholeNumbers);

// How many values a range may have: each is a complete run of the scenario.
inline constexpr int MinSweepPoints = 2;
inline constexpr int MaxSweepPoints = 1000;

// What the front ends call the three parts of a range in their messages.
struct SweepRangeLabels {
    std::string from = "FROM";
    std::string to = "TO";
    std::string points = "POINTS";
};

// The one rule for a range of sweep values: "" when `count` values from
// `from` to `to` (geometric if `logarithmic`) can be swept, otherwise why not.
std::string sweepRangeProblem(double from, double to, int count, bool logarithmic,
                              const SweepRangeLabels& labels = {});

// Reads a range written FROM:TO:POINTS or FROM:TO:POINTS:log (the command
// line's --range) into its values; nullopt with `problem` set when the text
// is malformed or the range breaks the rule above.
std::optional<std::vector<double>> parseSweepRange(const std::string& text, std::string& problem);

} // namespace faaslab
