#include "models/runner/replication_aggregator.h"

#include "models/application/part_statistics.h"
#include "models/results/metric_keys.h"
#include "simulator/confidence_interval.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace faaslab {

namespace {

// Part by part, metric by metric: the mean over replications (every
// replication of an architecture has the same parts in the same order),
// except a maximum, which is the largest, as for the architecture's own.
std::vector<NamedMetrics> meanOfParts(const std::vector<std::vector<NamedMetrics>>& replications) {
    std::vector<NamedMetrics> out;
    if (replications.empty()) {
        return out;
    }
    std::vector<double> samples(replications.size());
    for (std::size_t i = 0; i < replications.front().size(); ++i) {
        NamedMetrics part{replications.front()[i].name, {}, {}};
        for (const MetricValues::Entry& e : replications.front()[i].metrics.entries()) {
            for (std::size_t r = 0; r < replications.size(); ++r) {
                samples[r] = replications[r][i].metrics.value(e.key);
            }
            if (e.key == part_metric::LatencyMax) {
                part.metrics.set(e.key, *std::max_element(samples.begin(), samples.end()));
                continue;
            }
            const auto ci = sim::ConfidenceInterval::fromSamples(samples);
            part.metrics.set(e.key, ci.mean);
            if (samples.size() > 1) {
                part.ci95.set(e.key, ci.halfWidth);
            }
        }
        out.push_back(std::move(part));
    }
    return out;
}

} // namespace

void ReplicationAggregator::add(ReplicationResult&& replication) {
    if (m_metrics.empty()) {
        m_seriesSum = replication.series;
        m_seriesCount.assign(m_seriesSum.values.size(), {});
        for (std::size_t c = 0; c < m_seriesSum.values.size(); ++c) {
            auto& column = m_seriesSum.values[c];
            m_seriesCount[c].resize(column.size());
            for (std::size_t b = 0; b < column.size(); ++b) {
                const bool present = !std::isnan(column[b]);
                m_seriesCount[c][b] = present ? 1 : 0;
                column[b] = present ? column[b] : 0.0;
            }
        }
    } else {
        if (replication.series.values.size() != m_seriesSum.values.size() ||
            replication.series.binCount() != m_seriesSum.binCount()) {
            throw std::logic_error("replications with different time-series layouts");
        }
        for (std::size_t c = 0; c < m_seriesSum.values.size(); ++c) {
            for (std::size_t b = 0; b < m_seriesSum.values[c].size(); ++b) {
                const double v = replication.series.values[c][b];
                if (!std::isnan(v)) {
                    m_seriesSum.values[c][b] += v;
                    ++m_seriesCount[c][b];
                }
            }
        }
    }
    m_latency.merge(replication.completedLatency);
    m_metrics.push_back(std::move(replication.metrics));
    m_functions.push_back(std::move(replication.functions));
    m_triggers.push_back(std::move(replication.triggers));
    m_queues.push_back(std::move(replication.queues));
}

ArchitectureResults ReplicationAggregator::finish(const std::string& name,
                                                  const std::string& type) const {
    ArchitectureResults out;
    out.name = name;
    out.type = type;
    out.replications = count();
    if (m_metrics.empty()) {
        return out;
    }
    std::vector<double> samples(m_metrics.size());
    for (const MetricValues::Entry& entry : m_metrics.front().entries()) {
        for (std::size_t r = 0; r < m_metrics.size(); ++r) {
            samples[r] = m_metrics[r].value(entry.key);
        }
        const auto ci = sim::ConfidenceInterval::fromSamples(samples);
        out.mean.set(entry.key, ci.mean);
        if (m_metrics.size() > 1) {
            out.ci95.set(entry.key, ci.halfWidth);
        }
    }
    // Over several replications the largest maximum is reported, not the
    // mean of the maxima: a maximum is not a quantity to average.
    if (m_metrics.size() > 1) {
        for (std::string_view key : {metric::LatencyMax, metric::InstancesMax, metric::WaitMax}) {
            double largest = 0.0;
            for (const MetricValues& m : m_metrics) {
                largest = std::max(largest, m.value(key));
            }
            out.mean.set(key, largest);
            // A largest value has no confidence interval of a mean.
            out.ci95.erase(key);
        }
    }

    out.series = m_seriesSum;
    for (std::size_t c = 0; c < out.series.values.size(); ++c) {
        for (std::size_t b = 0; b < out.series.values[c].size(); ++b) {
            const int n = m_seriesCount[c][b];
            out.series.values[c][b] =
                n > 0 ? out.series.values[c][b] / n : std::numeric_limits<double>::quiet_NaN();
        }
    }
    out.latencyCdf = m_latency.cdf(400);
    out.functions = meanOfParts(m_functions);
    out.triggers = meanOfParts(m_triggers);
    out.queues = meanOfParts(m_queues);
    return out;
}

} // namespace faaslab
