#include "models/platforms/instance_selection.h"

#include <utility>

namespace faaslab {

std::string_view instanceSelectionName(InstanceSelection selection) {
    switch (selection) {
    case InstanceSelection::MostRecentlyUsed:
        return "most_recently_used";
    case InstanceSelection::NewestCreated:
        return "newest_created";
    case InstanceSelection::LeastRecentlyUsed:
        return "least_recently_used";
    }
    return "unknown";
}

void AvailableInstances::touch(std::uint32_t slot, std::uint64_t creation) {
    if (m_selection != InstanceSelection::NewestCreated) {
        if (m_byRecency.contains(slot)) {
            m_byRecency.remove(slot);
        } else {
            m_byRecency.reserveSlots(slot + 1);
        }
        m_byRecency.pushBack(slot);
        return;
    }
    if (slot >= m_heapPosition.size()) {
        m_heapPosition.resize(slot + 1, None);
        m_creation.resize(slot + 1, 0);
    }
    if (m_heapPosition[slot] != None) {
        return; // recency does not matter for this rule
    }
    m_creation[slot] = creation;
    m_heapPosition[slot] = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back(slot);
    heapUp(m_heapPosition[slot]);
}

void AvailableInstances::remove(std::uint32_t slot) {
    if (m_selection != InstanceSelection::NewestCreated) {
        m_byRecency.remove(slot);
        return;
    }
    const std::uint32_t position = m_heapPosition[slot];
    const auto last = static_cast<std::uint32_t>(m_heap.size() - 1);
    if (position != last) {
        heapSwap(position, last);
    }
    m_heap.pop_back();
    m_heapPosition[slot] = None;
    if (position < m_heap.size()) {
        heapDown(position);
        heapUp(position);
    }
}

bool AvailableInstances::contains(std::uint32_t slot) const {
    if (m_selection != InstanceSelection::NewestCreated) {
        return m_byRecency.contains(slot);
    }
    return slot < m_heapPosition.size() && m_heapPosition[slot] != None;
}

bool AvailableInstances::empty() const {
    return m_selection != InstanceSelection::NewestCreated ? m_byRecency.empty() : m_heap.empty();
}

std::uint32_t AvailableInstances::pick() const {
    switch (m_selection) {
    case InstanceSelection::MostRecentlyUsed:
        return m_byRecency.back();
    case InstanceSelection::LeastRecentlyUsed:
        return m_byRecency.front();
    case InstanceSelection::NewestCreated:
        return m_heap.empty() ? None : m_heap.front();
    }
    return None;
}

void AvailableInstances::heapSwap(std::uint32_t a, std::uint32_t b) {
    std::swap(m_heap[a], m_heap[b]);
    m_heapPosition[m_heap[a]] = a;
    m_heapPosition[m_heap[b]] = b;
}

void AvailableInstances::heapUp(std::uint32_t position) {
    while (position > 0) {
        const std::uint32_t parent = (position - 1) / 2;
        if (m_creation[m_heap[parent]] >= m_creation[m_heap[position]]) {
            break;
        }
        heapSwap(parent, position);
        position = parent;
    }
}

void AvailableInstances::heapDown(std::uint32_t position) {
    const auto size = static_cast<std::uint32_t>(m_heap.size());
    for (;;) {
        const std::uint32_t left = 2 * position + 1;
        const std::uint32_t right = left + 1;
        std::uint32_t largest = position;
        if (left < size && m_creation[m_heap[left]] > m_creation[m_heap[largest]]) {
            largest = left;
        }
        if (right < size && m_creation[m_heap[right]] > m_creation[m_heap[largest]]) {
            largest = right;
        }
        if (largest == position) {
            return;
        }
        heapSwap(position, largest);
        position = largest;
    }
}

} // namespace faaslab
