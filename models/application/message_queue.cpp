#include "models/application/message_queue.h"

#include <algorithm>

namespace faaslab {

MessageQueue::MessageQueue(const QueueSpec& spec)
    : m_spec(&spec) {
}

void MessageQueue::send(std::uint32_t job, std::uint32_t copy, double now, bool measured) {
    m_stats.sent += measured ? 1 : 0;
    m_visible.push_back(Message{job, copy, 0, now, measured});
}

void MessageQueue::revealOne() {
    Message m = m_hidden.top().message;
    m.visibleSince = m_hidden.top().visibleAt;
    m_hidden.pop();
    m_visible.push_back(m);
}

std::size_t MessageQueue::batchReady(double now, double& wakeAt) {
    wakeAt = -1.0;
    if (m_inFlight >= static_cast<std::uint32_t>(m_spec->maxConcurrency) || m_visible.empty()) {
        return 0;
    }
    const auto batchSize = static_cast<std::size_t>(m_spec->batchSize);
    const double windowEnds = m_visible.front().visibleSince + m_spec->batchingWindowS;
    if (m_visible.size() < batchSize && now < windowEnds) {
        // Wait for the batch to fill, at most until the window closes.
        if (m_windowTimerAt != windowEnds) {
            m_windowTimerAt = windowEnds;
            wakeAt = windowEnds;
        }
        return 0;
    }
    return std::min(batchSize, m_visible.size());
}

void MessageQueue::take(std::size_t count, double now, bool measured, std::vector<Message>& batch) {
    batch.clear();
    for (std::size_t i = 0; i < count; ++i) {
        Message m = m_visible.front();
        m_visible.pop_front();
        ++m.receives;
        if (measured) {
            ++m_stats.received;
            m_stats.waitSum += now - m.visibleSince;
        }
        batch.push_back(m);
    }
    m_stats.batches += measured ? 1 : 0;
    ++m_inFlight;
}

MessageQueue::Redelivery MessageQueue::redeliver(const Message& message, double receivedAt,
                                                 double now, bool measured, double& visibleAt) {
    if (message.receives >= static_cast<std::uint32_t>(m_spec->maxReceiveCount)) {
        m_stats.deadLettered += measured ? 1 : 0;
        return Redelivery::DeadLettered;
    }
    visibleAt = std::max(now, receivedAt + m_spec->visibilityTimeoutS);
    m_hidden.push(HiddenMessage{visibleAt, m_hiddenOrder++, message});
    return Redelivery::Hidden;
}

} // namespace faaslab
