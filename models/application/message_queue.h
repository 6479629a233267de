#pragma once

#include "models/application/application_spec.h"
#include "models/application/part_statistics.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <queue>
#include <vector>

namespace faaslab {

// One SQS-like queue of an application (docs/model-semantics.md,
// "Applications"): messages wait visible in the order they became visible; a
// poller takes a batch when `batch_size` messages are visible or when the
// oldest has waited `batching_window_s`, with at most `max_concurrency`
// batches in flight. A message of a failed batch is hidden until its
// visibility timeout (counted from when it was received) has passed, and
// goes to the dead letters once it has been received `max_receive_count`
// times.
//
// The queue holds the messages and decides; the application runtime owns
// the clock: it schedules the polls this class asks for and accounts the
// backlog (visibleCount() before each change).
class MessageQueue {
public:
    struct Message {
        std::uint32_t job = 0;  // the request it belongs to (the runtime's id)
        std::uint32_t copy = 0; // keys the consumer's work
        std::uint32_t receives = 0;
        double visibleSince = 0.0;
        bool measured = false;
    };

    explicit MessageQueue(const QueueSpec& spec);

    // A message sent at `now` (visible at once).
    void send(std::uint32_t job, std::uint32_t copy, double now, bool measured);

    // Whether a hidden message's visibility timeout has passed by `now`;
    // revealOne() then makes the earliest visible again.
    bool hasDue(double now) const { return !m_hidden.empty() && m_hidden.top().visibleAt <= now; }
    void revealOne();

    // How many messages a poller takes at `now`: 0 when every poller is
    // busy, nothing is visible, or a batch is still filling. In the last case
    // `wakeAt` is set, once per window, to when the window of the oldest
    // message closes (poll again then); otherwise it is negative.
    std::size_t batchReady(double now, double& wakeAt);
    // Takes `count` (from batchReady) messages into `batch` (cleared first),
    // counting each receive; the batch is in flight until batchEnded().
    void take(std::size_t count, double now, bool measured, std::vector<Message>& batch);
    void batchEnded() { --m_inFlight; }

    // What becomes of a message of a failed batch received at `receivedAt`:
    // hidden until its visibility timeout has passed (`visibleAt`), or
    // dead-lettered once received max_receive_count times.
    enum class Redelivery { Hidden, DeadLettered };
    Redelivery redeliver(const Message& message, double receivedAt, double now, bool measured,
                         double& visibleAt);

    std::size_t visibleCount() const { return m_visible.size(); }
    QueueStatistics& stats() { return m_stats; }
    const QueueStatistics& stats() const { return m_stats; }

    // One poll event at a time is scheduled for "something changed".
    bool pollPending = false;
    // When the runtime last integrated the backlog (visibleCount()).
    double backlogSince = 0.0;

private:
    struct HiddenMessage {
        double visibleAt = 0.0;
        std::uint64_t order = 0; // ties in hiding order
        Message message;
        bool operator>(const HiddenMessage& o) const {
            return visibleAt != o.visibleAt ? visibleAt > o.visibleAt : order > o.order;
        }
    };

    const QueueSpec* m_spec;
    std::deque<Message> m_visible;
    std::priority_queue<HiddenMessage, std::vector<HiddenMessage>, std::greater<HiddenMessage>>
        m_hidden;
    std::uint64_t m_hiddenOrder = 0;
    std::uint32_t m_inFlight = 0;
    double m_windowTimerAt = -1.0;
    QueueStatistics m_stats;
};

} // namespace faaslab
