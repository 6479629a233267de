#pragma once

#include "simulator/event.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace faaslab::sim {

// Thrown by EventQueue::push() when one more event would exceed the number
// the queue may hold pending at once. It is a limit on the model's work in
// flight, not a fault of the engine, so callers can tell the user which
// scenario grew too large.
class PendingLimitExceeded : public std::length_error {
public:
    explicit PendingLimitExceeded(std::size_t limit);
    std::size_t limit() const { return m_limit; }

private:
    std::size_t m_limit;
};

// Pending-event set ordered by (time, insertion sequence).
//
// A 4-ary implicit heap of small keys: each heap entry is (time, sequence,
// payload slot), 24 bytes, and the rest of the event lives in a pool indexed
// by the slot. Sifting therefore moves three words per level instead of five,
// and the four children of a node share one or two cache lines. Compared with
// a binary heap, the 4-ary layout halves the depth, which is what dominates
// for the few hundred to few thousand events a platform keeps pending.
//
// Storage only grows to the peak number of pending events; the steady state
// allocates nothing. Cancellation is lazy: a handler that wants to revoke an
// event keeps a generation counter and ignores stale events when they fire,
// which keeps push and pop O(log n) without a position index.
class EventQueue {
public:
    // Returns the sequence number given to the event. `time` must not be
    // negative (simulated time starts at 0).
    std::uint64_t push(double time, EventHandler* handler, std::uint32_t kind,
                       std::uint32_t index = 0, double value = 0.0);

    // Removes and returns the earliest event. Precondition: !empty().
    Event pop();

    double topTime() const { return std::bit_cast<double>(m_heap.front().timeKey); }
    std::uint64_t topSequence() const { return m_heap.front().order >> SlotBits; }
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    // Sequence number the next push will get.
    std::uint64_t nextSequence() const { return m_nextSequence; }
    // Reserves the next sequence number without pushing (for event sources
    // that keep their next event outside the heap, see Simulation).
    std::uint64_t takeSequence() { return m_nextSequence++; }

    void clear();

    // At most `limit` events pending at once (clamped to MaxPending); push()
    // throws PendingLimitExceeded beyond it. Bounds a run's memory.
    void setPendingLimit(std::size_t limit);
    std::size_t pendingLimit() const { return m_pendingLimit; }

private:
    static constexpr std::size_t Arity = 4;

public:
    // Limits of the packed order word: 2^24 (16.7 million) events pending at
    // once and 2^40 (1.1 x 10^12) events in one run. push() throws
    // (PendingLimitExceeded, or std::length_error for the sequence) beyond
    // either, rather than misorder events.
    static constexpr int SlotBits = 24;
    static constexpr std::uint64_t MaxPending = std::uint64_t{1} << SlotBits;
    static constexpr std::uint64_t MaxSequence = std::uint64_t{1} << (64 - SlotBits);

private:
    // The time is kept as the bit pattern of the double: for non-negative
    // doubles the unsigned integer order of the bits is the numeric order,
    // and integer comparisons are cheaper and branch-free.
    //
    // The insertion sequence and the payload slot share one word, sequence
    // in the high bits, so comparing the word compares sequences: entries are
    // 16 bytes and the four children of a node fill one cache line.
    struct Entry {
        std::uint64_t timeKey;
        std::uint64_t order; // sequence << SlotBits | slot
    };
    struct Payload {
        EventHandler* handler;
        std::uint32_t kind;
        std::uint32_t index;
        double value;
    };

    // Bitwise rather than short-circuit operators: the result feeds
    // conditional moves, not branches (the order of random completion times
    // is unpredictable, so branches here would mispredict half the time).
    static bool before(const Entry& a, const Entry& b) {
        return (a.timeKey < b.timeKey) | ((a.timeKey == b.timeKey) & (a.order < b.order));
    }
    void siftUp(std::size_t position, Entry entry);
    void refillFromRoot(Entry last);

    std::vector<Entry> m_heap;
    std::vector<Payload> m_payloads;
    std::vector<std::uint32_t> m_freeSlots;
    std::uint64_t m_nextSequence = 0;
    std::size_t m_pendingLimit = MaxPending;
};

} // namespace faaslab::sim
