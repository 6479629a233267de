#include "models/results/ranking.h"

#include "models/results/metric_keys.h"
#include "simulator/latency_histogram.h"

#include <algorithm>

namespace faaslab {

std::size_t cheapestArchitecture(const ScenarioResults& results) {
    const auto& archs = results.architectures;
    const auto cheapest =
        std::min_element(archs.begin(), archs.end(), [](const auto& a, const auto& b) {
            return a.mean.value(metric::CostMonthly) < b.mean.value(metric::CostMonthly);
        });
    return static_cast<std::size_t>(cheapest - archs.begin());
}

std::vector<std::size_t> fastestArchitectures(const ScenarioResults& results) {
    const auto& archs = results.architectures;
    std::vector<std::size_t> fastest;
    if (archs.empty()) {
        return fastest;
    }
    double best = archs.front().mean.value(metric::LatencyP99);
    for (const ArchitectureResults& a : archs) {
        best = std::min(best, a.mean.value(metric::LatencyP99));
    }
    const double tie = best * (1.0 + 2.0 * sim::LatencyHistogram::RelativeError);
    for (std::size_t i = 0; i < archs.size(); ++i) {
        if (archs[i].mean.value(metric::LatencyP99) <= tie) {
            fastest.push_back(i);
        }
    }
    return fastest;
}

} // namespace faaslab
