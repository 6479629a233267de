#include "models/platforms/waiting_line.h"

namespace faaslab {

void WaitingLine::push(const WaitingRequest& request) {
    if (m_size == m_items.size()) {
        grow();
    }
    m_items[(m_head + m_size) % m_items.size()] = request;
    ++m_size;
}

WaitingRequest WaitingLine::pop() {
    const WaitingRequest request = m_items[m_head];
    m_head = (m_head + 1) % m_items.size();
    --m_size;
    return request;
}

void WaitingLine::grow() {
    std::vector<WaitingRequest> larger(m_items.empty() ? 16 : m_items.size() * 2);
    for (std::size_t i = 0; i < m_size; ++i) {
        larger[i] = m_items[(m_head + i) % m_items.size()];
    }
    m_items.swap(larger);
    m_head = 0;
}

} // namespace faaslab
