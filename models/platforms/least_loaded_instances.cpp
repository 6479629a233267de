#include "models/platforms/least_loaded_instances.h"

namespace faaslab {

void LeastLoadedInstances::place(std::size_t position, const Entry& entry) {
    m_heap[position] = entry;
    m_position[entry.slot] = static_cast<std::uint32_t>(position);
}

void LeastLoadedInstances::set(std::uint32_t slot, std::uint32_t load, std::uint64_t creation) {
    const std::uint64_t key =
        (static_cast<std::uint64_t>(load) << 40) | (creation & ((std::uint64_t{1} << 40) - 1));
    if (slot >= m_position.size()) {
        m_position.resize(slot + 1, None);
    }
    if (m_position[slot] == None) {
        m_heap.push_back(Entry{key, slot});
        m_position[slot] = static_cast<std::uint32_t>(m_heap.size() - 1);
        up(m_heap.size() - 1);
        return;
    }
    const std::size_t position = m_position[slot];
    const std::uint64_t old = m_heap[position].key;
    m_heap[position].key = key;
    if (key < old) {
        up(position);
    } else {
        down(position);
    }
}

void LeastLoadedInstances::remove(std::uint32_t slot) {
    const std::size_t position = m_position[slot];
    m_position[slot] = None;
    const Entry last = m_heap.back();
    m_heap.pop_back();
    if (position < m_heap.size()) {
        place(position, last);
        up(position);
        down(m_position[last.slot]);
    }
}

void LeastLoadedInstances::up(std::size_t position) {
    const Entry entry = m_heap[position];
    while (position > 0) {
        const std::size_t parent = (position - 1) / 2;
        if (m_heap[parent].key <= entry.key) {
            break;
        }
        place(position, m_heap[parent]);
        position = parent;
    }
    place(position, entry);
}

void LeastLoadedInstances::down(std::size_t position) {
    const Entry entry = m_heap[position];
    const std::size_t size = m_heap.size();
    for (;;) {
        std::size_t child = 2 * position + 1;
        if (child >= size) {
            break;
        }
        if (child + 1 < size && m_heap[child + 1].key < m_heap[child].key) {
            ++child;
        }
        if (m_heap[child].key >= entry.key) {
            break;
        }
        place(position, m_heap[child]);
        position = child;
    }
    place(position, entry);
}

} // namespace faaslab
