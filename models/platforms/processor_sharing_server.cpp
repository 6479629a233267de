#include "models/platforms/processor_sharing_server.h"

#include <algorithm>

namespace faaslab {

double ProcessorSharingServer::rate() const {
    if (m_heap.empty()) {
        return 1.0;
    }
    return std::min(1.0, m_capacity / static_cast<double>(m_heap.size()));
}

double ProcessorSharingServer::busyCapacity() const {
    return std::min(m_capacity, static_cast<double>(m_heap.size()));
}

void ProcessorSharingServer::advanceTo(double now) {
    if (!m_heap.empty()) {
        m_virtualTime += rate() * (now - m_lastUpdate);
    }
    m_lastUpdate = now;
}

void ProcessorSharingServer::join(std::uint32_t id, double work) {
    if (m_heap.empty()) {
        // Restart the virtual clock when idle: tags stay small, so a month
        // of simulated time loses no precision.
        m_virtualTime = 0.0;
    }
    m_heap.push_back(Tag{m_virtualTime + work, id});
    std::push_heap(m_heap.begin(), m_heap.end(), after);
}

std::uint32_t ProcessorSharingServer::leaveFirst() {
    std::pop_heap(m_heap.begin(), m_heap.end(), after);
    const std::uint32_t id = m_heap.back().id;
    // The finishing request's tag is the virtual time now (up to rounding);
    // snapping to it keeps the others' remaining work exact.
    m_virtualTime = std::max(m_virtualTime, m_heap.back().finish);
    m_heap.pop_back();
    return id;
}

double ProcessorSharingServer::nextDeparture() const {
    if (m_heap.empty()) {
        return std::numeric_limits<double>::infinity();
    }
    const double remaining = std::max(0.0, m_heap.front().finish - m_virtualTime);
    return m_lastUpdate + remaining / rate();
}

} // namespace faaslab
