#include "models/results/ranking.h"

#include "models/results/metric_keys.h"
#include "simulator/latency_histogram.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace faaslab {

double unservedShare(const ArchitectureResults& architecture) {
    const double arrived = architecture.mean.value(metric::Arrived);
    return arrived > 0.0 ? 1.0 - architecture.mean.value(metric::Completed) / arrived : 0.0;
}

std::vector<std::size_t> rankedArchitectures(ArchitectureSpan archs) {
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

bool servesWholeLoad(const ArchitectureResults& architecture) {
    // (1e-12 as in rankedArchitectures: 1 - 990/1000 is a hair above 0.01.)
    return unservedShare(architecture) <= WholeLoadUnservedLimit + 1e-12;
}

std::size_t cheapestArchitecture(ArchitectureSpan archs, std::string_view costMetric) {
    const std::vector<std::size_t> ranked = rankedArchitectures(archs);
    std::size_t cheapest = ranked.front();
    for (const std::size_t i : ranked) {
        if (archs[i].mean.value(costMetric) < archs[cheapest].mean.value(costMetric)) {
            cheapest = i;
        }
    }
    return cheapest;
}

std::vector<std::size_t> fastestArchitectures(ArchitectureSpan archs) {
    std::vector<std::size_t> fastest;
    const std::vector<std::size_t> ranked = rankedArchitectures(archs);
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

bool RankingVerdict::names(std::size_t index) const {
    return decided() && std::find(best.begin(), best.end(), index) != best.end();
}

namespace {

// Compares the leaders' 95 % intervals of `key` with the next ranked
// architecture's (see RankingVerdict).
RankingVerdict verdictOf(ArchitectureSpan archs, std::string_view key,
                         std::vector<std::size_t> leaders) {
    RankingVerdict verdict;
    verdict.best = std::move(leaders);
    if (verdict.best.empty()) {
        return verdict;
    }
    const auto isLeader = [&](std::size_t i) {
        return std::find(verdict.best.begin(), verdict.best.end(), i) != verdict.best.end();
    };
    // The leaders' highest upper bound; no interval (one replication): the
    // point estimate decides.
    double upper = -std::numeric_limits<double>::infinity();
    for (const std::size_t i : verdict.best) {
        const std::optional<double> half = archs[i].ci95.find(key);
        if (!half) {
            return verdict;
        }
        upper = std::max(upper, archs[i].mean.value(key) + *half);
    }
    const std::vector<std::size_t> ranked = rankedArchitectures(archs);
    std::optional<std::size_t> next;
    for (const std::size_t i : ranked) {
        if (!isLeader(i) && (!next || archs[i].mean.value(key) < archs[*next].mean.value(key))) {
            next = i;
        }
    }
    const auto lowerBound = [&](std::size_t i) -> std::optional<double> {
        const std::optional<double> half = archs[i].ci95.find(key);
        return half ? std::optional<double>(archs[i].mean.value(key) - *half) : std::nullopt;
    };
    if (!next || !lowerBound(*next) || *lowerBound(*next) > upper) {
        return verdict; // nobody else, or clearly separated
    }
    verdict.indistinguishable = verdict.best;
    std::vector<std::size_t> others;
    for (const std::size_t i : ranked) {
        const std::optional<double> lower = lowerBound(i);
        if (!isLeader(i) && lower && *lower <= upper) {
            others.push_back(i);
        }
    }
    std::stable_sort(others.begin(), others.end(), [&](std::size_t a, std::size_t b) {
        return archs[a].mean.value(key) < archs[b].mean.value(key);
    });
    verdict.indistinguishable.insert(verdict.indistinguishable.end(), others.begin(), others.end());
    return verdict;
}

} // namespace

RankingVerdict cheapestVerdict(ArchitectureSpan archs, std::string_view costMetric) {
    if (archs.empty()) {
        return {};
    }
    return verdictOf(archs, costMetric, {cheapestArchitecture(archs, costMetric)});
}

RankingVerdict fastestVerdict(ArchitectureSpan archs) {
    return verdictOf(archs, metric::LatencyP99, fastestArchitectures(archs));
}

} // namespace faaslab
