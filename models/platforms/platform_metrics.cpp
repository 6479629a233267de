#include "models/platforms/platform_metrics.h"

#include "models/results/metric_keys.h"

#include <cmath>
#include <optional>

namespace faaslab {

namespace {

const char* const SeriesColumns[] = {
    "arrivals_per_s", "served_per_s",   "rejections_per_s", "cold_starts_per_s",
    "timeouts_per_s", "instances",      "busy_instances",   "requests_in_service",
    "queue_length",   "latency_mean_s", "cost_cumulative",
};

// Scoped, so that the names cannot be captured by the class's own Level
// enumerators inside member functions (Instances, BusyInstances ...).
namespace column {
enum : std::size_t {
    ArrivalsPerS,
    ServedPerS,
    RejectionsPerS,
    ColdStartsPerS,
    TimeoutsPerS,
    Instances,
    BusyInstances,
    RequestsInService,
    QueueLength,
    LatencyMeanS,
    CostCumulative,
    Count
};
} // namespace column

static_assert(std::size(SeriesColumns) == column::Count,
              "every series column needs a name, in enumeration order");

double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : 0.0;
}

} // namespace

PlatformMetrics::PlatformMetrics(const MeasurementWindow& window)
    : m_window(window)
    , m_stopAt(window.horizonS) {
    m_series.columns.assign(std::begin(SeriesColumns), std::end(SeriesColumns));
    m_series.values.resize(column::Count);
}

void PlatformMetrics::startMeasurement(double time) {
    advanceTo(time);
    m_windowStart = time;
    m_arrived = m_rejected = m_served = m_coldStarts = m_timedOut = m_waited = 0;
    m_waitSum = m_waitMax = 0.0;
    m_latencySum = 0.0;
    m_latencyStats.reset();
    m_completedLatency.reset();
    m_timedOutLatency.reset();
    m_levels.restart(time);

    m_bins = sim::TimeBinning(time, m_window.horizonS, m_window.binS, m_window.maxBins);
    m_series.startS = m_bins.start();
    m_series.endS = m_bins.end();
    m_series.binS = m_bins.width();
    for (auto& values : m_series.values) {
        values.clear();
        values.reserve(m_bins.count());
    }
    m_previous = Snapshot{};
    m_nextBin = 0;
    m_nextBinEdge = m_bins.count() > 0 ? m_bins.binEnd(0) : std::numeric_limits<double>::infinity();
}

void PlatformMetrics::stopMeasurement(double time) {
    advanceTo(time);
    m_stopAt = time;
}

void PlatformMetrics::closeBinsThrough(double time) {
    while (time >= m_nextBinEdge) {
        const double edge = m_nextBinEdge;
        m_levels.advance(edge);
        snapshot(edge);
        ++m_nextBin;
        m_nextBinEdge = m_nextBin < m_bins.count() ? m_bins.binEnd(m_nextBin)
                                                   : std::numeric_limits<double>::infinity();
    }
}

void PlatformMetrics::snapshot(double edge) {
    const double span = m_bins.binSpan(m_nextBin);
    Snapshot now;
    now.arrived = static_cast<double>(m_arrived);
    now.served = static_cast<double>(m_served);
    now.rejected = static_cast<double>(m_rejected);
    now.coldStarts = static_cast<double>(m_coldStarts);
    now.timedOut = static_cast<double>(m_timedOut);
    now.latencySum = m_latencySum;
    now.instances = m_levels.integral(Instances);
    now.busyInstances = m_levels.integral(BusyInstances);
    now.busyCapacity = m_levels.integral(BusyCapacity);
    now.queue = m_levels.integral(Queue);

    auto& v = m_series.values;
    v[column::ArrivalsPerS].push_back((now.arrived - m_previous.arrived) / span);
    v[column::ServedPerS].push_back((now.served - m_previous.served) / span);
    v[column::RejectionsPerS].push_back((now.rejected - m_previous.rejected) / span);
    v[column::ColdStartsPerS].push_back((now.coldStarts - m_previous.coldStarts) / span);
    v[column::TimeoutsPerS].push_back((now.timedOut - m_previous.timedOut) / span);
    v[column::Instances].push_back((now.instances - m_previous.instances) / span);
    v[column::BusyInstances].push_back((now.busyInstances - m_previous.busyInstances) / span);
    v[column::RequestsInService].push_back((now.busyCapacity - m_previous.busyCapacity) / span);
    v[column::QueueLength].push_back((now.queue - m_previous.queue) / span);
    const double servedInBin = now.served - m_previous.served;
    // No request finished in the bin: the mean is undefined, not zero.
    v[column::LatencyMeanS].push_back(servedInBin > 0.0
                                          ? (now.latencySum - m_previous.latencySum) / servedInBin
                                          : std::numeric_limits<double>::quiet_NaN());
    v[column::CostCumulative].push_back(m_costProbe ? m_costProbe(edge) : 0.0);
    m_previous = now;
}

