#pragma once

#include "models/billing/cost_breakdown.h"
#include "models/results/replication_result.h"
#include "simulator/latency_histogram.h"
#include "simulator/running_stats.h"
#include "simulator/time_binning.h"
#include "simulator/time_weighted_levels.h"

#include <cstdint>
#include <functional>
#include <limits>

namespace faaslab {

struct MeasurementWindow {
    double warmupS = 0.0;
    double horizonS = 0.0;
    double binS = 60.0;
    std::size_t maxBins = 5000;
};

// Collects what every platform reports, and is the single place where a
// result metric is defined from the raw observations (see metric_keys.h).
//
// Request counts: a request is counted when it *arrived* inside the measured
// window [warm-up, horizon); it is followed to its end even after the
// horizon, so arrived = completed + timed out + rejected exactly.
// Time averages (instances, queue, utilisation) are over [warm-up, horizon].
//
// Levels are piecewise constant: a platform calls advanceTo(now) once per
// event, before changing any level, and the integrals and time-series bins
// are brought up to date in O(1) (plus one step per bin boundary crossed).
// The time series is built from snapshots of cumulative quantities at bin
// edges, so a bin costs nothing until it closes.
class PlatformMetrics {
public:
    explicit PlatformMetrics(const MeasurementWindow& window);

    // Cumulative cost at a time, asked at every bin edge.
    void setCostProbe(std::function<double(double)> probe) { m_costProbe = std::move(probe); }

    void startMeasurement(double time);
    void stopMeasurement(double time);

    bool isMeasured(double arrival) const { return arrival >= m_windowStart; }

    void advanceTo(double time) {
        if (time > m_stopAt) {
            time = m_stopAt;
        }
        if (time >= m_nextBinEdge) {
            closeBinsThrough(time);
        }
        m_levels.advance(time);
    }

    // Level changes, at the time of the last advanceTo().
    void addInstances(int delta) { m_levels.add(Instances, delta); }
    void addBusyInstances(int delta) { m_levels.add(BusyInstances, delta); }
    // Capacity is what limits concurrent work (request slots of a function
    // instance, cores of a VM); utilisation is busy capacity / capacity.
    void addBusyCapacity(double delta) { m_levels.add(BusyCapacity, delta); }
    void addCapacity(double delta) { m_levels.add(Capacity, delta); }
    void addQueued(int delta) { m_levels.add(Queue, delta); }

    // Request outcomes, for measured requests only (see isMeasured).
    void recordArrival() { ++m_arrived; }
    void recordRejection() { ++m_rejected; }
    // `wait` is the time spent queued for capacity (part of the latency).
    void recordServed(double latency, bool coldStart, bool timedOut, double wait = 0.0) {
        ++m_served;
        m_coldStarts += coldStart ? 1 : 0;
        m_timedOut += timedOut ? 1 : 0;
        if (wait > 0.0) {
            ++m_waited;
            m_waitSum += wait;
            m_waitMax = wait > m_waitMax ? wait : m_waitMax;
        }
        m_latencySum += latency;
        m_latencyStats.add(latency);
        // Kept apart so that a chart can show completed requests only; the
        // quantiles pool both (served = completed + timed out).
        (timedOut ? m_timedOutLatency : m_completedLatency).add(latency);
    }

    // Time averages over the measured window, for combining pools.
    double averageCapacity() const { return m_levels.average(Capacity); }
    double averageBusyCapacity() const { return m_levels.average(BusyCapacity); }

    std::uint64_t arrived() const { return m_arrived; }
    std::uint64_t served() const { return m_served; }
    double windowLength() const { return m_stopAt - m_windowStart; }

    // Writes the request, latency, instance and utilisation metrics and the
    // time series into `result`.
    void writeResult(ReplicationResult& result) const;
    // Adds the cost metrics (total, per million served, 30-day projection,
    // and both breakdowns), defined the same way for every platform.
    void writeCost(ReplicationResult& result, const CostBreakdown& total,
                   const CostBreakdown& monthly) const;
    // Adds the idle memory-time: memory held by instances that run nothing,
    // integrated over the measured window (GB-s, GB = 1024 MB), in total and
    // per arrived request. What a keep-alive policy spends to avoid cold
    // starts.
    void writeIdleMemory(ReplicationResult& result, double memoryMb) const;

private:
    void closeBinsThrough(double time);
    void snapshot(double edge);

    MeasurementWindow m_window;
    sim::TimeBinning m_bins;
    // Nothing counts as measured until startMeasurement(): a request that
    // arrives during warm-up and ends after it must not be counted.
    double m_windowStart = std::numeric_limits<double>::infinity();
    double m_stopAt = std::numeric_limits<double>::infinity();
    double m_nextBinEdge = std::numeric_limits<double>::infinity();
    std::size_t m_nextBin = 0;

    std::uint64_t m_arrived = 0;
    std::uint64_t m_rejected = 0;
    std::uint64_t m_served = 0;
    std::uint64_t m_coldStarts = 0;
    std::uint64_t m_timedOut = 0;
    std::uint64_t m_waited = 0;
    double m_waitSum = 0.0;
    double m_waitMax = 0.0;
    double m_latencySum = 0.0;
    sim::RunningStats m_latencyStats;
    sim::LatencyHistogram m_completedLatency;
    sim::LatencyHistogram m_timedOutLatency;

    enum Level : std::size_t {
        Instances,
        BusyInstances,
        BusyCapacity,
        Capacity,
        Queue,
        LevelCount
    };
    sim::TimeWeightedLevels<LevelCount> m_levels;

    std::function<double(double)> m_costProbe;

    // Cumulative values at the previous bin edge, and the per-bin columns.
    struct Snapshot {
        double arrived = 0, served = 0, rejected = 0, coldStarts = 0, timedOut = 0;
        double latencySum = 0;
        double instances = 0, busyInstances = 0, busyCapacity = 0, queue = 0;
    };
    Snapshot m_previous;
    TimeSeries m_series;
};

} // namespace faaslab
