#include "models/platforms/timeline_recorder.h"

#include <algorithm>

namespace faaslab {

std::string_view timelineKindName(TimelineRecordKind kind) {
    switch (kind) {
    case TimelineRecordKind::InstanceStarted:
        return "instance_started";
    case TimelineRecordKind::InstanceEnded:
        return "instance_ended";
    case TimelineRecordKind::Request:
        break;
    }
    return "request";
}

std::string_view instanceEndReasonName(InstanceEndReason reason) {
    switch (reason) {
    case InstanceEndReason::Unloaded:
        return "unloaded";
    case InstanceEndReason::ScaledIn:
        return "scaled_in";
    case InstanceEndReason::KeepAliveExpired:
        break;
    }
    return "keep_alive_expired";
}

std::string_view requestOutcomeName(RequestOutcome outcome) {
    switch (outcome) {
    case RequestOutcome::TimedOut:
        return "timed_out";
    case RequestOutcome::Rejected:
        return "rejected";
    case RequestOutcome::Completed:
        break;
    }
    return "completed";
}

TimelineRecorder::TimelineRecorder(const TimelineWindow& window)
    : m_window(window) {
    // Once, up front: recording allocates nothing per request.
    m_records.reserve(std::min<std::size_t>(m_window.limit, 1u << 20));
}

void TimelineRecorder::add(const TimelineRecord& record, double now) {
    if (m_truncated) {
        return;
    }
    if (m_records.size() >= m_window.limit) {
        m_truncated = true;
        m_truncatedAtS = now;
        return;
    }
    m_records.push_back(record);
}

void TimelineRecorder::open() {
    m_opened = true;
    // In creation order, so lanes keep the platform's order.
    std::vector<TimelineRecord> alive;
    alive.reserve(m_alive.size());
    for (const auto& [id, record] : m_alive) {
        alive.push_back(record);
    }
    std::sort(alive.begin(), alive.end(), [](const TimelineRecord& a, const TimelineRecord& b) {
        return a.instance < b.instance;
    });
    for (const TimelineRecord& r : alive) {
        add(r, m_window.fromS);
    }
    m_alive.clear();
}

void TimelineRecorder::instanceStarted(double time, std::uint64_t instance, double readyAt,
                                       bool provisioned) {
    openAt(time);
    TimelineRecord r;
    r.kind = TimelineRecordKind::InstanceStarted;
    r.time = time;
    r.start = readyAt;
    r.end = readyAt;
    r.instance = instance;
    r.provisioned = provisioned;
    if (!m_opened) {
        m_alive.emplace(instance, r);
    } else if (time <= m_window.toS) {
        add(r, time);
    }
}

void TimelineRecorder::instanceEnded(double time, std::uint64_t instance,
                                     InstanceEndReason reason) {
    openAt(time);
    if (!m_opened) {
        m_alive.erase(instance);
        return;
    }
    if (time > m_window.toS) {
        return;
    }
    TimelineRecord r;
    r.kind = TimelineRecordKind::InstanceEnded;
    r.time = time;
    r.start = time;
    r.end = time;
    r.instance = instance;
    r.detail = static_cast<std::uint8_t>(reason);
    add(r, time);
}

void TimelineRecorder::request(double arrival, double start, double end, std::uint64_t request,
                               std::uint64_t instance, RequestOutcome outcome, bool coldStart) {
    openAt(arrival);
    if (!inWindow(arrival)) {
        return;
    }
    TimelineRecord r;
    r.kind = TimelineRecordKind::Request;
    r.time = arrival;
    r.start = start;
    r.end = end;
    r.request = request;
    r.instance = instance;
    r.detail = static_cast<std::uint8_t>(outcome);
    r.coldStart = coldStart;
    add(r, arrival);
}

void TimelineRecorder::finish(double time) {
    openAt(std::max(time, m_window.fromS));
}

} // namespace faaslab
