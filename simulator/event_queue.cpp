#include "simulator/event_queue.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace faaslab::sim {

PendingLimitExceeded::PendingLimitExceeded(std::size_t limit)
    : std::length_error("event queue: more than " + std::to_string(limit) +
                        " events pending at once")
    , m_limit(limit) {
}

void EventQueue::setPendingLimit(std::size_t limit) {
    m_pendingLimit = std::min<std::size_t>(limit, MaxPending);
}

std::uint64_t EventQueue::push(double time, EventHandler* handler, std::uint32_t kind,
                               std::uint32_t index, double value) {
    std::uint32_t slot = 0;
    if (m_nextSequence >= MaxSequence) [[unlikely]] {
        throw std::length_error("event queue: more than 2^40 events in one run");
    }
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_payloads[slot] = Payload{handler, kind, index, value};
    } else {
        // Every slot is in use here, so the pool's size is the number pending.
        if (m_payloads.size() >= m_pendingLimit) [[unlikely]] {
            throw PendingLimitExceeded(m_pendingLimit);
        }
        slot = static_cast<std::uint32_t>(m_payloads.size());
        m_payloads.push_back(Payload{handler, kind, index, value});
    }
    // + 0.0 turns a negative zero into a positive one, whose bits sort first.
    const std::uint64_t sequence = m_nextSequence++;
    const Entry entry{std::bit_cast<std::uint64_t>(time + 0.0), sequence << SlotBits | slot};
    m_heap.emplace_back();
    siftUp(m_heap.size() - 1, entry);
    return sequence;
}

Event EventQueue::pop() {
    const Entry earliest = m_heap.front();
    const Entry last = m_heap.back();
    m_heap.pop_back();
    if (!m_heap.empty()) {
        refillFromRoot(last);
    }
    const auto slot = static_cast<std::uint32_t>(earliest.order & (MaxPending - 1));
    const Payload& p = m_payloads[slot];
    m_freeSlots.push_back(slot);
    return Event{std::bit_cast<double>(earliest.timeKey),
                 earliest.order >> SlotBits,
                 p.handler,
                 p.kind,
                 p.index,
                 p.value};
}

void EventQueue::clear() {
    m_heap.clear();
    m_payloads.clear();
    m_freeSlots.clear();
}

// Both sift routines move a "hole" instead of swapping, so each level costs
// one copy rather than three.
void EventQueue::siftUp(std::size_t position, Entry entry) {
    while (position > 0) {
        const std::size_t parent = (position - 1) / Arity;
        if (!before(entry, m_heap[parent])) {
            break;
        }
        m_heap[position] = m_heap[parent];
        position = parent;
    }
    m_heap[position] = entry;
}

// Floyd's variant of pop: the element moved from the end of the heap nearly
// always belongs near the bottom again, so instead of comparing it at every
// level, move the hole from the root down the path of smallest children to a
// leaf (one predictable loop test per level, child choice by conditional
// moves), then sift the element up from there, which rarely takes a step.
void EventQueue::refillFromRoot(Entry last) {
    const std::size_t count = m_heap.size();
    std::size_t position = 0;
    for (;;) {
        const std::size_t first = position * Arity + 1;
        if (first + Arity > count) {
            break;
        }
        // Smallest of four children as a two-round tournament, selected
        // without branches (a ternary compiles to a jump here, and which
        // child is smallest is a coin toss).
        const std::size_t a =
            first + static_cast<std::size_t>(before(m_heap[first + 1], m_heap[first]));
        const std::size_t b =
            first + 2 + static_cast<std::size_t>(before(m_heap[first + 3], m_heap[first + 2]));
        const std::size_t mask = 0 - static_cast<std::size_t>(before(m_heap[b], m_heap[a]));
        const std::size_t best = a ^ ((a ^ b) & mask);
        m_heap[position] = m_heap[best];
        position = best;
    }
    // A last node with fewer than Arity children.
    const std::size_t first = position * Arity + 1;
    if (first < count) {
        std::size_t best = first;
        for (std::size_t child = first + 1; child < count; ++child) {
            best = before(m_heap[child], m_heap[best]) ? child : best;
        }
        m_heap[position] = m_heap[best];
        position = best;
    }
    siftUp(position, last);
}

} // namespace faaslab::sim
