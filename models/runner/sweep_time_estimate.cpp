#include "models/runner/sweep_time_estimate.h"

#include "models/runner/scenario_runner.h"
#include "models/runner/sweep_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <thread>

namespace faaslab {

namespace {

// Expected invocations of one replication of one architecture.
double invocationsPerArchitecture(const Scenario& scenario) {
    const double duration = scenario.simulation.durationS;
    return scenario.application ? scenario.application->expectedInvocations(duration)
                                : scenario.workload.arrivals.expectedArrivals(duration);
}

} // namespace

double expectedRunWork(const Scenario& scenario) {
    return invocationsPerArchitecture(scenario) *
           static_cast<double>(scenario.architectures.size()) *
           static_cast<double>(std::max(1, scenario.simulation.replications));
}

double measureSimulationSpeed(const Scenario& scenario, double targetWork) {
    Scenario probe = scenario;
    probe.simulation.replications = 1;
    const double full = expectedRunWork(probe);
    if (!(full > 0.0) || !(targetWork > 0.0)) {
        return 0.0;
    }
    // The same scenario over a shorter window: the same architectures and
    // the same mix of events per invocation.
    const double factor = std::min(1.0, targetWork / full);
    probe.simulation.durationS *= factor;
    probe.simulation.warmupS = 0.0;
    probe.simulation.timeseriesBinS = probe.simulation.durationS / 10.0;
    const double work = expectedRunWork(probe);
    RunOptions options;
    options.threads = 1;
    const auto start = std::chrono::steady_clock::now();
    const RunOutput out = runScenario(probe, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (out.status != RunStatus::Completed || !(seconds > 0.0)) {
        return 0.0;
    }
    return work / seconds;
}

double estimateSweepSeconds(const std::vector<double>& pointWork, double speed, int threads) {
    if (!(speed > 0.0) || pointWork.empty()) {
        return 0.0;
    }
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(
        pointWork.size(), threads > 0 ? static_cast<std::size_t>(threads) : hardware);
    // Largest first, each to the least-loaded thread: how the sweep's pool
    // takes points (it hands out the largest values first).
    std::vector<double> work = pointWork;
    std::sort(work.begin(), work.end(), std::greater<>());
    std::vector<double> load(workers, 0.0);
    for (const double w : work) {
        *std::min_element(load.begin(), load.end()) += std::max(0.0, w);
    }
    return *std::max_element(load.begin(), load.end()) / speed;
}

SweepRangeProposal
proposeSweepRange(double current, bool wholeNumbers,
                  const std::function<double(const std::vector<double>& values)>& secondsFor,
                  double budgetS) {
    auto make = [&](double topFactor, int points) {
        SweepRangeProposal p;
        if (current > 0.0) {
            p.from = current / 10.0;
            p.to = current * topFactor;
        } else if (current < 0.0) {
            p.from = current * 10.0;
            p.to = current / 10.0;
        }
        if (wholeNumbers) {
            p.from = std::round(p.from);
            p.to = std::round(p.to);
            if (current > 0.0) {
                p.from = std::max(1.0, p.from);
            }
            if (current == 0.0) {
                p.to = 10.0;
            }
            p.to = std::max(p.to, p.from + 1.0);
        }
        p.points = points;
        p.logarithmic = p.from > 0.0 && p.to / p.from >= 10.0;
        if (wholeNumbers && p.to - p.from + 1.0 <= points) {
            // Every whole number of a short range, evenly.
            p.points = static_cast<int>(p.to - p.from + 1.0);
            p.logarithmic = false;
        }
        return p;
    };
    // From the widest, densest range (two decades, 12 points) to the
    // cheapest (a decade below the value, 4 points).
    static const std::vector<std::pair<double, int>> candidates = {
        {10.0, 12}, {10.0, 8}, {10.0, 6}, {3.0, 8}, {3.0, 6}, {1.0, 6}, {1.0, 4}};
    SweepRangeProposal chosen;
    for (const auto& [topFactor, points] : candidates) {
        chosen = make(topFactor, points);
        if (!secondsFor) {
            return chosen;
        }
        chosen.estimatedS = secondsFor(sweepRangeValues(chosen.from, chosen.to, chosen.points,
                                                        chosen.logarithmic, wholeNumbers));
        chosen.withinBudget = chosen.estimatedS <= budgetS;
        if (chosen.withinBudget) {
            return chosen;
        }
    }
    return chosen;
}

} // namespace faaslab
