#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace faaslab {

// The instances that can take another request, ordered by how many requests
// they run (fewest first, oldest first among equals): the routing rule of a
// least-connections load balancer, and what spreads load best when requests
// share CPUs. An indexed binary heap: insert, remove and re-key in O(log n).
class LeastLoadedInstances {
public:
    static constexpr std::uint32_t None = std::numeric_limits<std::uint32_t>::max();

    // Adds `slot` or updates its load.
    void set(std::uint32_t slot, std::uint32_t load, std::uint64_t creation);
    void remove(std::uint32_t slot);
    bool contains(std::uint32_t slot) const {
        return slot < m_position.size() && m_position[slot] != None;
    }
    bool empty() const { return m_heap.empty(); }
    std::uint32_t best() const { return m_heap.empty() ? None : m_heap.front().slot; }

private:
    struct Entry {
        std::uint64_t key; // load in the high bits, creation in the low 40
        std::uint32_t slot;
    };
    void up(std::size_t position);
    void down(std::size_t position);
    void place(std::size_t position, const Entry& entry);

    std::vector<Entry> m_heap;
    std::vector<std::uint32_t> m_position;
};

} // namespace faaslab
