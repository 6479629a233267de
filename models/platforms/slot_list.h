#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace faaslab {

// A doubly linked list of slot numbers (instance indexes) whose links live in
// arrays owned by the list, so one instance can sit in several lists (idle
// instances by idle time, available instances by last use) with O(1) insert,
// remove and membership test and no allocation once the arrays have grown to
// the largest slot number.
class SlotList {
public:
    static constexpr std::uint32_t None = std::numeric_limits<std::uint32_t>::max();

    // Makes room for slot numbers below `slots`; call before pushing a new
    // slot number (pushBack does not grow the arrays, to stay branch-light).
    void reserveSlots(std::uint32_t slots);

    void pushBack(std::uint32_t slot);
    void remove(std::uint32_t slot);
    bool contains(std::uint32_t slot) const { return slot < m_member.size() && m_member[slot]; }

    std::uint32_t front() const { return m_head; }
    std::uint32_t back() const { return m_tail; }
    std::uint32_t next(std::uint32_t slot) const { return m_next[slot]; }
    bool empty() const { return m_size == 0; }
    std::uint32_t size() const { return m_size; }

private:
    std::vector<std::uint32_t> m_prev;
    std::vector<std::uint32_t> m_next;
    std::vector<bool> m_member;
    std::uint32_t m_head = None;
    std::uint32_t m_tail = None;
    std::uint32_t m_size = 0;
};

} // namespace faaslab
