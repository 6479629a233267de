#include "app/gui/timeline/timeline_lanes.h"

#include "models/format/number_format.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace faaslab::gui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("TimelineLanes", text);
}

QString seconds(double s) {
    return QString::fromStdString(formatSeconds(s));
}

} // namespace

TimelineLanes::TimelineLanes(TimelineOutput timeline)
    : m_timeline(std::move(timeline)) {
    std::map<std::uint64_t, int> laneOf;
    for (const TimelineRecord& r : m_timeline.records) {
        switch (r.kind) {
        case TimelineRecordKind::InstanceStarted: {
            laneOf[r.instance] = static_cast<int>(m_lanes.size());
            Lane lane;
            lane.instance = r.instance;
            lane.created = r.time;
            lane.ready = r.start;
            lane.provisioned = r.provisioned;
            m_lanes.push_back(lane);
            m_changes.push_back(r.time);
            m_changes.push_back(r.start);
            break;
        }
        case TimelineRecordKind::InstanceEnded:
            if (const auto it = laneOf.find(r.instance); it != laneOf.end()) {
                m_lanes[static_cast<std::size_t>(it->second)].ended = r.time;
                m_lanes[static_cast<std::size_t>(it->second)].endReason =
                    static_cast<InstanceEndReason>(r.detail);
            }
            m_changes.push_back(r.time);
            break;
        case TimelineRecordKind::Request: {
            Span span;
            span.arrival = r.time;
            span.start = r.start;
            span.end = r.end;
            span.request = r.request;
            span.outcome = static_cast<RequestOutcome>(r.detail);
            span.coldStart = r.coldStart;
            if (r.instance != TimelineRecord::NoInstance) {
                const auto it = laneOf.find(r.instance);
                span.lane = it != laneOf.end() ? it->second : -1;
            }
            m_longest = std::max(m_longest, span.end - span.arrival);
            m_spans.push_back(span);
            m_changes.push_back(r.time);
            m_changes.push_back(r.start);
            m_changes.push_back(r.end);
            break;
        }
        }
    }
    std::stable_sort(m_spans.begin(), m_spans.end(),
                     [](const Span& a, const Span& b) { return a.start < b.start; });
    std::sort(m_changes.begin(), m_changes.end());
    m_changes.erase(std::unique(m_changes.begin(), m_changes.end()), m_changes.end());
}

TimelineLanes::Counters TimelineLanes::countersAt(double time) const {
    Counters c;
    for (const Lane& lane : m_lanes) {
        c.alive += lane.created <= time && time < lane.ended ? 1 : 0;
    }
    std::set<int> busy;
    for (const Span& s : m_spans) {
        if (s.arrival > time) {
            continue;
        }
        c.coldStarts += s.coldStart ? 1 : 0;
        c.rejected += s.outcome == RequestOutcome::Rejected && s.end <= time ? 1 : 0;
        c.completed += s.outcome != RequestOutcome::Rejected && s.end <= time ? 1 : 0;
        // A serverless instance is busy through its cold start as well.
        const double busyFrom =
            s.coldStart && m_timeline.type == "serverless" ? s.arrival : s.start;
        if (s.lane >= 0 && busyFrom <= time && time < s.end) {
            busy.insert(s.lane);
        }
    }
    c.busy = static_cast<int>(busy.size());
    return c;
}

const TimelineLanes::Span* TimelineLanes::spanAt(int lane, double time, double tolerance) const {
    const Span* found = nullptr;
    // Spans are sorted by start: look back at most the longest span.
    auto it = std::lower_bound(m_spans.begin(), m_spans.end(), time - m_longest - tolerance,
                               [](const Span& s, double t) { return s.start < t; });
    double best = std::numeric_limits<double>::infinity();
    for (; it != m_spans.end() && it->start <= time + tolerance; ++it) {
        if (it->lane != lane) {
            continue;
        }
        if (lane < 0) {
            const double distance = std::abs(it->arrival - time);
            if (distance <= tolerance && distance < best) {
                best = distance;
                found = &*it;
            }
        } else if (it->arrival <= time && time <= it->end) {
            found = &*it;
        }
    }
    return found;
}

double TimelineLanes::nextChangeAfter(double time) const {
    const auto it = std::upper_bound(m_changes.begin(), m_changes.end(), time);
    return it == m_changes.end() ? time : *it;
}

QString TimelineLanes::describe(const Span& span, const TimelineLanes& lanes) {
    const QString request =
        tr("request %1")
            .arg(QString::fromStdString(formatCount(static_cast<double>(span.request))));
    if (span.outcome == RequestOutcome::Rejected) {
        return tr("%1 arrived at %2 and was rejected at %3 (%4)")
            .arg(request, seconds(span.arrival), seconds(span.end),
                 span.end > span.arrival ? tr("waited too long in the queue")
                                         : tr("no capacity: throttled or queue full"));
    }
    const Lane& lane = lanes.lanes()[static_cast<std::size_t>(span.lane)];
    QString text = tr("%1 arrived at %2").arg(request, seconds(span.arrival));
    if (span.coldStart) {
        const double wait = lanes.timeline().type == "serverless" ? span.start - span.arrival
                                                                  : lane.ready - span.arrival;
        text += tr(", waited %1 for a cold start").arg(seconds(std::max(0.0, wait)));
    }
    if (span.start > span.arrival && !span.coldStart) {
        text += tr(", waited %1 in the queue").arg(seconds(span.start - span.arrival));
    }
    text += tr(" on instance %1, ran %2").arg(lane.instance).arg(seconds(span.end - span.start));
    if (span.outcome == RequestOutcome::TimedOut) {
        text += tr(" and was killed at the timeout");
    }
    return text;
}

QString TimelineLanes::describeLane(int index) const {
    const Lane& lane = m_lanes[static_cast<std::size_t>(index)];
    QString text = tr("instance %1: created at %2, ready at %3")
                       .arg(lane.instance)
                       .arg(seconds(lane.created), seconds(lane.ready));
    if (lane.provisioned) {
        text += tr(" (kept whatever the load)");
    }
    if (std::isfinite(lane.ended)) {
        const QString why = lane.endReason == InstanceEndReason::ScaledIn ? tr("scaled in")
                            : lane.endReason == InstanceEndReason::Unloaded
                                ? tr("unloaded (pre-warmed later)")
                                : tr("reclaimed: keep-alive expired");
        text += tr(", ended at %1, %2").arg(seconds(lane.ended), why);
    } else {
        text += tr(", alive at the window's end");
    }
    return text;
}

} // namespace faaslab::gui
