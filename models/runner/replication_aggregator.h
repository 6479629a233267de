#pragma once

#include "models/results/architecture_results.h"
#include "models/results/replication_result.h"
#include "simulator/latency_histogram.h"

#include <vector>

namespace faaslab {

// Combines the replications of one architecture as they finish, keeping only
// what the combination needs (each replication's scalar metrics, for the
// confidence intervals; running sums for the time series; one pooled
// histogram), so memory does not grow with the series length times the
// number of replications.
//
// Replications must be added in replication order: floating-point sums
// depend on the order of their terms, and the results must not depend on
// which thread finished first.
class ReplicationAggregator {
public:
    void add(ReplicationResult&& replication);

    // Means, 95 % half-widths (two or more replications), per-bin mean time
    // series (bins where no replication had a value stay NaN), pooled CDF.
    ArchitectureResults finish(const std::string& name, const std::string& type) const;

    int count() const { return static_cast<int>(m_metrics.size()); }

private:
    std::vector<MetricValues> m_metrics;
    // Application parts of each replication (empty for one function).
    std::vector<std::vector<NamedMetrics>> m_functions, m_triggers, m_queues;
    TimeSeries m_seriesSum;
    std::vector<std::vector<int>> m_seriesCount;
    sim::LatencyHistogram m_latency;
};

} // namespace faaslab