void PlatformMetrics::writeResult(ReplicationResult& result) const {
    using namespace metric;
    MetricValues& m = result.metrics;
    const auto arrived = static_cast<double>(m_arrived);
    const auto completed = static_cast<double>(m_served - m_timedOut);
    m.set(Arrived, arrived);
    m.set(Completed, completed);
    m.set(Rejected, static_cast<double>(m_rejected));
    m.set(TimedOut, static_cast<double>(m_timedOut));
    m.set(ColdStarts, static_cast<double>(m_coldStarts));
    m.set(ColdStartProbability, ratio(static_cast<double>(m_coldStarts), arrived));
    m.set(RejectionProbability, ratio(static_cast<double>(m_rejected), arrived));
    m.set(TimeoutProbability, ratio(static_cast<double>(m_timedOut), arrived));
    m.set(Throughput, ratio(static_cast<double>(m_served), windowLength()));
    m.set(LatencyMean, m_latencyStats.mean());
    // Quantiles of every served request, timed out or not (merging is exact).
    std::optional<sim::LatencyHistogram> pooled;
    if (m_timedOutLatency.count() > 0) {
        pooled = m_completedLatency;
        pooled->merge(m_timedOutLatency);
    }
    const sim::LatencyHistogram& served = pooled ? *pooled : m_completedLatency;
    m.set(LatencyP50, served.quantile(0.50));
    m.set(LatencyP95, served.quantile(0.95));
    m.set(LatencyP99, served.quantile(0.99));
    m.set(LatencyP999, served.quantile(0.999));
    m.set(LatencyMax, served.max());
    m.set(WaitMean, ratio(m_waitSum, static_cast<double>(m_served)));
    m.set(WaitMax, m_waitMax);
    m.set(WaitProbability, ratio(static_cast<double>(m_waited), static_cast<double>(m_served)));
    m.set(InstancesMean, m_levels.average(Instances));
    m.set(InstancesMax, m_levels.maximum(Instances));
    m.set(InstancesBusyMean, m_levels.average(BusyInstances));
    m.set(InstancesIdleMean, m_levels.average(Instances) - m_levels.average(BusyInstances));
    m.set(QueueLengthMean, m_levels.average(Queue));
    m.set(Utilization, ratio(m_levels.average(BusyCapacity), m_levels.average(Capacity)));

    result.series = m_series;
    result.completedLatency = m_completedLatency;
}

} // namespace faaslab

namespace faaslab {

void PlatformMetrics::writeCost(ReplicationResult& result, const CostBreakdown& total,
                                const CostBreakdown& monthly) const {
    MetricValues& m = result.metrics;
    const auto served = static_cast<double>(m_served);
    m.set(metric::CostTotal, total.total());
    m.set(metric::CostPerMillion, served > 0.0 ? total.total() / served * 1e6 : 0.0);
    m.set(metric::CostMonthly, monthly.total());
    for (const CostItem& item : total.items) {
        m.set(std::string(metric::CostBreakdownPrefix) + item.key, item.amount);
    }
    for (const CostItem& item : monthly.items) {
        m.set(std::string(metric::CostMonthlyBreakdownPrefix) + item.key, item.amount);
    }
}

void PlatformMetrics::writeIdleMemory(ReplicationResult& result, double memoryMb) const {
    const double idleInstances = m_levels.average(Instances) - m_levels.average(BusyInstances);
    const double gbS = idleInstances * (memoryMb / 1024.0) * windowLength();
    result.metrics.set(metric::IdleMemoryGbS, gbS);
    result.metrics.set(metric::IdleMemoryGbSPerRequest,
                       m_arrived > 0 ? gbS / static_cast<double>(m_arrived) : 0.0);
}

} // namespace faaslab
