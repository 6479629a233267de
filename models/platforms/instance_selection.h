#pragma once

#include "models/platforms/slot_list.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace faaslab {

// Which warm instance a request is routed to when several could take it.
enum class InstanceSelection {
    // The one used last: keeps a hot core of instances busy and lets the
    // rest age out, which minimises instances kept alive (AWS Lambda-like).
    MostRecentlyUsed,
    // The youngest instance (by creation), as in several FaaS simulators'
    // "newest first" routing.
    NewestCreated,
    // The one idle longest: spreads load, keeps more instances warm.
    LeastRecentlyUsed,
};

std::string_view instanceSelectionName(InstanceSelection selection);

// The set of instances that can take another request right now, with the
// routing rule applied in O(1) (recency rules: a list ordered by last use) or
// O(log n) (newest created: a max-heap keyed by creation number).
class AvailableInstances {
public:
    static constexpr std::uint32_t None = SlotList::None;

    explicit AvailableInstances(InstanceSelection selection = InstanceSelection::MostRecentlyUsed)
        : m_selection(selection) {}

    // Adds `slot`, or moves it to the most-recent end if present.
    // `creation` orders instances for NewestCreated.
    void touch(std::uint32_t slot, std::uint64_t creation);
    void remove(std::uint32_t slot);
    bool contains(std::uint32_t slot) const;
    bool empty() const;

    // The instance the rule picks, or None.
    std::uint32_t pick() const;

private:
    void heapUp(std::uint32_t position);
    void heapDown(std::uint32_t position);
    void heapSwap(std::uint32_t a, std::uint32_t b);

    InstanceSelection m_selection;
    SlotList m_byRecency;
    // NewestCreated: heap of slots, keyed by creation number.
    std::vector<std::uint32_t> m_heap;
    std::vector<std::uint32_t> m_heapPosition;
    std::vector<std::uint64_t> m_creation;
};

} // namespace faaslab
