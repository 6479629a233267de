#include "models/results/ranking.h"

#include "models/results/metric_keys.h"
#include "simulator/latency_histogram.h"

#include <algorithm>

namespace faaslab {

double unservedShare(const ArchitectureResults& architecture) {
    const double arrived = architecture.mean.value(metric::Arrived);
    return arrived > 0.0 ? 1.0 - architecture.mean.value(metric::Completed) / arrived : 0.0;
}

std::vector<std::size_t> rankedArchitectures(const ScenarioResults& results) {
    const auto& archs = results.architectures;
    std::vector<std::size_t> ranked;
    if (archs.empty()) {
        return ranked;
    }
    double best = unservedShare(archs.front());
    for (const ArchitectureResults& a : archs) {
        best = std::min(best, unservedShare(a));
    }
    for (std::size_t i = 0; i < archs.size(); ++i) {
        // (1e-12: 1 - 990/1000 is a hair above 0.01 in binary.)
        if (unservedShare(archs[i]) <= best + RankingServiceTolerance + 1e-12) {
            ranked.push_back(i);
        }
    }
    return ranked;
}

std::size_t cheapestArchitecture(const ScenarioResults& results) {
    return cheapestArchitecture(results, metric::CostMonthly);
}

std::size_t cheapestArchitecture(const ScenarioResults& results, std::string_view costMetric) {
    const auto& archs = results.architectures;
    const std::vector<std::size_t> ranked = rankedArchitectures(results);
    std::size_t cheapest = ranked.front();
    for (const std::size_t i : ranked) {
        if (archs[i].mean.value(costMetric) < archs[cheapest].mean.value(costMetric)) {
            cheapest = i;
        }
    }
    return cheapest;
}

std::vector<std::size_t> fastestArchitectures(const ScenarioResults& results) {
    const auto& archs = results.architectures;
    std::vector<std::size_t> fastest;
    const std::vector<std::size_t> ranked = rankedArchitectures(results);
    if (ranked.empty()) {
        return fastest;
    }
    double best = archs[ranked.front()].mean.value(metric::LatencyP99);
    for (const std::size_t i : ranked) {
        best = std::min(best, archs[i].mean.value(metric::LatencyP99));
    }
    const double tie = best * (1.0 + 2.0 * sim::LatencyHistogram::RelativeError);
    for (const std::size_t i : ranked) {
        if (archs[i].mean.value(metric::LatencyP99) <= tie) {
            fastest.push_back(i);
        }
    }
    return fastest;
}

} // namespace faaslab
