#include "models/platforms/slot_list.h"

namespace faaslab {

void SlotList::reserveSlots(std::uint32_t slots) {
    if (slots > m_member.size()) {
        m_prev.resize(slots, None);
        m_next.resize(slots, None);
        m_member.resize(slots, false);
    }
}

void SlotList::pushBack(std::uint32_t slot) {
    m_prev[slot] = m_tail;
    m_next[slot] = None;
    if (m_tail != None) {
        m_next[m_tail] = slot;
    } else {
        m_head = slot;
    }
    m_tail = slot;
    m_member[slot] = true;
    ++m_size;
}

void SlotList::remove(std::uint32_t slot) {
    if (!contains(slot)) {
        return; // removing a slot twice must never corrupt the list
    }
    const std::uint32_t prev = m_prev[slot];
    const std::uint32_t next = m_next[slot];
    if (prev != None) {
        m_next[prev] = next;
    } else {
        m_head = next;
    }
    if (next != None) {
        m_prev[next] = prev;
    } else {
        m_tail = prev;
    }
    m_member[slot] = false;
    --m_size;
}

} // namespace faaslab
