#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faaslab {

// Which part of one replication a timeline records: [fromS, toS] of
// simulated time, at most `limit` records.
struct TimelineWindow {
    double fromS = 0.0;
    double toS = 600.0;
    std::size_t limit = 200000;
};

enum class TimelineRecordKind : std::uint8_t {
    // An instance was created: `time` its creation (a cold start begins
    // unless it is provisioned or pre-warmed), `start` when it was ready.
    // Instances alive when the window opens are recorded first, with their
    // own (earlier) creation times.
    InstanceStarted,
    // An instance ended at `time`; `detail` says why (InstanceEndReason).
    InstanceEnded,
    // A request: arrived at `time`, started executing at `start` (after a
    // cold start or a wait), ended at `end`; `detail` is its outcome
    // (RequestOutcome); a rejected request has no instance.
    Request,
};

enum class InstanceEndReason : std::uint8_t {
    KeepAliveExpired, // idle for its whole keep-alive
    Unloaded,         // hybrid keep-alive: unloaded at once, pre-warmed later
    ScaledIn,         // a container or VM autoscaler removed it
};

enum class RequestOutcome : std::uint8_t { Completed, TimedOut, Rejected };

std::string_view timelineKindName(TimelineRecordKind kind);
std::string_view instanceEndReasonName(InstanceEndReason reason);
std::string_view requestOutcomeName(RequestOutcome outcome);

struct TimelineRecord {
    static constexpr std::uint64_t NoInstance = std::numeric_limits<std::uint64_t>::max();

    double time = 0.0;
    double start = 0.0;
    double end = 0.0;
    std::uint64_t request = 0;
    std::uint64_t instance = NoInstance; // the platform's creation number
    TimelineRecordKind kind = TimelineRecordKind::Request;
    std::uint8_t detail = 0;
    bool coldStart = false; // Request: waited for its instance's cold start
    // InstanceStarted: kept whatever the load (provisioned concurrency, the
    // minimum containers, a VM fleet's instances started with the run).
    bool provisioned = false;
};

// Collects what happens to instances and requests of one platform inside a
// window, for the Timeline tab and `faaslab-cli timeline`. Bounded: at most
// `limit` records; on reaching it recording stops for good and
// truncatedAtS() says when. A platform holds a pointer that is null unless a
// timeline is recorded, so a run without one pays one untaken branch per
// instance or request change.
//
// Instances are followed from time 0 (their creation may precede the
// window), in a map of the ones alive; requests only inside the window.
class TimelineRecorder {
public:
    explicit TimelineRecorder(const TimelineWindow& window);

    void instanceStarted(double time, std::uint64_t instance, double readyAt, bool provisioned);
    void instanceEnded(double time, std::uint64_t instance, InstanceEndReason reason);
    // A request whose whole course is known when it arrives (serverless).
    void request(double arrival, double start, double end, std::uint64_t request,
                 std::uint64_t instance, RequestOutcome outcome, bool coldStart);
    // Platforms that learn a request's course later (containers, VMs: it
    // may wait, share an instance) announce its arrival, then record it
    // when its end is known; the run goes on past the window until every
    // request that arrived inside it is recorded (see settled()).
    void requestArrived(double arrival) {
        if (inWindow(arrival) && !m_truncated) {
            ++m_open;
        }
    }
    void requestEnded(double arrival, double start, double end, std::uint64_t request,
                      std::uint64_t instance, RequestOutcome outcome, bool coldStart) {
        if (inWindow(arrival) && m_open > 0) {
            --m_open;
        }
        this->request(arrival, start, end, request, instance, outcome, coldStart);
    }
    // Whether nothing recorded can change after `now`: the window is over
    // and every request that arrived in it is recorded (or recording
    // stopped at the limit).
    bool settled(double now) const { return m_truncated || (now > m_window.toS && m_open == 0); }
    // The run reached `time` (the window's end, or the end of the run):
    // opens the window if nothing did, so instances alive throughout are
    // listed.
    void finish(double time);

    const TimelineWindow& window() const { return m_window; }
    const std::vector<TimelineRecord>& records() const { return m_records; }
    bool truncated() const { return m_truncated; }
    double truncatedAtS() const { return m_truncatedAtS; }

private:
    bool inWindow(double time) const { return time >= m_window.fromS && time <= m_window.toS; }
    // At the first moment at or after the window's start: records the
    // instances alive then.
    void openAt(double time) {
        if (!m_opened && time >= m_window.fromS) {
            open();
        }
    }
    void open();
    void add(const TimelineRecord& record, double now);

    TimelineWindow m_window;
    std::vector<TimelineRecord> m_records;
    // Instances alive before the window opened, by id: their start records.
    std::unordered_map<std::uint64_t, TimelineRecord> m_alive;
    std::uint64_t m_open = 0; // announced requests not yet recorded
    bool m_opened = false;
    bool m_truncated = false;
    double m_truncatedAtS = 0.0;
};

} // namespace faaslab
