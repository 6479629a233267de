#include "models/application/part_statistics.h"

namespace faaslab {

namespace {

double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : 0.0;
}

} // namespace

void LatencySummary::write(MetricValues& m) const {
    using namespace part_metric;
    m.set(LatencyMean, ratio(m_sum, static_cast<double>(m_histogram.count())));
    m.set(LatencyP50, m_histogram.quantile(0.50));
    m.set(LatencyP95, m_histogram.quantile(0.95));
    m.set(LatencyP99, m_histogram.quantile(0.99));
    m.set(LatencyMax, m_histogram.max());
}

MetricValues FunctionStatistics::toMetrics() const {
    using namespace part_metric;
    MetricValues m;
    m.set(Invocations, static_cast<double>(invocations));
    m.set(Completed, static_cast<double>(completed));
    m.set(ColdStarts, static_cast<double>(coldStarts));
    m.set(ColdStartProbability,
          ratio(static_cast<double>(coldStarts), static_cast<double>(invocations)));
    m.set(Throttles, static_cast<double>(throttles));
    m.set(TimedOut, static_cast<double>(timedOut));
    m.set(Retries, static_cast<double>(retries));
    latency.write(m);
    return m;
}

MetricValues TriggerStatistics::toMetrics() const {
    using namespace part_metric;
    MetricValues m;
    m.set(RequestsArrived, static_cast<double>(arrived));
    m.set(RequestsCompleted, static_cast<double>(completed));
    m.set(RequestsFailed, static_cast<double>(failed));
    m.set(RequestsRejected, static_cast<double>(rejected));
    latency.write(m);
    return m;
}

MetricValues QueueStatistics::toMetrics(double windowLength) const {
    using namespace part_metric;
    MetricValues m;
    m.set(MessagesSent, static_cast<double>(sent));
    m.set(MessagesReceived, static_cast<double>(received));
    m.set(MessagesDeadLettered, static_cast<double>(deadLettered));
    m.set(Batches, static_cast<double>(batches));
    m.set(BatchSizeMean, ratio(static_cast<double>(received), static_cast<double>(batches)));
    m.set(WaitMean, ratio(waitSum, static_cast<double>(received)));
    m.set(BacklogMean, ratio(backlogIntegral, windowLength));
    return m;
}

} // namespace faaslab
