#pragma once

#include "models/runner/timeline_runner.h"

#include <QString>
#include <cstdint>
#include <limits>
#include <vector>

namespace faaslab::gui {

// A recorded timeline arranged for drawing: one lane per instance (in the
// order the platform created them), the requests that ran on each as spans,
// and the rejected requests. Everything is taken from the records as they
// are; the counters at an instant are counts of those records.
class TimelineLanes {
public:
    struct Lane {
        std::uint64_t instance = 0;
        double created = 0.0;
        double ready = 0.0;
        double ended = std::numeric_limits<double>::infinity(); // alive at the window's end
        bool provisioned = false;
        InstanceEndReason endReason = InstanceEndReason::KeepAliveExpired;
    };
    struct Span {
        double arrival = 0.0;
        double start = 0.0;
        double end = 0.0;
        std::uint64_t request = 0;
        int lane = -1; // -1: rejected, no instance
        RequestOutcome outcome = RequestOutcome::Completed;
        bool coldStart = false;
    };
    // What the counters beside the time cursor say.
    struct Counters {
        int alive = 0;
        int busy = 0;
        int coldStarts = 0; // requests that waited for one, arrived so far
        int rejected = 0;
        int completed = 0;
    };

    TimelineLanes() = default;
    explicit TimelineLanes(TimelineOutput timeline);

    const TimelineOutput& timeline() const { return m_timeline; }
    const std::vector<Lane>& lanes() const { return m_lanes; }
    // Every request, sorted by start.
    const std::vector<Span>& spans() const { return m_spans; }
    double longestSpan() const { return m_longest; }

    Counters countersAt(double time) const;
    // The request span on `lane` covering `time` (the latest to start), or
    // nullptr; lane -1 looks among the rejections within `tolerance`.
    const Span* spanAt(int lane, double time, double tolerance) const;
    // The first moment after `time` when something is recorded.
    double nextChangeAfter(double time) const;
    // "request 1,532 arrived at 12.41 s, waited 0.80 s for a cold start on
    // instance 7, ran 0.21 s".
    static QString describe(const Span& span, const TimelineLanes& lanes);
    QString describeLane(int lane) const;

private:
    TimelineOutput m_timeline;
    std::vector<Lane> m_lanes;
    std::vector<Span> m_spans;
    std::vector<double> m_changes; // sorted instants of records
    double m_longest = 0.0;
};

} // namespace faaslab::gui
